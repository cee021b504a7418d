using Samverka.Platform.Merging;

namespace Samverka.Features.Needs.Matching;

/// When two register entries are merged, the merged-away entry's responses to needs and invitations move to the
/// entry that stays (an invitation the target already has is kept once). The digest of fitting needs follows the
/// person's memberships, which the register moves.
internal sealed class NeedsMergeParticipant(AppDbContext db) : IMergeParticipant
{
    public IReadOnlyCollection<(Type Entity, string Property)> Handles { get; } =
    [
        (typeof(NeedResponse), nameof(NeedResponse.OrganisationId)),
        (typeof(NeedInvitation), nameof(NeedInvitation.OrganisationId)),
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
    }
}
