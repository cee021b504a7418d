namespace Samverka.Features.Municipalities.Pages;

/// The municipality's people, roles and open invitations. Non-public: its staff see it, its admins change it.
[Authorize(Policy = Policies.TenantStaff)]
public sealed class TeamModel(CurrentUser current, TeamService team, IStringLocalizer<SharedResource> l) : TenantPageModel
{
    public Tenant Municipality => Tenant;
    public bool CanAdminister { get; private set; }
    public TeamView Team { get; private set; } = default!;
    public IReadOnlyList<Platform.UI.TaskListItem> GettingStarted { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? confirmRemove, Guid? confirmRevoke, CancellationToken ct)
    {
        CanAdminister = await HttpContext.IsAllowedAsync(Tenant, Policies.TenantAdmin);
        Team = await team.ForTenantAsync(Municipality.Id, CanAdminister, CanAdminister ? confirmRemove : null, CanAdminister ? confirmRevoke : null, ct);
        if (CanAdminister) GettingStarted = GettingStartedTasks();
        return Page();
    }

    /// What a municipality does first on the platform, and whether it has.
    private List<Platform.UI.TaskListItem> GettingStartedTasks()
    {
        var code = Municipality.Code;
        return
        [
            new(l["Team.TaskDescribe"], $"/municipalities/{code}/edit", !string.IsNullOrWhiteSpace(Municipality.Description)),
            new(l["Team.TaskContact"], $"/municipalities/{code}/edit", !string.IsNullOrWhiteSpace(Municipality.ContactEmail)),
            new(l["Team.TaskInvite"], $"/invitations/new?tenant={code}", Team.Members.Select(m => m.Email).Distinct().Count() > 1 || Team.Invitations.Count > 0),
        ];
    }

    public async Task<IActionResult> OnPostRemoveAsync(string code, Guid assignmentId, CancellationToken ct)
    {
        if (await this.RefuseUnlessAsync(Tenant, Policies.TenantAdmin) is { } refused) return refused;
        if (!await team.RemoveRoleAsync(assignmentId, tenantId: Municipality.Id, organisationId: null, current.Id!, ct))
            return NotFound();
        TempData["Flash"] = l["Team.Removed"].Value;
        return Redirect($"/municipalities/{code}/team");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string code, Guid invitationId, CancellationToken ct)
    {
        if (await this.RefuseUnlessAsync(Tenant, Policies.TenantAdmin) is { } refused) return refused;
        if (!await team.RevokeInvitationAsync(invitationId, tenantId: Municipality.Id, organisationId: null, ct))
            return NotFound();
        TempData["Flash"] = l["Team.Revoked"].Value;
        return Redirect($"/municipalities/{code}/team");
    }
}
