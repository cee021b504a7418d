namespace Samverka.Platform.Identity;

public sealed record TeamMember(Guid AssignmentId, string Name, string Email, Role Role, DateTime Since);
public sealed record PendingInvitation(Guid Id, string Email, Role Role, DateTime ExpiresAt);

public sealed record TeamView(
    List<TeamMember> Members,
    List<PendingInvitation> Invitations,
    bool CanAdminister,
    Guid? ConfirmRemove,
    Guid? ConfirmRevoke);

/// Members and invitations of one scope (a tenant or an organisation). Callers have checked access.
public sealed class TeamService(AppDbContext db, TimeProvider clock)
{
    public Task<TeamView> ForTenantAsync(Guid tenantId, bool canAdminister, Guid? confirmRemove, Guid? confirmRevoke, CancellationToken ct) =>
        LoadAsync(r => r.TenantId == tenantId, i => i.TenantId == tenantId, canAdminister, confirmRemove, confirmRevoke, ct);

    public Task<TeamView> ForOrganisationAsync(Guid organisationId, bool canAdminister, Guid? confirmRemove, Guid? confirmRevoke, CancellationToken ct) =>
        LoadAsync(r => r.OrganisationId == organisationId, i => i.OrganisationId == organisationId, canAdminister, confirmRemove, confirmRevoke, ct);

    private async Task<TeamView> LoadAsync(
        System.Linq.Expressions.Expression<Func<RoleAssignment, bool>> roleFilter,
        System.Linq.Expressions.Expression<Func<Invitation, bool>> invitationFilter,
        bool canAdminister, Guid? confirmRemove, Guid? confirmRevoke, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var members = await db.RoleAssignments.AsNoTracking().Where(roleFilter)
            .OrderBy(r => r.User!.DisplayName).ThenBy(r => r.Role)
            .Select(r => new TeamMember(r.Id, r.User!.DisplayName, r.User.Email!, r.Role, r.CreatedAt))
            .ToListAsync(ct);
        var invitations = canAdminister
            ? await db.Invitations.AsNoTracking().Where(invitationFilter)
                .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .OrderBy(i => i.Email)
                .Select(i => new PendingInvitation(i.Id, i.Email, i.Role, i.ExpiresAt))
                .ToListAsync(ct)
            : [];
        return new TeamView(members, invitations, canAdminister, confirmRemove, confirmRevoke);
    }

    public async Task<bool> RemoveRoleAsync(Guid assignmentId, Guid? tenantId, Guid? organisationId, string actingUserId, CancellationToken ct)
    {
        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(r => r.Id == assignmentId
            && r.TenantId == tenantId && r.OrganisationId == organisationId, ct);
        if (assignment is null) return false;
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> RevokeInvitationAsync(Guid invitationId, Guid? tenantId, Guid? organisationId, CancellationToken ct)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId
            && i.TenantId == tenantId && i.OrganisationId == organisationId && i.AcceptedAt == null && i.RevokedAt == null, ct);
        if (invitation is null) return false;
        invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
