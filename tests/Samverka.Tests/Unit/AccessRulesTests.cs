using Samverka.Platform.Identity;

namespace Samverka.Tests.Unit;

public sealed class AccessRulesTests
{
    private static readonly Guid Borlange = Guid.NewGuid(), Falun = Guid.NewGuid(), Dalia = Guid.NewGuid(), Other = Guid.NewGuid();

    private static Access As(params RoleAssignment[] roles) => new("user", roles);
    private static RoleAssignment Tenant(Role role, Guid tenant) => new() { Role = role, TenantId = tenant };
    private static RoleAssignment Org(Role role, Guid org) => new() { Role = role, OrganisationId = org };

    public static TheoryData<string, Role[], bool, bool, bool> TenantCases => new()
    {
        // who, roles in Borlänge, staff of Borlänge, administers Borlänge, edits Borlänge's profile
        { "admin", [Role.MunicipalityAdmin], true, true, true },
        { "officer", [Role.Officer], true, false, false },
        { "coordinator", [Role.Coordinator], true, false, true },
        { "org admin", [], false, false, false },
    };

    [Theory]
    [MemberData(nameof(TenantCases))]
    public void Tenant_roles_grant_only_what_they_should(string who, Role[] roles, bool staff, bool admin, bool edit)
    {
        var access = As(roles.Select(r => Tenant(r, Borlange)).ToArray());
        Assert.Equal(staff, access.IsStaffOf(Borlange));
        Assert.Equal(admin, access.CanAdministerTenant(Borlange));
        Assert.Equal(edit, access.CanEditTenantProfile(Borlange));
        // Nothing ever carries over to another municipality.
        Assert.False(access.IsStaffOf(Falun), who);
        Assert.False(access.CanAdministerTenant(Falun), who);
        Assert.False(access.CanEditTenantProfile(Falun), who);
    }

    [Fact]
    public void Platform_admin_may_do_everything()
    {
        var access = As(new RoleAssignment { Role = Role.PlatformAdmin });
        Assert.True(access.IsStaffOf(Falun));
        Assert.True(access.CanAdministerOrganisation(Other));
        Assert.True(access.CanInvite(Role.PlatformAdmin, null, null));
    }

    [Fact]
    public void Organisation_roles_stay_within_their_organisation()
    {
        var admin = As(Org(Role.OrganisationAdmin, Dalia));
        var member = As(Org(Role.OrganisationMember, Dalia));
        Assert.True(admin.CanAdministerOrganisation(Dalia));
        Assert.False(admin.CanAdministerOrganisation(Other));
        Assert.True(member.IsMemberOf(Dalia));
        Assert.False(member.CanAdministerOrganisation(Dalia));
        Assert.False(member.IsMemberOf(Other));
        Assert.False(admin.IsStaffOf(Borlange));
    }

    public static TheoryData<Role, bool, bool, bool> InviteCases => new()
    {
        // role to invite into, Borlänge admin may (in Borlänge), Dalia admin may (in Dalia), officer may (in Borlänge)
        { Role.PlatformAdmin, false, false, false },
        { Role.MunicipalityAdmin, true, false, false },
        { Role.Officer, true, false, false },
        { Role.Coordinator, true, false, false },
        { Role.OrganisationAdmin, false, true, false },
        { Role.OrganisationMember, false, true, false },
    };

    [Theory]
    [MemberData(nameof(InviteCases))]
    public void Who_may_invite_whom(Role role, bool municipalityAdmin, bool organisationAdmin, bool officer)
    {
        Guid? tenant = role.IsTenantRole() ? Borlange : null;
        Guid? org = role.IsOrganisationRole() ? Dalia : null;
        Assert.Equal(municipalityAdmin, As(Tenant(Role.MunicipalityAdmin, Borlange)).CanInvite(role, tenant, org));
        Assert.Equal(organisationAdmin, As(Org(Role.OrganisationAdmin, Dalia)).CanInvite(role, tenant, org));
        Assert.Equal(officer, As(Tenant(Role.Officer, Borlange)).CanInvite(role, tenant, org));
        // Never into someone else's scope, and never a role in the wrong kind of scope.
        Assert.False(As(Tenant(Role.MunicipalityAdmin, Borlange)).CanInvite(role, role.IsTenantRole() ? Falun : null, org));
        Assert.False(As(Tenant(Role.MunicipalityAdmin, Borlange)).CanInvite(role, Borlange, Dalia));
    }

    [Fact]
    public void Anonymous_has_no_rights()
    {
        var anonymous = new Access(null, []);
        Assert.False(anonymous.IsSignedIn);
        Assert.False(anonymous.IsStaffOf(Borlange));
        Assert.False(anonymous.IsMemberOf(Dalia));
    }
}
