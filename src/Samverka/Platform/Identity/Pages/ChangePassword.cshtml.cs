using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samverka.Platform.Localization;

namespace Samverka.Platform.Identity.Pages;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ChangePasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
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
        // A new security stamp signs out other devices; refresh this one's cookie.
        await signIn.RefreshSignInAsync(me);
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
