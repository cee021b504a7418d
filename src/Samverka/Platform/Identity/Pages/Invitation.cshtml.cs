using Microsoft.AspNetCore.Identity;

namespace Samverka.Platform.Identity.Pages;

/// Accepting a role offered by e-mail: sign in (or create an account for the invited address) and take the role.
[AllowAnonymous]
public sealed class InvitationModel(InvitationService invitations, IOrganisationDirectory organisations, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Invitation? Invite { get; private set; }
    public string ScopeName { get; private set; } = "";
    public bool SignedIn { get; private set; }
    public bool SignedInAsOther { get; private set; }
    public bool HasAccount { get; private set; }

    [BindProperty] public InvitationRegisterInput Input { get; set; } = new();

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        Invite = await invitations.FindOpenAsync(token, ct);
        if (Invite is null) { Response.StatusCode = 404; return; }
        ScopeName = Invite.Tenant?.Name
            ?? (Invite.OrganisationId is { } orgId ? await organisations.NameAsync(orgId, ct) : null)
            ?? l["Account.WholePlatform"];
        var me = await users.GetUserAsync(User);
        SignedIn = me is not null;
        SignedInAsOther = me is not null && !string.Equals(me.Email, Invite.Email, StringComparison.OrdinalIgnoreCase);
        HasAccount = me is not null || await users.FindByEmailAsync(Invite.Email) is not null;
    }

    public Task OnGetAsync(string token, CancellationToken ct) => LoadAsync(token, ct);

    public async Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        if (Invite is null || !SignedIn || SignedInAsOther) return Page();
        var me = (await users.GetUserAsync(User))!;
        await invitations.AcceptAsync(Invite, me, ct);
        TempData["Flash"] = l["Invitation.Accepted", l["Role." + Invite.Role], ScopeName].Value;
        return Redirect("/account");
    }

    public async Task<IActionResult> OnPostRegisterAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        if (Invite is null || HasAccount) return Page();
        if (!ModelState.IsValid) return Page();
        var user = new AppUser
        {
            UserName = Invite.Email, Email = Invite.Email, DisplayName = Input.DisplayName.Trim(),
            // The link arrived at this address, which proves it.
            EmailConfirmed = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password") ? "Input.Password" : "Input.DisplayName", e.Description);
            return Page();
        }
        await invitations.AcceptAsync(Invite, user, ct);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = l["Invitation.Accepted", l["Role." + Invite.Role], ScopeName].Value;
        return Redirect("/account");
    }
}

public sealed class InvitationRegisterInput : NewPasswordFields
{
    [Display(Name = "Field.DisplayName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string DisplayName { get; set; } = "";
}
