namespace Samverka.Features.Knowledge.Pages;

[AllowAnonymous]
public sealed class ArticleModel(KnowledgeBank bank) : PageModel
{
    public KnowledgeArticle Article { get; private set; } = default!;
    public IReadOnlyList<KnowledgeArticle> Related { get; private set; } = [];

    public IActionResult OnGet(string slug)
    {
        var article = bank.Find(slug, CultureInfo.CurrentUICulture);
        if (article is null) return NotFound();
        Article = article;
        Related = bank.All(CultureInfo.CurrentUICulture).Where(a => a.Category == article.Category && a.Slug != slug).ToList();
        return Page();
    }
}
