using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samverka.Platform.Email;
using Samverka.Platform.Localization;

namespace Samverka.Platform.Identity.Pages;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, MailQueue mail, PublicUrls urls,
    Data.AppDbContext db, IStringLocalizer<SharedResource> l, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User signed in");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account");
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("Account locked out after repeated failures");
            ModelState.AddModelError("Input.Password", l["Login.LockedOut"]);
            return Page();
        }
        if (result.IsNotAllowed)
        {
            // Right password, unconfirmed e-mail: send a fresh link.
            var user = await users.FindByEmailAsync(Input.Email.Trim());
            if (user is not null && !user.EmailConfirmed)
            {
                await RegisterModel.SendConfirmationAsync(users, mail, urls, l, user);
                await db.SaveChangesAsync(ct);
            }
            ModelState.AddModelError("Input.Email", l["Login.NotConfirmed"]);
            return Page();
        }
        ModelState.AddModelError("Input.Password", l["Login.Failed"]);
        return Page();
    }
}

public sealed class LoginInput
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    public string Email { get; set; } = "";

    [Display(Name = "Field.Password")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.MaxLength")]
    public string Password { get; set; } = "";

    [Display(Name = "Field.RememberMe")]
    public bool RememberMe { get; set; }
}
