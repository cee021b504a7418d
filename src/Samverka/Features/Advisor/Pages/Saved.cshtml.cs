using Samverka.Platform.Email;
using Samverka.Platform.Modules;

namespace Samverka.Features.Advisor.Pages;

/// A saved answer, opened from its link: the same advice, the date it was saved, and the link to share.
[AllowAnonymous]
public sealed class SavedModel(AdvisorEngine engine, AppDbContext db, PublicUrls urls, CurrentUser current, PageContributions contributions)
    : AdvisorPage(engine)
{
    public SavedAdvice Saved { get; private set; } = default!;
    public Advice Advice { get; private set; } = default!;
    public string ShareUrl { get; private set; } = "";
    public IReadOnlyList<(QuestionDef Question, string Answer)> Summary { get; private set; } = [];
    public ContributedLinks Contributed { get; private set; } = ContributedLinks.None;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var saved = await db.SavedAdvice().AsNoTracking().SingleOrDefaultAsync(s => s.Token == token, ct);
        if (saved is null) return NotFound();
        Saved = saved;
        LoadState(saved.Input());
        Advice = Engine.Evaluate(Input, CultureInfo.CurrentUICulture);
        Summary = Engine.Asked(Answers).Select(q => (q, AnswerText(q))).ToList();
        ShareUrl = urls.Absolute("/advisor/saved/" + saved.Token);
        Contributed = await contributions.ForAsync(new SavedAdvicePage(saved.Token, await current.GetAccessAsync(ct)), ct);
        return Page();
    }
}
