using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Platform.Email;

namespace Samverka.Platform.Identity.Pages;

/// Invite a person by e-mail into a role of one municipality/region (?tenant=code) or one organisation (?organisation=id).
[Security.SendsMail("invite")]
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class InviteModel(Security.MailRateLimits limits, AppDbContext db, IOrganisationDirectory organisations, CurrentUser current, InvitationService invitations, PublicUrls urls,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Tenant { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Organisation { get; set; }
    [BindProperty] public InviteInput Input { get; set; } = new();

    public string ScopeName { get; private set; } = "";
    public string? TenantCode => Tenant;
    public Guid? OrganisationId => Organisation;
    public string BackUrl { get; private set; } = "/account";
    public List<SelectListItem> RoleChoices { get; private set; } = [];
    private Guid? _tenantId;
    private Access _access = default!;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        _access = await current.GetAccessAsync(ct);
        Role[] candidates;
        if (!string.IsNullOrEmpty(Tenant) && Organisation is null)
        {
            var t = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(x => x.Code == Tenant, ct);
            if (t is null) return NotFound();
            _tenantId = t.Id;
            ScopeName = t.Name;
            BackUrl = $"/municipalities/{t.Code}/team";
            candidates = RoleScopes.TenantRoles;
        }
        else if (Organisation is { } orgId && string.IsNullOrEmpty(Tenant))
        {
            var name = await organisations.NameAsync(orgId, ct);
            if (name is null) return NotFound();
            ScopeName = name;
            BackUrl = $"/organisations/{orgId}/team";
            candidates = RoleScopes.OrganisationRoles;
        }
        else
        {
            return NotFound();
        }
        var allowed = candidates.Where(r => _access.CanInvite(r, _tenantId, Organisation)).ToList();
        if (allowed.Count == 0) return Forbid();
        RoleChoices = [new SelectListItem(l["Invite.ChooseRole"], ""), .. allowed.Select(r => new SelectListItem(l["Role." + r], r.ToString()))];
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var role = Input.Role!.Value;
        if (!_access.CanInvite(role, _tenantId, Organisation))
        {
            ModelState.AddModelError("Input.Role", l["Invite.RoleNotAllowed"]);
            return Page();
        }
        if (!limits.TryAddress(Input.Email, Response)) return StatusCode(StatusCodes.Status429TooManyRequests);
        await invitations.InviteAsync(Input.Email, role, _tenantId, Organisation, _access.UserId!, ScopeName,
            token => urls.Absolute($"/account/invitation/{token}"), ct);
        TempData["Flash"] = l["Invite.Sent", Input.Email.Trim()].Value;
        return Redirect(BackUrl);
    }
}

public sealed class InviteInput
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    public string Email { get; set; } = "";

    [Display(Name = "Field.Role")]
    [Required(ErrorMessage = "Validation.Choose")]
    public Role? Role { get; set; }
}
