using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Samverka.Platform.Identity.Pages;

[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<AppUser> users, AccountNotices notices, Data.AppDbContext db,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ResetInput Input { get; set; } = new();

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? "";
        Input.Code = code ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        IdentityResult result;
        try
        {
            result = user is null
                ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = l["Identity.InvalidToken"] })
                : await users.ResetPasswordAsync(user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Input.Code)), Input.Password);
        }
        catch (FormatException)
        {
            result = IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = l["Identity.InvalidToken"] });
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password") ? "Input.Password" : "Input.Email", e.Description);
            return Page();
        }
        // A successful reset also ends a lockout: the owner proved control of the mailbox.
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        // The reset gave the account a new security stamp, which ended every session.
        notices.PasswordChanged(user!);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Reset.Done"].Value;
        return Redirect("/account/login");
    }
}

public sealed class ResetInput : NewPasswordFields
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Identity.InvalidToken")]
    public string Code { get; set; } = "";
}
