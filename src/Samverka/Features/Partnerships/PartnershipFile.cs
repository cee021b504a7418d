using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Partnerships.Running;
using Samverka.Platform.Indicators;

namespace Samverka.Features.Partnerships;

/// Everything recorded about one partnership, loaded together (a partnership holds tens of rows, not thousands):
/// the pages, the health signals and the agreement all read from it.
public sealed class PartnershipFile
{
    public required Partnership Partnership { get; init; }
    public required IReadOnlyList<PartnershipParty> Parties { get; init; }
    public required IReadOnlyList<PartnershipPerson> People { get; init; }
    public required IReadOnlyDictionary<string, string> Answers { get; init; }
    public required IReadOnlyList<PartnershipContribution> Contributions { get; init; }
    public required IReadOnlyList<PartnershipActivity> Activities { get; init; }
    public required IReadOnlyList<PartnershipRaci> Raci { get; init; }
    /// The partnership's goals, on the platform's indicator model (owner: IndicatorOwner.Partnership).
    public required IReadOnlyList<IndicatorGoal> Goals { get; init; }
    public required IReadOnlyList<CheckIn> CheckIns { get; init; }
    public required IReadOnlyList<Decision> Decisions { get; init; }
    public required IReadOnlyList<FollowUpAction> Actions { get; init; }
    public required IReadOnlyList<AgreementVersion> Versions { get; init; }
    public required IReadOnlyList<AgreementApproval> Approvals { get; init; }

    public string? Answer(string code) => Answers.GetValueOrDefault(code);
    public PartnershipParty? Party(Guid id) => Parties.FirstOrDefault(p => p.Id == id);
    public PartnershipPerson? Person(Guid? id) => id is null ? null : People.FirstOrDefault(p => p.Id == id);

    /// The municipal parties' money contributions are the public money; the stated figure is kept for partnerships
    /// whose money is not listed as contributions. One figure, so the overview, the API and the agreement never say
    /// "none" beside a listed contribution.
    public decimal? PublicMoney => PartnershipRules.PublicMoney(Partnership.PublicMoney,
        Contributions.Select(c => (Party(c.PartyId)?.Kind, c.Kind, c.Value)));

    public bool PublicMoneyFromContributions => PartnershipRules.PublicMoneyFromContributions(
        Contributions.Select(c => (Party(c.PartyId)?.Kind, c.Kind, c.Value)));

    /// The version every party approved, newest first: the one in force.
    public AgreementVersion? ApprovedVersion => Versions.Where(v => v.FrozenAt is not null).MaxBy(v => v.Number);
    public AgreementVersion? LatestVersion => Versions.MaxBy(v => v.Number);
    public CheckIn? LastCheckIn => CheckIns.MaxBy(c => c.HeldOn);

    /// When the next check-in is due on the agreed rhythm (from the last one, else from the start).
    public DateOnly? NextCheckIn
    {
        get
        {
            if (!Partnership.IsRunning) return null;
            var from = LastCheckIn?.HeldOn ?? Partnership.StartsOn;
            return from?.AddDays(Partnership.CheckInEveryDays);
        }
    }

    /// Who may do what with this partnership. Party members (staff of a party municipality, members of a party
    /// organisation) see everything and edit; officers of a party municipality also decide what is confidential;
    /// status, public money and parties follow PartnershipRules.
    public PartnershipRights RightsOf(Access access)
    {
        var staffOf = Parties.Where(p => p.TenantId is { } t && access.IsStaffOf(t)).ToList();
        var memberOf = Parties.Where(p => p.OrganisationId is { } o && access.IsMemberOf(o)).ToList();
        var approveFor = staffOf.Concat(Parties.Where(p => p.OrganisationId is { } o && access.CanAdministerOrganisation(o))).Distinct().ToList();
        var isParty = staffOf.Count > 0 || memberOf.Count > 0 || access.IsPlatformAdmin;
        var side = staffOf.Count > 0 || access.IsPlatformAdmin ? PartnershipSide.PublicBody
            : memberOf.Count > 0 ? PartnershipSide.Organisation : PartnershipSide.None;
        var status = Partnership.Status;
        return new PartnershipRights(
            CanSee: isParty || Partnership.IsPublic,
            IsParty: isParty,
            CanEdit: isParty,
            CanMarkConfidential: side == PartnershipSide.PublicBody,
            ApproveFor: approveFor)
        {
            Side = side,
            CanSetPublicMoney = PartnershipRules.CanSetPublicMoney(side),
            CanChangeParties = PartnershipRules.CanChangeParties(side, status, Approvals.Count > 0),
            CanEnd = PartnershipRules.CanEnd(side, status),
            CanStartRenewal = PartnershipRules.CanStartRenewal(side, status),
        };
    }

