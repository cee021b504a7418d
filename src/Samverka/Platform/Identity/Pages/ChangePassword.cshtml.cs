using Microsoft.AspNetCore.Identity;

namespace Samverka.Platform.Identity.Pages;

[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountNotices notices,
    Data.AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ChangePasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        var result = await users.ChangePasswordAsync(me, Input.CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.Password", e.Description);
            return Page();
        }
        // The new security stamp ends the sessions on other devices; this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(me);
        notices.PasswordChanged(me);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["ChangePassword.Done"].Value;
        return Redirect("/account");
    }
}

public sealed class ChangePasswordInput : NewPasswordFields
{
    [Display(Name = "Field.CurrentPassword")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.MaxLength")]
    public string CurrentPassword { get; set; } = "";
}
