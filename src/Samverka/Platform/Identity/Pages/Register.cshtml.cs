using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Samverka.Platform.Email;

namespace Samverka.Platform.Identity.Pages;

[AllowAnonymous]
[Security.SendsMail("register")]
public sealed class RegisterModel(UserManager<AppUser> users, MailQueue mail, PublicUrls urls, Security.MailRateLimits limits,
    Data.AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        // The answer must not depend on whether the address has an account: the password rules are checked
        // before the address is looked at, the password is hashed either way, and both end on the same page.
        // The holder of a taken address gets an e-mail instead of a second account.
        var candidate = new AppUser { UserName = email, Email = email, DisplayName = Input.DisplayName.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, candidate, Input.Password);
            foreach (var error in check.Errors) ModelState.AddModelError("Input.Password", error.Description);
        }
        if (!ModelState.IsValid) return Page();
        if (!limits.TryAddress(email, Response)) return StatusCode(StatusCodes.Status429TooManyRequests);

        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var result = await users.CreateAsync(candidate, Input.Password);
            if (result.Succeeded)
            {
                await SendConfirmationAsync(users, mail, urls, l, candidate);
                await db.SaveChangesAsync(ct);
                return RedirectToPage("CheckEmail", new { reason = "register" });
            }
            // Someone registered the address a moment ago: answer as for any taken address.
            if (!result.Errors.All(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                foreach (var error in result.Errors)
                    ModelState.AddModelError(error.Code.StartsWith("Password") ? "Input.Password" : "Input.Email", error.Description);
                return Page();
            }
            existing = await users.FindByEmailAsync(email);
            if (existing is null) return RedirectToPage("CheckEmail", new { reason = "register" });
        }
        else
        {
            users.PasswordHasher.HashPassword(candidate, Input.Password);
        }
        mail.Enqueue(new OutgoingMail(existing.Email!, l["Mail.AlreadyRegisteredSubject"],
            l["Mail.AlreadyRegisteredBody", urls.Absolute("/account/login"), urls.Absolute("/account/forgot-password")]));
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
