namespace Samverka.Platform.Identity;

/// Roles are always held within a scope: the platform, a tenant (region or municipality) or an organisation.
public enum Role
{
    PlatformAdmin = 1,
    MunicipalityAdmin = 2,
    Officer = 3,
    Coordinator = 4,
    OrganisationAdmin = 5,
    OrganisationMember = 6,
}

public static class RoleScopes
{
    public static bool IsTenantRole(this Role role) =>
        role is Role.MunicipalityAdmin or Role.Officer or Role.Coordinator;

    public static bool IsOrganisationRole(this Role role) =>
        role is Role.OrganisationAdmin or Role.OrganisationMember;

    public static readonly Role[] TenantRoles = [Role.MunicipalityAdmin, Role.Officer, Role.Coordinator];
    public static readonly Role[] OrganisationRoles = [Role.OrganisationAdmin, Role.OrganisationMember];
}
