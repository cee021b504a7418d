using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Samverka.Platform.Email;

namespace Samverka.Platform.Identity.Pages;

[AllowAnonymous]
[Security.SendsMail("forgot-password")]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, MailQueue mail, PublicUrls urls, Security.MailRateLimits limits,
    Data.AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public EmailInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        // Counted whether or not the address has an account, so the limit tells nothing either.
        if (!limits.TryAddress(Input.Email, Response)) return StatusCode(StatusCodes.Status429TooManyRequests);
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // The answer is the same whether or not the address has an account.
        if (user is not null && user.EmailConfirmed)
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = urls.Absolute($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}");
            mail.Enqueue(new OutgoingMail(user.Email!, l["Mail.ResetSubject"], l["Mail.ResetBody", user.DisplayName, link]));
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage("CheckEmail", new { reason = "reset" });
    }
}

public sealed class EmailInput
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    public string Email { get; set; } = "";
}
