using Samverka.Features.Partnerships.Agreement;
using Samverka.Platform.Merging;

namespace Samverka.Features.Partnerships;

/// When two register entries are merged, the merged-away entry's partnership parties name the entry that stays. Where
/// both were parties to the same partnership, one organisation cannot be two parties (a unique key), so the target's
/// party stays and takes over the source party's people (and with them their RACI roles and follow-up actions),
/// contributions and agreement approvals (an approval the target's party already gave for the same version stands),
/// and what it said it gains or expects where the target's party said nothing; the source's party is then removed.
internal sealed class PartnershipsMergeParticipant(AppDbContext db) : IMergeParticipant
{
    public IReadOnlyCollection<(Type Entity, string Property)> Handles { get; } =
    [
        (typeof(PartnershipParty), nameof(PartnershipParty.OrganisationId)),
    ];

    public async Task MoveAsync(Guid sourceId, Guid targetId, CancellationToken ct)
    {
        var targetParties = await db.PartnershipParties().Where(p => p.OrganisationId == targetId).ToDictionaryAsync(p => p.PartnershipId, ct);
        foreach (var party in await db.PartnershipParties().Where(p => p.OrganisationId == sourceId).ToListAsync(ct))
        {
            if (!targetParties.TryGetValue(party.PartnershipId, out var stays))
            {
                party.OrganisationId = targetId;
                continue;
            }
            foreach (var person in await db.PartnershipPeople().Where(x => x.PartyId == party.Id).ToListAsync(ct)) person.PartyId = stays.Id;
            foreach (var c in await db.PartnershipContributions().Where(x => x.PartyId == party.Id).ToListAsync(ct)) c.PartyId = stays.Id;
            var approved = await db.Set<AgreementApproval>().Where(a => a.PartyId == stays.Id).Select(a => a.VersionId).ToListAsync(ct);
            foreach (var a in await db.Set<AgreementApproval>().Where(x => x.PartyId == party.Id).ToListAsync(ct))
            {
                if (approved.Contains(a.VersionId)) db.Remove(a);
                else a.PartyId = stays.Id;
            }
            if (string.IsNullOrWhiteSpace(stays.Benefit)) stays.Benefit = party.Benefit;
            if (string.IsNullOrWhiteSpace(stays.Expectations)) stays.Expectations = party.Expectations;
            if (party.JoinedAt < stays.JoinedAt) stays.JoinedAt = party.JoinedAt;
            db.PartnershipParties().Remove(party);
        }
    }
}
