namespace Samverka.Features.Advisor.Pages;

/// One question per page. Submitting (a GET with go=1) checks the answer and moves on; a wrong or missing answer
/// stays on the page with the error next to it.
[AllowAnonymous]
public sealed class QuestionModel(AdvisorEngine engine, IStringLocalizer<SharedResource> l) : AdvisorPage(engine)
{
    public QuestionDef Question { get; private set; } = default!;
    public string? Current { get; private set; }
    public string? Error { get; private set; }
    public bool FromCheck { get; private set; }
    public int Number { get; private set; }
    public int Total { get; private set; }
    public string BackLink { get; private set; } = "/advisor";

    public IActionResult OnGet(string id)
    {
        ReadState();
        var asked = Engine.Asked(Answers);
        var question = asked.FirstOrDefault(q => q.Id == id);
        if (question is null) return Book.Question(id) is null ? NotFound() : Redirect(Link("/advisor/check"));
        Question = question;
        FromCheck = Request.Query["return"] == "check";
        var raw = Request.Query[id].ToString();
        Current = raw.Length > 0 ? raw.Trim() : null;

        if (Request.Query["go"] == "1")
        {
            var problem = Engine.Check(question, Current);
            if (problem is null)
            {
                Answers[id] = Current!;
                Answers = Engine.Relevant(Answers);
                var next = FromCheck ? FirstOpen() : Engine.Asked(Answers).SkipWhile(q => q.Id != id).Skip(1).FirstOrDefault();
                return Redirect(next is null ? Link("/advisor/check") : QuestionLink(next.Id, FromCheck));
            }
            Error = l[problem.MessageKey, problem.Args];
            ModelState.AddModelError("answer", Error);
        }

        var index = asked.ToList().IndexOf(question);
        Number = index + 1;
        Total = Engine.Total(Answers);
        BackLink = FromCheck ? Link("/advisor/check")
            : index == 0 ? Link("/advisor")
            : QuestionLink(asked[index - 1].Id);
        return Page();
    }
}
