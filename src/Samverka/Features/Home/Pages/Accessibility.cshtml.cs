namespace Samverka.Features.Home.Pages;

[AllowAnonymous]
public sealed class AccessibilityModel : PageModel
{
    public void OnGet() { }
}
