using Samverka.Platform.Merging;

namespace Samverka.Features.Register.Upkeep;

/// The register's own records of an organisation when two entries are merged: services, places, contacts, people
/// (a role the person already holds in the target is kept once), invitations, claims, and earlier merges into the
/// source.
internal sealed class RegisterMergeParticipant(AppDbContext db) : IMergeParticipant
{
    public IReadOnlyCollection<(Type Entity, string Property)> Handles { get; } =
    [
        (typeof(OrganisationService), nameof(OrganisationService.OrganisationId)),
        (typeof(OrganisationLocation), nameof(OrganisationLocation.OrganisationId)),
        (typeof(OrganisationContact), nameof(OrganisationContact.OrganisationId)),
        (typeof(OrganisationClaim), nameof(OrganisationClaim.OrganisationId)),
        (typeof(RoleAssignment), nameof(RoleAssignment.OrganisationId)),
        (typeof(Invitation), nameof(Invitation.OrganisationId)),
        // Left as written: audit entries never change, and the OrganisationMerge record joins the source's history to
        // the target's; the change log tells the search index that the source is gone.
        (typeof(AuditEntry), nameof(AuditEntry.OrganisationId)),
        (typeof(RegisterChange), nameof(RegisterChange.OrganisationId)),
    ];

    public async Task MoveAsync(Guid sourceId, Guid targetId, CancellationToken ct)
    {
        foreach (var s in await db.Set<OrganisationService>().Where(x => x.OrganisationId == sourceId).ToListAsync(ct)) s.OrganisationId = targetId;
        foreach (var l in await db.Set<OrganisationLocation>().Where(x => x.OrganisationId == sourceId).ToListAsync(ct)) l.OrganisationId = targetId;
        foreach (var c in await db.Set<OrganisationContact>().Where(x => x.OrganisationId == sourceId).ToListAsync(ct)) c.OrganisationId = targetId;

        var existingRoles = await db.RoleAssignments.Where(r => r.OrganisationId == targetId).Select(r => new { r.UserId, r.Role }).ToListAsync(ct);
        foreach (var r in await db.RoleAssignments.Where(r => r.OrganisationId == sourceId).ToListAsync(ct))
        {
            if (existingRoles.Any(e => e.UserId == r.UserId && e.Role == r.Role)) db.RoleAssignments.Remove(r);
            else r.OrganisationId = targetId;
        }
        foreach (var claim in await db.Set<OrganisationClaim>().Where(c => c.OrganisationId == sourceId).ToListAsync(ct))
            claim.OrganisationId = targetId;
        foreach (var invitation in await db.Invitations.Where(i => i.OrganisationId == sourceId).ToListAsync(ct))
            invitation.OrganisationId = targetId;
        // Entries merged into the source earlier now lead to the target too.
        foreach (var earlier in await db.Set<OrganisationMerge>().Where(m => m.TargetId == sourceId).ToListAsync(ct))
            earlier.TargetId = targetId;
    }
}
