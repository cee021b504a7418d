namespace Samverka.Platform.UI.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string TextKey { get; private set; } = "Error.Text";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (TitleKey, TextKey) = code switch
        {
            404 => ("Error.NotFoundTitle", "Error.NotFoundText"),
            403 => ("Error.ForbiddenTitle", "Error.ForbiddenText"),
            400 => ("Error.BadRequestTitle", "Error.BadRequestText"),
            429 => ("Error.TooManyRequestsTitle", "Error.TooManyRequestsText"),
            503 => ("Database.UnavailableTitle", "Database.UnavailableText"),
            _ => ("Error.Title", "Error.Text"),
        };
        if (code is >= 400 and < 600) Response.StatusCode = code.Value;
    }
}
