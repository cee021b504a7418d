namespace Samverka.Features.Advisor.Pages;

[AllowAnonymous]
public sealed class IndexModel(AdvisorEngine engine) : AdvisorPage(engine)
{
    public void OnGet() => ReadState();
}
