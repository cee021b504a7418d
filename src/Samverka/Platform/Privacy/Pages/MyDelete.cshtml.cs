using Microsoft.AspNetCore.Identity;

namespace Samverka.Platform.Privacy.Pages;

/// Deleting one's account: first what happens, then the password. Refused while the person is the only administrator
/// of an organisation or a municipality (someone must be able to run it), with a link to its team page.
[Authorize]
public sealed class MyDeleteModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountDeletion deletion,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public DeleteAccountInput Input { get; set; } = new();
    public IReadOnlyList<LastAdministration> LastAdministrator { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        LastAdministrator = await deletion.LastAdministratorOfAsync(me.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        LastAdministrator = await deletion.LastAdministratorOfAsync(me.Id, ct);
        if (LastAdministrator.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (ModelState.IsValid && !await users.CheckPasswordAsync(me, Input.Password))
            ModelState.AddModelError("Input.Password", l["Identity.PasswordMismatch"]);
        if (!ModelState.IsValid) return Page();
        await deletion.DeleteAsync(me, ct);
        await signIn.SignOutAsync();
        return Redirect("/my/delete/done");
    }
}

public sealed class DeleteAccountInput
{
    [Display(Name = "Field.CurrentPassword")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.MaxLength")]
    public string Password { get; set; } = "";
}

/// Shown after the deletion, to a person who is no longer signed in.
[AllowAnonymous]
public sealed class AccountDeletedModel : PageModel
{
    public void OnGet() { }
}
