using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Samverka.Platform.Email;
using Samverka.Platform.Localization;
using Samverka.Platform.UI;

namespace Samverka.Platform.Identity.Pages;

[AllowAnonymous]
public sealed class RegisterModel(UserManager<AppUser> users, MailQueue mail, PublicUrls urls,
    Data.AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Same answer as a new registration, so the form cannot be used to find out who has an account.
            mail.Enqueue(new OutgoingMail(email, l["Mail.AlreadyRegisteredSubject"],
                l["Mail.AlreadyRegisteredBody", urls.Absolute("/account/login"), urls.Absolute("/account/forgot-password")]));
            await db.SaveChangesAsync(ct);
            return RedirectToPage("CheckEmail", new { reason = "register" });
        }

        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = Input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password") ? "Input.Password" : "Input.Email", error.Description);
            return Page();
        }
        await SendConfirmationAsync(users, mail, urls, l, user);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("CheckEmail", new { reason = "register" });
    }

    internal static async Task SendConfirmationAsync(UserManager<AppUser> users, MailQueue mail, PublicUrls urls,
        IStringLocalizer<SharedResource> l, AppUser user)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = urls.Absolute($"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        mail.Enqueue(new OutgoingMail(user.Email!, l["Mail.ConfirmSubject"], l["Mail.ConfirmBody", user.DisplayName, link]));
    }
}

public sealed class RegisterInput : NewPasswordFields
{
    [Display(Name = "Field.DisplayName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string DisplayName { get; set; } = "";

    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    public string Email { get; set; } = "";
}
