using Samverka.Features.Partnerships;
using Samverka.Platform.Identity;
using static Samverka.Features.Partnerships.PartnershipStatus;
using static Samverka.Features.Partnerships.PartnershipSide;

namespace Samverka.Tests.Partnerships;

/// The rules for status, public money and parties, case by case (docs/partnerships.md, "Who sees and changes what").
public sealed class PartnershipRulesTests
{
    public static TheoryData<PartnershipStatus, LifecycleEvent, PartnershipStatus> Lifecycle => new()
    {
        // from, event, to
        { Exploring, LifecycleEvent.VersionGenerated, Agreeing },
        { Agreeing, LifecycleEvent.VersionGenerated, Agreeing },
        { Active, LifecycleEvent.VersionGenerated, Active },
        { Renewing, LifecycleEvent.VersionGenerated, Renewing },
        { Exploring, LifecycleEvent.VersionFrozen, Active },
        { Agreeing, LifecycleEvent.VersionFrozen, Active },
        { Renewing, LifecycleEvent.VersionFrozen, Active },
        { Ended, LifecycleEvent.VersionFrozen, Ended },
        { Active, LifecycleEvent.RenewalStarted, Renewing },
        { Agreeing, LifecycleEvent.RenewalStarted, Agreeing },
        { Renewing, LifecycleEvent.RenewalStarted, Renewing },
        { Exploring, LifecycleEvent.PartyJoined, Exploring },
        { Agreeing, LifecycleEvent.PartyJoined, Agreeing },
        { Active, LifecycleEvent.PartyJoined, Renewing },
        { Renewing, LifecycleEvent.PartyJoined, Renewing },
        { Exploring, LifecycleEvent.Ended, Exploring },
        { Agreeing, LifecycleEvent.Ended, Ended },
        { Active, LifecycleEvent.Ended, Ended },
        { Renewing, LifecycleEvent.Ended, Ended },
        { Ended, LifecycleEvent.Ended, Ended },
    };

    [Theory]
    [MemberData(nameof(Lifecycle))]
    public void Status_follows_only_the_lifecycle(PartnershipStatus from, LifecycleEvent e, PartnershipStatus to) =>
        Assert.Equal(to, PartnershipRules.StatusAfter(from, e));

    [Fact]
    public void Only_the_freeze_of_a_version_makes_a_partnership_active()
    {
        foreach (var from in Enum.GetValues<PartnershipStatus>().Where(s => s != Active))
            foreach (var e in Enum.GetValues<LifecycleEvent>().Where(e => e != LifecycleEvent.VersionFrozen))
                Assert.NotEqual(Active, PartnershipRules.StatusAfter(from, e));
    }

    [Theory]
    [InlineData(None, false)]
    [InlineData(Organisation, false)]
    [InlineData(PublicBody, true)]
    public void Public_money_is_stated_by_the_public_side(PartnershipSide side, bool may) =>
        Assert.Equal(may, PartnershipRules.CanSetPublicMoney(side));

    [Fact]
    public void Public_money_is_the_municipalitys_money_contributions_else_the_stated_figure()
    {
        (PartyKind?, ContributionKind, decimal)[] listed =
        [
            (PartyKind.Municipality, ContributionKind.Money, 400000), (PartyKind.Municipality, ContributionKind.Money, 100000),
            (PartyKind.Municipality, ContributionKind.Premises, 50000), (PartyKind.Organisation, ContributionKind.Money, 20000),
        ];
        Assert.Equal(500000, PartnershipRules.PublicMoney(null, listed));
        Assert.Equal(500000, PartnershipRules.PublicMoney(900000, listed));
        Assert.True(PartnershipRules.PublicMoneyFromContributions(listed));
        (PartyKind?, ContributionKind, decimal)[] noPublicMoney = [(PartyKind.Municipality, ContributionKind.StaffTime, 10000), (PartyKind.Organisation, ContributionKind.Money, 5000)];
        Assert.Equal(150000, PartnershipRules.PublicMoney(150000, noPublicMoney));
        Assert.Null(PartnershipRules.PublicMoney(null, noPublicMoney));
        Assert.False(PartnershipRules.PublicMoneyFromContributions(noPublicMoney));
    }

