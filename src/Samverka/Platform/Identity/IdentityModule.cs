using Microsoft.AspNetCore.Identity;
using Samverka.Platform.Email;

namespace Samverka.Platform.Identity;

public static class IdentityModule
{
    public static IServiceCollection AddSamverkaIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                // Long passwords over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "samverka.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // APIs answer 401/403, never a redirect to a sign-in page.
            o.Events.OnRedirectToLogin = ctx => Answer(ctx, StatusCodes.Status401Unauthorized);
            // A refusal is a real 403 everywhere; status-code pages render the friendly explanation.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Check the security stamp on every request, so a changed password, "sign out on all other devices" and
        // sign-out (which rotates the stamp) end every copy of the cookie at once, not within half an hour.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.AddScoped<CurrentUser>();
        services.AddScoped<AccountNotices>();
        services.AddScoped<InvitationService>();
        services.AddScoped<TeamService>();
        services.AddScoped<Modules.IDemoSeeder, DemoAccounts>();
        return services;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// Tells an account holder by e-mail when their password changed, so a change they did not make does not go unseen.
public sealed class AccountNotices(MailQueue mail, PublicUrls urls, IStringLocalizer<SharedResource> l)
{
    /// Queued in the caller's unit of work; the caller saves.
    public void PasswordChanged(AppUser user) =>
        mail.Enqueue(new OutgoingMail(user.Email!, l["Mail.PasswordChangedSubject"],
            l["Mail.PasswordChangedBody", user.DisplayName, urls.Absolute("/account/forgot-password")]));
}

/// Identity's own messages, in the user's language.
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError E(string code, string key, params object[] args) => new() { Code = code, Description = l[key, args] };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Identity.DefaultError");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "Identity.DuplicateEmail");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), "Identity.DuplicateEmail");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "Validation.Email");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "Validation.Email");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Identity.InvalidToken");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Identity.PasswordMismatch");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), "Identity.PasswordTooShort", length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), "Identity.PasswordUniqueChars", uniqueChars);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Identity.DefaultError");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Identity.DefaultError");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Identity.DefaultError");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Identity.DefaultError");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Identity.ConcurrencyFailure");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Identity.DefaultError");
}
