namespace Samverka.Features.Register.Pages;

/// The organisation's members and open invitations: members see it, its admins change it.
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class TeamModel(AppDbContext db, CurrentUser current, TeamService team, IStringLocalizer<SharedResource> l) : PageModel
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public TeamView Team { get; private set; } = default!;
    private bool _canAdminister;

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return NotFound();
        if (await this.RefuseUnlessAsync(new OrganisationRef(id), Policies.OrganisationMember) is { } refused) return refused;
        Id = o.Id;
        Name = o.Name;
        _canAdminister = await HttpContext.IsAllowedAsync(new OrganisationRef(id), Policies.OrganisationAdmin);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? confirmRemove, Guid? confirmRevoke, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Team = await team.ForOrganisationAsync(id, _canAdminister, _canAdminister ? confirmRemove : null, _canAdminister ? confirmRevoke : null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid assignmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!_canAdminister) return Forbid();
        if (!await team.RemoveRoleAsync(assignmentId, tenantId: null, organisationId: id, current.Id!, ct)) return NotFound();
        TempData["Flash"] = l["Team.Removed"].Value;
        return Redirect($"/organisations/{id}/team");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid invitationId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!_canAdminister) return Forbid();
        if (!await team.RevokeInvitationAsync(invitationId, tenantId: null, organisationId: id, ct)) return NotFound();
        TempData["Flash"] = l["Team.Revoked"].Value;
        return Redirect($"/organisations/{id}/team");
    }
}
