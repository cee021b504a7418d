using Samverka.Platform.Merging;

namespace Samverka.Features.Needs.Matching;

/// When two register entries are merged, the merged-away entry's responses to needs, invitations and digest
/// subscriptions move to the entry that stays (an invitation or subscription the target already has is kept once).
internal sealed class NeedsMergeParticipant(AppDbContext db) : IMergeParticipant
{
    public IReadOnlyCollection<(Type Entity, string Property)> Handles { get; } =
    [
        (typeof(NeedResponse), nameof(NeedResponse.OrganisationId)),
        (typeof(NeedInvitation), nameof(NeedInvitation.OrganisationId)),
        (typeof(NeedDigestSubscription), nameof(NeedDigestSubscription.OrganisationId)),
    ];

    public async Task MoveAsync(Guid sourceId, Guid targetId, CancellationToken ct)
    {
        foreach (var r in await db.NeedResponses().Where(r => r.OrganisationId == sourceId).ToListAsync(ct))
            r.OrganisationId = targetId;

        var invitedNeeds = await db.NeedInvitations().Where(i => i.OrganisationId == targetId).Select(i => i.NeedId).ToListAsync(ct);
        foreach (var i in await db.NeedInvitations().Where(i => i.OrganisationId == sourceId).ToListAsync(ct))
        {
            if (invitedNeeds.Contains(i.NeedId)) db.NeedInvitations().Remove(i);
            else i.OrganisationId = targetId;
        }

        // The subscription's key includes the organisation, so a moved one is removed and added anew.
        var subscribed = await db.NeedDigestSubscriptions().Where(s => s.OrganisationId == targetId).Select(s => s.UserId).ToListAsync(ct);
        foreach (var s in await db.NeedDigestSubscriptions().Where(s => s.OrganisationId == sourceId).ToListAsync(ct))
        {
            db.NeedDigestSubscriptions().Remove(s);
            if (!subscribed.Contains(s.UserId))
                db.NeedDigestSubscriptions().Add(new NeedDigestSubscription { OrganisationId = targetId, UserId = s.UserId, CreatedAt = s.CreatedAt, LastSentUpTo = s.LastSentUpTo });
        }
    }
}
