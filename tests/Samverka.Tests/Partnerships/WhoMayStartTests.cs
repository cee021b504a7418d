using Samverka.Features.Partnerships;
using Samverka.Platform.Identity;

namespace Samverka.Tests.Partnerships;

/// The one rule behind every "start a partnership" link: the public side pairs with an organisation, the organisation
/// side with a municipality it is not staff of.
public sealed class WhoMayStartTests
{
    private static readonly Guid Borlange = Guid.NewGuid(), Falun = Guid.NewGuid(), Dalia = Guid.NewGuid();
    private static Access As(params RoleAssignment[] roles) => new("user", roles);
    private static readonly Access Visitor = new(null, []);
    private static readonly Access Officer = As(new RoleAssignment { Role = Role.Officer, TenantId = Borlange });
    private static readonly Access Member = As(new RoleAssignment { Role = Role.OrganisationMember, OrganisationId = Dalia });
    private static readonly Access Admin = As(new RoleAssignment { Role = Role.PlatformAdmin });

    [Fact]
    public void Municipal_staff_start_with_verified_organisations_only()
    {
        Assert.True(WhoMayStart.WithOrganisation(Officer, organisationVerified: true));
        Assert.False(WhoMayStart.WithOrganisation(Officer, organisationVerified: false));
        Assert.False(WhoMayStart.WithOrganisation(Member, organisationVerified: true));
        Assert.False(WhoMayStart.WithOrganisation(Visitor, organisationVerified: true));
    }

    [Fact]
    public void Organisation_members_start_with_a_municipality_they_are_not_staff_of()
    {
        Assert.True(WhoMayStart.WithMunicipality(Member, Borlange));
        Assert.False(WhoMayStart.WithMunicipality(Officer, Borlange));
        Assert.False(WhoMayStart.WithMunicipality(Officer, Falun)); // staff act for the public side
        Assert.False(WhoMayStart.WithMunicipality(Visitor, Borlange));
        var both = As(new RoleAssignment { Role = Role.Officer, TenantId = Borlange }, new RoleAssignment { Role = Role.OrganisationMember, OrganisationId = Dalia });
        Assert.False(WhoMayStart.WithMunicipality(both, Borlange));
        Assert.True(WhoMayStart.WithMunicipality(both, Falun));
    }

    [Fact]
    public void About_a_need_only_its_municipalitys_staff_start_with_an_organisation()
    {
        Assert.True(WhoMayStart.AboutNeedWithOrganisation(Officer, Borlange));
        Assert.True(WhoMayStart.AboutNeedWithOrganisation(Admin, Borlange));
        Assert.False(WhoMayStart.AboutNeedWithOrganisation(Officer, Falun));
        Assert.False(WhoMayStart.AboutNeedWithOrganisation(Member, Borlange));
    }

    [Fact]
    public void Anyone_acting_for_a_side_may_start_one()
    {
        Assert.True(WhoMayStart.Any(Officer));
        Assert.True(WhoMayStart.Any(Member));
        Assert.False(WhoMayStart.Any(Visitor));
    }
}