    public static async Task<PartnershipFile?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var p = await db.Partnerships().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var versions = await db.AgreementVersions().AsNoTracking().Where(x => x.PartnershipId == id)
            .Select(v => new AgreementVersion
            {
                Id = v.Id, PartnershipId = v.PartnershipId, Number = v.Number, Form = v.Form, Language = v.Language,
                CreatedBy = v.CreatedBy, CreatedAt = v.CreatedAt, FrozenAt = v.FrozenAt,
            }).OrderBy(v => v.Number).ToListAsync(ct);
        var versionIds = versions.Select(v => v.Id).ToList();
        return new PartnershipFile
        {
            Partnership = p,
            Parties = await db.PartnershipParties().AsNoTracking().Where(x => x.PartnershipId == id).OrderBy(x => x.JoinedAt).ThenBy(x => x.Name).ToListAsync(ct),
            People = await db.PartnershipPeople().AsNoTracking().Where(x => x.PartnershipId == id).OrderBy(x => x.Name).ToListAsync(ct),
            Answers = await db.PartnershipAnswers().AsNoTracking().Where(x => x.PartnershipId == id).ToDictionaryAsync(x => x.Question, x => x.Text, ct),
            Contributions = await db.PartnershipContributions().AsNoTracking().Where(x => x.PartnershipId == id).OrderBy(x => x.Kind).ThenBy(x => x.Description).ToListAsync(ct),
            Activities = (await db.PartnershipActivities().AsNoTracking().Where(x => x.PartnershipId == id).ToListAsync(ct))
                .OrderBy(a => a.StartsOn ?? a.EndsOn ?? DateOnly.MaxValue).ThenBy(a => a.Title).ToList(),
            Raci = await db.PartnershipRaci().AsNoTracking().Where(x => x.PartnershipId == id).ToListAsync(ct),
            Goals = await db.GoalsOfAsync(new IndicatorOwner(IndicatorOwner.Partnership, id), ct),
            CheckIns = await db.CheckIns().AsNoTracking().Where(x => x.PartnershipId == id).OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.CreatedAt).ToListAsync(ct),
            Decisions = await db.Decisions().AsNoTracking().Where(x => x.PartnershipId == id).OrderByDescending(x => x.DecidedOn).ThenByDescending(x => x.CreatedAt).ToListAsync(ct),
            Actions = await db.FollowUpActions().AsNoTracking().Where(x => x.PartnershipId == id).OrderBy(x => x.DoneOn != null).ThenBy(x => x.DueOn).ToListAsync(ct),
            Versions = versions,
            Approvals = await db.AgreementApprovals().AsNoTracking().Where(x => versionIds.Contains(x.VersionId)).ToListAsync(ct),
        };
    }
}

public sealed record PartnershipRights(bool CanSee, bool IsParty, bool CanEdit, bool CanMarkConfidential, IReadOnlyList<PartnershipParty> ApproveFor)
{
    public PartnershipSide Side { get; init; }
    public bool CanSetPublicMoney { get; init; }
    public bool CanChangeParties { get; init; }
    public bool CanEnd { get; init; }
    public bool CanStartRenewal { get; init; }
}
