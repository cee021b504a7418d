using System.Text.Json;

namespace Samverka.Features.Advisor.Pages;

[AllowAnonymous]
public sealed class ResultModel(AdvisorEngine engine, AppDbContext db, CurrentUser user, TimeProvider clock) : AdvisorPage(engine)
{
    public Advice Advice { get; private set; } = default!;

    public IActionResult OnGet()
    {
        ReadState();
        if (FirstOpen() is { } open) return Redirect(QuestionLink(open.Id));
        Advice = Engine.Evaluate(Input, CultureInfo.CurrentUICulture);
        return Page();
    }

    /// Keeps the answers under an unguessable link that can be shared; the advice is worked out again when opened.
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        ReadState();
        if (FirstOpen() is { } open) return Redirect(QuestionLink(open.Id));
        var saved = new SavedAdvice
        {
            Country = Country,
            Year = Year,
            AnswersJson = JsonSerializer.Serialize(Answers),
            UserId = user.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SavedAdvice().Add(saved);
        await db.SaveChangesAsync(ct);
        return Redirect("/advisor/saved/" + saved.Token);
    }
}
