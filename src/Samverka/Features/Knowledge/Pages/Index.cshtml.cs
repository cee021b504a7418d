namespace Samverka.Features.Knowledge.Pages;

[AllowAnonymous]
public sealed class IndexModel(KnowledgeBank bank) : PageModel
{
    public string? Query { get; private set; }
    public IReadOnlyList<KnowledgeHit>? Hits { get; private set; }
    public ILookup<string, KnowledgeArticle> ByCategory { get; private set; } = default!;

    public void OnGet(string? q)
    {
        Query = q?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, 200)] : null;
        if (Query is not null) Hits = bank.Search(Query, CultureInfo.CurrentUICulture);
        ByCategory = bank.All(CultureInfo.CurrentUICulture).ToLookup(a => a.Category);
    }
}
