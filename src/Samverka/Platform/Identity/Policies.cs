namespace Samverka.Platform.Identity;

/// The platform's named access policies. A page declares one with `[Authorize(Policy = Policies.TenantStaff)]`, an
/// endpoint with `.RequireAuthorization(Policies.TenantStaff)`; a public one says `[AllowAnonymous]` /
/// `.AllowAnonymous()`, a page for any signed-in person plain `[Authorize]`. Anything that says none of these is
/// refused (the fallback policy; `AccessDeclarationTests`). The rules themselves stay in `Access`.
///
/// Which resource a policy is about: declared on a page or endpoint, a tenant policy means the route's tenant
/// (`{code}`, resolved into `TenantContext` before authorisation) and an organisation policy the route's `{id}`.
/// Asked in code (`IAuthorizationService.AuthorizeAsync(User, resource, policy)` or `this.RefuseUnlessAsync`),
/// the resource is a `Tenant`, any `ITenantScoped` row, or an `OrganisationRef`.
public static class Policies
{
    public const string PlatformAdmin = "PlatformAdmin";
    /// Admins, officers and coordinators of the tenant: they see its non-public data.
    public const string TenantStaff = "TenantStaff";
    public const string TenantAdmin = "TenantAdmin";
    /// Admins and coordinators keep the tenant's public profile up to date.
    public const string TenantProfileEditor = "TenantProfileEditor";
    public const string OrganisationMember = "OrganisationMember";
    public const string OrganisationAdmin = "OrganisationAdmin";

    /// The route value an organisation policy declared on a page or endpoint reads.
    public const string OrganisationRouteKey = "id";

    public static IServiceCollection AddSamverkaAccess(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, AccessHandler>();
        services.AddAuthorizationBuilder()
            // Deny by default: a page or endpoint that declares neither a policy, [Authorize] nor [AllowAnonymous]
            // is refused to everyone (anonymous visitors are asked to sign in, then refused).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build())
            .AddPolicy(PlatformAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new PlatformAdminRequirement()))
            .AddPolicy(TenantStaff, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRequirement((a, t) => a.IsStaffOf(t))))
            .AddPolicy(TenantAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRequirement((a, t) => a.CanAdministerTenant(t))))
            .AddPolicy(TenantProfileEditor, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRequirement((a, t) => a.CanEditTenantProfile(t))))
            .AddPolicy(OrganisationMember, p => p.RequireAuthenticatedUser().AddRequirements(new OrganisationRequirement((a, o) => a.IsMemberOf(o))))
            .AddPolicy(OrganisationAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new OrganisationRequirement((a, o) => a.CanAdministerOrganisation(o))));
        return services;
    }
}

/// An organisation as the resource of an organisation policy (organisations belong to the register, which the
/// platform does not know).
public readonly record struct OrganisationRef(Guid Id);

/// A tenant by id as the resource of a tenant policy; no id (an organisation without a home municipality) leaves
/// the decision to platform admins.
public readonly record struct TenantRef(Guid? Id);

public sealed class PlatformAdminRequirement : IAuthorizationRequirement;

/// Holds when the rule allows the signed-in person on the tenant the resource names.
public sealed class TenantRequirement(Func<Access, Guid, bool> rule) : IAuthorizationRequirement
{
    public bool Allows(Access access, Guid tenantId) => rule(access, tenantId);
}

public sealed class OrganisationRequirement(Func<Access, Guid, bool> rule) : IAuthorizationRequirement
{
    public bool Allows(Access access, Guid organisationId) => rule(access, organisationId);
}

/// Answers the platform's requirements from `Access` (loaded once per request) and the resource.
internal sealed class AccessHandler(CurrentUser current, TenantContext tenantContext) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        Access? access = null;
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            access ??= await current.GetAccessAsync();
            // Platform admins may do everything (as every rule in Access says).
            var allowed = access.IsPlatformAdmin || requirement switch
            {
                PlatformAdminRequirement => false,
                TenantRequirement r => TenantOf(context.Resource) is { } t && r.Allows(access, t),
                OrganisationRequirement r => OrganisationOf(context.Resource) is { } o && r.Allows(access, o),
                _ => false,
            };
            if (allowed && requirement is PlatformAdminRequirement or TenantRequirement or OrganisationRequirement) context.Succeed(requirement);
        }
    }

    private Guid? TenantOf(object? resource) => resource switch
    {
        Tenant t => t.Id,
        TenantRef t => t.Id,
        ITenantScoped s => s.TenantId,
        HttpContext => tenantContext.Tenant?.Id,
        _ => null,
    };

    private static Guid? OrganisationOf(object? resource) => resource switch
    {
        OrganisationRef o => o.Id,
        HttpContext http when http.GetRouteValue(Policies.OrganisationRouteKey)?.ToString() is { } id && Guid.TryParse(id, out var g) => g,
        _ => null,
    };
}

public static class AuthorizationPageExtensions
{
    /// Null when the signed-in person passes the policy on the resource; otherwise the refusal to answer with
    /// (403, or a sign-in for an anonymous visitor). The caller answers 404 itself when the resource is missing.
    public static async Task<IActionResult?> RefuseUnlessAsync(this PageModel page, object resource, string policy)
    {
        var authorization = page.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        if ((await authorization.AuthorizeAsync(page.User, resource, policy)).Succeeded) return null;
        return page.User.Identity?.IsAuthenticated == true ? page.Forbid() : page.Challenge();
    }

    public static async Task<bool> IsAllowedAsync(this HttpContext http, object resource, string policy) =>
        (await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, resource, policy)).Succeeded;
}
