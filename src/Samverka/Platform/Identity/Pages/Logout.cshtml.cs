using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samverka.Platform.Localization;

namespace Samverka.Platform.Identity.Pages;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Flash"] = l["Logout.Done"].Value;
        return Redirect("/");
    }
}
