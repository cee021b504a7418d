using System.Security.Claims;

namespace Samverka.Platform.Identity;

/// The signed-in user and their role assignments, loaded once per request from the database so that a revoked
/// role stops working at once.
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db)
{
    private IReadOnlyList<RoleAssignment>? _roles;

    public string? Id => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
    public bool IsSignedIn => Id is not null;

    public async Task<Access> GetAccessAsync(CancellationToken ct = default)
    {
        if (_roles is null)
        {
            var id = Id;
            _roles = id is null
                ? []
                : await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == id).ToListAsync(ct);
        }
        return new Access(Id, _roles);
    }
}

/// Plain rules for who may see and change what. No database, no HTTP: unit-testable.
public sealed class Access(string? userId, IReadOnlyList<RoleAssignment> roles)
{
    public string? UserId => userId;
    public IReadOnlyList<RoleAssignment> Roles => roles;
    public bool IsSignedIn => userId is not null;
    public bool IsPlatformAdmin => roles.Any(r => r.Role == Role.PlatformAdmin);

    public bool HasTenantRole(Guid tenantId, params Role[] allowed) =>
        roles.Any(r => r.TenantId == tenantId && allowed.Contains(r.Role));

    /// Staff of a tenant: its admins, officers and coordinators. They see the tenant's non-public data.
    public bool IsStaffOf(Guid tenantId) => IsPlatformAdmin || HasTenantRole(tenantId, RoleScopes.TenantRoles);

    public bool CanAdministerTenant(Guid tenantId) => IsPlatformAdmin || HasTenantRole(tenantId, Role.MunicipalityAdmin);

    /// Admins and coordinators keep the public profile up to date.
    public bool CanEditTenantProfile(Guid tenantId) =>
        IsPlatformAdmin || HasTenantRole(tenantId, Role.MunicipalityAdmin, Role.Coordinator);

    public bool IsMemberOf(Guid organisationId) =>
        IsPlatformAdmin || roles.Any(r => r.OrganisationId == organisationId && r.Role.IsOrganisationRole());

    public bool CanAdministerOrganisation(Guid organisationId) =>
        IsPlatformAdmin || roles.Any(r => r.OrganisationId == organisationId && r.Role == Role.OrganisationAdmin);

    public bool CanInvite(Role role, Guid? tenantId, Guid? organisationId) => role switch
    {
        Role.PlatformAdmin => IsPlatformAdmin && tenantId is null && organisationId is null,
        _ when role.IsTenantRole() => tenantId is { } t && organisationId is null && CanAdministerTenant(t),
        _ when role.IsOrganisationRole() => organisationId is { } o && tenantId is null && CanAdministerOrganisation(o),
        _ => false,
    };

    public IEnumerable<Guid> StaffTenantIds => roles.Where(r => r.TenantId is not null && r.Role.IsTenantRole()).Select(r => r.TenantId!.Value).Distinct();
    public IEnumerable<Guid> OrganisationIds => roles.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!.Value).Distinct();
}
