using Microsoft.AspNetCore.Identity;

namespace Samverka.Platform.Identity.Pages;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        // Deleting the cookie in this browser is not enough: a copy of it would still work. A new security stamp
        // makes every cookie issued before it invalid (checked on each request), so signing out ends this person's
        // sessions on all devices. The simpler sound choice over a table of sessions; the page says so.
        if (await users.GetUserAsync(User) is { } me) await users.UpdateSecurityStampAsync(me);
        await signIn.SignOutAsync();
        TempData["Flash"] = l["Logout.Done"].Value;
        return Redirect("/");
    }
}
