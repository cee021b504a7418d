using Microsoft.AspNetCore.Identity;
using Samverka.Platform.Email;

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
        // Every failure gets the same answer (wrong address, wrong password, locked, unconfirmed with a wrong
        // password), and a password is checked against a hash either way, so nobody learns who has an account.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash, Input.Password);
            return Failed();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User signed in");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account");
        }
        if (result.IsLockedOut)
        {
            // The framework refuses a locked account before it checks the password; do that work anyway.
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash, Input.Password);
            log.LogWarning("Sign-in refused: account locked out after repeated failures");
            return Failed();
        }
        if (result.IsNotAllowed)
        {
            // Unconfirmed e-mail. The framework says so before it checks the password, so only the right password
            // hears it (and gets a fresh link); anyone else gets the usual answer.
            if (!await users.CheckPasswordAsync(user, Input.Password)) return Failed();
            await RegisterModel.SendConfirmationAsync(users, mail, urls, l, user);
            await db.SaveChangesAsync(ct);
            ModelState.AddModelError("Input.Email", l["Login.NotConfirmed"]);
            return Page();
        }
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError("Input.Password", l["Login.Failed"]);
        return Page();
    }

    private static readonly AppUser Nobody = new() { UserName = "nobody", Email = "nobody@samverka.invalid" };

    /// A hash made like the real ones (same algorithm and work), of a password nobody types.
    private static readonly string NobodysHash = new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString("N"));
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
