using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Samverka.Platform.Email;

namespace Samverka.Platform.Privacy.Pages;

/// Changing one's e-mail address: a link to the new address confirms it (Identity's change-email token, bound to
/// that address), the old address is told at once, and nothing changes until the link is followed.
[Authorize]
[Security.SendsMail("change-email")]
public sealed class MyEmailModel(UserManager<AppUser> users, MailQueue mail, PublicUrls urls, Security.MailRateLimits limits,
    AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ChangeEmailInput Input { get; set; } = new();
    public string CurrentEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        CurrentEmail = me.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        CurrentEmail = me.Email ?? "";
        var newEmail = (Input.Email ?? "").Trim();
        if (ModelState.IsValid && string.Equals(newEmail, me.Email, StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError("Input.Email", l["MyEmail.Same"]);
        if (ModelState.IsValid && !await users.CheckPasswordAsync(me, Input.CurrentPassword))
            ModelState.AddModelError("Input.CurrentPassword", l["Identity.PasswordMismatch"]);
        if (!ModelState.IsValid) return Page();
        if (!limits.TryAddress(newEmail, Response)) return StatusCode(StatusCodes.Status429TooManyRequests);

        // An address that already has an account gets no link (it could not be confirmed), but the answer is the
        // same, so the form does not tell who has an account.
        if (await users.FindByEmailAsync(newEmail) is null)
        {
            var token = await users.GenerateChangeEmailTokenAsync(me, newEmail);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = urls.Absolute($"/my/email/confirm?userId={Uri.EscapeDataString(me.Id)}&email={Uri.EscapeDataString(newEmail)}&code={code}");
            mail.Enqueue(new OutgoingMail(newEmail, l["Mail.ChangeEmailSubject"], l["Mail.ChangeEmailBody", me.DisplayName, link]));
        }
        mail.Enqueue(new OutgoingMail(me.Email!, l["Mail.EmailChangeAskedSubject"],
            l["Mail.EmailChangeAskedBody", me.DisplayName, newEmail, urls.Absolute("/account/forgot-password")]));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["MyEmail.Sent", newEmail].Value;
        return Redirect("/my/email");
    }
}

public sealed class ChangeEmailInput
{
    [Display(Name = "Field.NewEmail")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    public string Email { get; set; } = "";

    [Display(Name = "Field.CurrentPassword")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.MaxLength")]
    public string CurrentPassword { get; set; } = "";
}

/// The link in the mail to the new address. The token is bound to the account and that address; applying it changes
/// the address and the user name (they are the same) and ends the account's other sessions.
[AllowAnonymous]
public sealed class ConfirmEmailChangeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, MailQueue mail,
    PublicUrls urls, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code, CancellationToken ct)
    {
        Changed = await ApplyAsync(userId, email, code, ct);
        if (!Changed) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private async Task<bool> ApplyAsync(string? userId, string? email, string? code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code)) return false;
        if (await users.FindByIdAsync(userId) is not { } user) return false;
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return false; }
        var old = user.Email!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!(await users.ChangeEmailAsync(user, email, token)).Succeeded) return false;
        if (!(await users.SetUserNameAsync(user, email)).Succeeded) return false;
        mail.Enqueue(new OutgoingMail(old, l["Mail.EmailChangedSubject"],
            l["Mail.EmailChangedBody", user.DisplayName, email, urls.Absolute("/account/forgot-password")]));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // The new security stamp ends other sessions; a person confirming in the browser they are signed in keeps it.
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id) await signIn.RefreshSignInAsync(user);
        return true;
    }
}
