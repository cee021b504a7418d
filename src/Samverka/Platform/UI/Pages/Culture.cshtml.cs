using Microsoft.AspNetCore.Localization;

namespace Samverka.Platform.UI.Pages;

/// The language switch: remembers the choice in the framework's culture cookie and goes back where the user was.
[AllowAnonymous]
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = Cultures.Supported.Contains(culture) ? culture! : Cultures.Swedish;
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, LocalizationModule.CookieValue(chosen),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    // Drops a ?culture= from the return address, or it would override the new choice.
    private string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !Url.IsLocalUrl(returnUrl)) return "/";
        var parts = returnUrl.Split('?', 2);
        if (parts.Length == 1) return returnUrl;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(parts[1]);
        query.Remove("culture");
        query.Remove("ui-culture");
        var rest = string.Join('&', query.SelectMany(kv => kv.Value.Select(v => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(v ?? "")}")));
        return rest.Length == 0 ? parts[0] : $"{parts[0]}?{rest}";
    }
}