    public static TheoryData<PartnershipSide, PartnershipStatus, bool, bool> Parties => new()
    {
        // side, status, some party has approved a version, may add or remove parties
        { Organisation, Exploring, false, true },
        { Organisation, Agreeing, false, true },
        { Organisation, Agreeing, true, false },
        { Organisation, Active, true, false },
        { Organisation, Renewing, true, false },
        { Organisation, Ended, true, false },
        { PublicBody, Exploring, false, true },
        { PublicBody, Agreeing, true, true },
        { PublicBody, Active, true, true },
        { PublicBody, Renewing, true, true },
        { PublicBody, Ended, true, false },
        { None, Exploring, false, false },
        { None, Active, true, false },
        // A running partnership is committed even if its approvals were recorded elsewhere (the demo, an import).
        { Organisation, Active, false, false },
    };

    [Theory]
    [MemberData(nameof(Parties))]
    public void Parties_change_freely_until_the_first_approval_and_then_only_by_municipal_staff(PartnershipSide side, PartnershipStatus status, bool approved, bool may) =>
        Assert.Equal(may, PartnershipRules.CanChangeParties(side, status, approved));

    public static TheoryData<PartnershipSide, PartnershipStatus, bool, bool> EndAndRenew => new()
    {
        // side, status, may end, may start renewal talks
        { PublicBody, Exploring, false, false },
        { PublicBody, Agreeing, true, false },
        { PublicBody, Active, true, true },
        { PublicBody, Renewing, true, false },
        { PublicBody, Ended, false, false },
        { Organisation, Agreeing, false, false },
        { Organisation, Active, false, true },
        { Organisation, Renewing, false, false },
        { None, Active, false, false },
    };

    [Theory]
    [MemberData(nameof(EndAndRenew))]
    public void Municipal_staff_end_and_any_party_starts_renewal_talks(PartnershipSide side, PartnershipStatus status, bool end, bool renew)
    {
        Assert.Equal(end, PartnershipRules.CanEnd(side, status));
        Assert.Equal(renew, PartnershipRules.CanStartRenewal(side, status));
    }

    private static readonly Guid Borlange = Guid.NewGuid(), Falun = Guid.NewGuid(), Dalia = Guid.NewGuid();

    private static PartnershipFile File(PartnershipStatus status, bool approved)
    {
        var p = new Partnership { Status = status };
        var town = new PartnershipParty { PartnershipId = p.Id, Kind = PartyKind.Municipality, TenantId = Borlange, Name = "Borlänge" };
        var org = new PartnershipParty { PartnershipId = p.Id, Kind = PartyKind.Organisation, OrganisationId = Dalia, Name = "Dalia" };
        var version = new Samverka.Features.Partnerships.Agreement.AgreementVersion { PartnershipId = p.Id, Number = 1 };
        return new PartnershipFile
        {
            Partnership = p, Parties = [town, org], People = [], Answers = new Dictionary<string, string>(), Contributions = [], Activities = [],
            Raci = [], Goals = [], CheckIns = [], Decisions = [], Actions = [], Versions = [version],
            Approvals = approved ? [new Samverka.Features.Partnerships.Agreement.AgreementApproval { VersionId = version.Id, PartyId = town.Id }] : [],
        };
    }

    private static Access As(Role role, Guid? tenant = null, Guid? organisation = null) =>
        new("user", [new RoleAssignment { Role = role, TenantId = tenant, OrganisationId = organisation }]);

    public static TheoryData<string, PartnershipSide, bool, bool> Who => new()
    {
        // who, side, may set public money, may change parties after an approval
        { "officer of the party municipality", PublicBody, true, true },
        { "coordinator of the party municipality", PublicBody, true, true },
        { "platform admin", PublicBody, true, true },
        { "admin of the party organisation", Organisation, false, false },
        { "member of the party organisation", Organisation, false, false },
        { "officer of another municipality", None, false, false },
    };

    [Theory]
    [MemberData(nameof(Who))]
    public void Rights_of_a_person_follow_their_side(string who, PartnershipSide side, bool money, bool parties)
    {
        var access = who switch
        {
            "officer of the party municipality" => As(Role.Officer, tenant: Borlange),
            "coordinator of the party municipality" => As(Role.Coordinator, tenant: Borlange),
            "platform admin" => As(Role.PlatformAdmin),
            "admin of the party organisation" => As(Role.OrganisationAdmin, organisation: Dalia),
            "member of the party organisation" => As(Role.OrganisationMember, organisation: Dalia),
            _ => As(Role.Officer, tenant: Falun),
        };
        var rights = File(Agreeing, approved: true).RightsOf(access);
        Assert.Equal(side, rights.Side);
        Assert.Equal(money, rights.CanSetPublicMoney);
        Assert.Equal(parties, rights.CanChangeParties);
        // Before any approval every party member may still shape the partnership's parties.
        Assert.Equal(side != None, File(Agreeing, approved: false).RightsOf(access).CanChangeParties);
    }
}
