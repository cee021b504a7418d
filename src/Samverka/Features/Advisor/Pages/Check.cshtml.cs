namespace Samverka.Features.Advisor.Pages;

/// "Check your answers": every answer with a link to change it, before the advice is shown.
[AllowAnonymous]
public sealed class CheckModel(AdvisorEngine engine) : AdvisorPage(engine)
{
    public IReadOnlyList<QuestionDef> Asked { get; private set; } = [];

    public IActionResult OnGet()
    {
        ReadState();
        if (FirstOpen() is { } open) return Redirect(QuestionLink(open.Id));
        Asked = Engine.Asked(Answers);
        return Page();
    }
}
