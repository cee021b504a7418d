namespace Samverka.Platform.Identity.Pages;

[AllowAnonymous]
public sealed class CheckEmailModel : PageModel
{
    public string Reason { get; private set; } = "register";
    public void OnGet(string? reason) => Reason = reason == "reset" ? "reset" : "register";
}
