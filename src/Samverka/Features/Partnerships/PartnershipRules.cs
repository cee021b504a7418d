namespace Samverka.Features.Partnerships;

/// Which side of a partnership a person acts for. Staff of a party municipality (and platform admins) act for the
/// public side; members and admins of a party organisation for the organisation side.
public enum PartnershipSide { None = 0, Organisation = 1, PublicBody = 2 }

/// What moves a partnership along its lifecycle. The status is never set by hand: it follows from these.
public enum LifecycleEvent { VersionGenerated, VersionFrozen, RenewalStarted, PartyJoined, Ended }

/// The rules for what decides a partnership's public standing: its status, the public money it states and who takes
/// part. Plain code without storage, so every case is a row in a unit test (PartnershipRulesTests).
///
/// - Status follows the lifecycle: generating the first agreement version makes an exploring partnership agreeing;
///   only the freeze of a version every party approved makes it active; renewal talks, or a party joining after a
///   version was frozen (the agreement in force does not cover it), make an active partnership renewing until a new
///   version is frozen; municipal staff of a party end it explicitly. The end date alone ends nothing: the renewal
///   reminder and the health signal ask the parties to decide.
/// - A partnership pairs a public body with an organisation, and keeps both sides while parties come and go.
/// - Public money is what the public side pays, so only municipal staff of a party state it. Where the municipal
///   parties list money contributions, their sum is the public money and the stated figure gives way to it.
/// - Until some party has approved an agreement version, any party member may add or remove parties (the workflow's
///   first step). From the first approval on, and while running, only municipal staff of a party may: a new party
///   gets full access to the record and, once active, changes what was agreed. An ended partnership's parties stay.
public static class PartnershipRules
{
    /// Who may pair with whom: a partnership joins a public body and an organisation (IOP, grant, procurement and
    /// informal work all have a public side and a civil-society side), so a side pairs only with the other kind.
    public static bool MayPair(PartyKind ours, PartyKind theirs) => ours != theirs;

    /// The pair a partnership needs to stay whole: at least one municipality and one organisation.
    public static bool HasBothSides(IEnumerable<PartyKind> parties)
    {
        var kinds = parties.ToHashSet();
        return kinds.Contains(PartyKind.Municipality) && kinds.Contains(PartyKind.Organisation);
    }

    /// Some party has committed to the partnership: an approval exists, or it is running or over.
    public static bool IsCommitted(PartnershipStatus status, bool anyApproval) =>
        anyApproval || status is PartnershipStatus.Active or PartnershipStatus.Renewing or PartnershipStatus.Ended;

    public static bool CanSetPublicMoney(PartnershipSide side) => side == PartnershipSide.PublicBody;

    /// The public money of a partnership: the sum of the municipal parties' money contributions when there are any,
    /// else the figure stated by hand (null: none).
    public static decimal? PublicMoney(decimal? stated, IEnumerable<(PartyKind? Party, ContributionKind Kind, decimal Value)> contributions)
    {
        var money = contributions.Where(IsPublicMoney).ToList();
        return money.Count > 0 ? money.Sum(c => c.Value) : stated;
    }

    public static bool PublicMoneyFromContributions(IEnumerable<(PartyKind? Party, ContributionKind Kind, decimal Value)> contributions) =>
        contributions.Any(IsPublicMoney);

    private static bool IsPublicMoney((PartyKind? Party, ContributionKind Kind, decimal Value) c) =>
        c.Party == PartyKind.Municipality && c.Kind == ContributionKind.Money;

    public static bool CanChangeParties(PartnershipSide side, PartnershipStatus status, bool anyApproval) =>
        status != PartnershipStatus.Ended && side switch
        {
            PartnershipSide.PublicBody => true,
            PartnershipSide.Organisation => !IsCommitted(status, anyApproval),
            _ => false,
        };

    /// An exploring partnership is not ended: it was never public, and ending it would publish it.
    public static bool CanEnd(PartnershipSide side, PartnershipStatus status) =>
        side == PartnershipSide.PublicBody && StatusAfter(status, LifecycleEvent.Ended) != status;

    public static bool CanStartRenewal(PartnershipSide side, PartnershipStatus status) =>
        side != PartnershipSide.None && StatusAfter(status, LifecycleEvent.RenewalStarted) != status;

    /// The status after an event; the same status when the event does not move it.
    public static PartnershipStatus StatusAfter(PartnershipStatus status, LifecycleEvent e) => (status, e) switch
    {
        (PartnershipStatus.Exploring, LifecycleEvent.VersionGenerated) => PartnershipStatus.Agreeing,
        (PartnershipStatus.Exploring or PartnershipStatus.Agreeing or PartnershipStatus.Renewing, LifecycleEvent.VersionFrozen) => PartnershipStatus.Active,
        (PartnershipStatus.Active, LifecycleEvent.RenewalStarted) => PartnershipStatus.Renewing,
        (PartnershipStatus.Active, LifecycleEvent.PartyJoined) => PartnershipStatus.Renewing,
        (PartnershipStatus.Agreeing or PartnershipStatus.Active or PartnershipStatus.Renewing, LifecycleEvent.Ended) => PartnershipStatus.Ended,
        _ => status,
    };
}
