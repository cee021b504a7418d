namespace Samverka.Features.Partnerships;

/// The access policy Partnerships declares for itself (through its module): a party to the partnership, as
/// `PartnershipFile.RightsOf` decides. The resource is the loaded `PartnershipFile`, so a missing partnership is
/// the caller's 404 and a refusal the policy's 403.
public static class PartnershipPolicies
{
    public const string Party = "PartnershipParty";

    public static IServiceCollection AddPartnershipPolicies(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, PartyHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Party, p => p.RequireAuthenticatedUser().AddRequirements(new PartyRequirement()));
        return services;
    }

    private sealed class PartyRequirement : IAuthorizationRequirement;

    private sealed class PartyHandler(CurrentUser current) : AuthorizationHandler<PartyRequirement, PartnershipFile>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PartyRequirement requirement, PartnershipFile file)
        {
            if (file.RightsOf(await current.GetAccessAsync()).IsParty) context.Succeed(requirement);
        }
    }
}
