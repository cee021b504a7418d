namespace Samverka.Platform.Tenancy;

/// The tenant the current request is about: the route's `{code}`, resolved once before authorisation and before
/// any handler runs (`UseTenantContext`). Tenant policies read it, pages read it instead of looking the tenant up,
/// and `AppDbContext` narrows every query over `ITenantScoped` rows to it. Empty outside a tenant's route (public
/// lists, other features' pages, background jobs, seeders): then queries are not narrowed.
public sealed class TenantContext
{
    /// By convention a route parameter named `code` is a tenant's code, on pages and endpoints alike.
    public const string RouteKey = "code";

    public Tenant? Tenant { get; private set; }

    /// The tenant ids whose rows the request sees: the tenant, and for a region also its municipalities (a region's
    /// pages show its municipalities' public data). Null when no tenant is resolved.
    public IReadOnlyList<Guid>? ScopeIds { get; private set; }

    public Tenant Required => Tenant ?? throw new InvalidOperationException("This route has no {code}: no tenant is resolved.");

    /// For code outside a request (a job or test acting for one tenant).
    public void Enter(Tenant tenant, IReadOnlyList<Guid>? childIds = null)
    {
        Tenant = tenant;
        ScopeIds = (Guid[])[tenant.Id, .. childIds ?? []];
    }
}

/// The one place that turns a route's `{code}` into the request's tenant. It runs after routing and before
/// authorisation, so tenant policies declared on a page or endpoint know their tenant; an unknown code is 404
/// before anything else is decided (tenant codes are public), an endpoint restricted to one kind
/// (`[TenantKind]`) answers 404 for the other kind.
public static class TenantContextMiddleware
{
    public static IApplicationBuilder UseTenantContext(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint() is RouteEndpoint endpoint && endpoint.RoutePattern.GetParameter(TenantContext.RouteKey) is not null
                && http.GetRouteValue(TenantContext.RouteKey) is string code)
            {
                var db = http.RequestServices.GetRequiredService<AppDbContext>();
                // Tracked: a page that edits the tenant itself (its profile) saves this instance.
                var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Code == code, http.RequestAborted);
                var kind = endpoint.Metadata.GetMetadata<TenantKindAttribute>()?.Kind;
                if (tenant is null || (kind is not null && tenant.Kind != kind))
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                var children = tenant.Kind == TenantKind.Region
                    ? await db.Tenants.AsNoTracking().Where(t => t.ParentId == tenant.Id).Select(t => t.Id).ToListAsync(http.RequestAborted)
                    : null;
                http.RequestServices.GetRequiredService<TenantContext>().Enter(tenant, children);
            }
            await next(http);
        });
}

/// Restricts a `{code}` route to one kind of tenant (a municipality's pages answer 404 for a region's code).
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class TenantKindAttribute(TenantKind kind) : Attribute
{
    public TenantKind Kind => kind;
}

/// A page about one tenant addressed by `{code}`: the tenant is already resolved (404 when unknown) and the
/// page's declared policy already decided, so the handler only loads what it shows.
public abstract class TenantPageModel : PageModel
{
    public Tenant Tenant => HttpContext.RequestServices.GetRequiredService<TenantContext>().Required;
}

/// A page about one municipality: `{code}` must name a municipality.
[TenantKind(TenantKind.Municipality)]
public abstract class MunicipalityPageModel : TenantPageModel
{
    public Tenant Municipality => Tenant;
}
