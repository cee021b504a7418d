using Samverka.Features.Register.Search;

namespace Samverka.Features.Register.Pages;

/// The public register: search with facets, all in the query string (shareable, works without JavaScript).
[AllowAnonymous]
public sealed class IndexModel(RegisterSearch search, AppDbContext db, Samverka.Platform.Identity.CurrentUser current, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int VisibleFacetValues = 8;
    public SearchRequest Request { get; private set; } = SearchRequest.Text(null);
    public SearchResult Result { get; private set; } = default!;
    public Pager Pager { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> MunicipalityNames { get; private set; } = new Dictionary<string, string>();

    public bool CanImport { get; private set; }

    /// Problems with the ages asked for, by parameter; the search runs without them meanwhile.
    public IReadOnlyDictionary<string, string[]> AgeProblems { get; private set; } = new Dictionary<string, string[]>();
    public string AgeFromValue => HttpContext.Request.Query["ageFrom"].ToString();
    public string AgeToValue => HttpContext.Request.Query["ageTo"].ToString();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var access = await current.GetAccessAsync(ct);
        CanImport = access.IsPlatformAdmin || access.StaffTenantIds.Any();
        Request = SearchQuery.Parse(HttpContext.Request.Query);
        AgeProblems = SearchQuery.AgeProblems(HttpContext.Request.Query, l);
        Result = search.Search(Request);
        Pager = new Pager(Request.Page, Result.PageSize, Result.Total, p => "/organisations" + SearchQuery.ToQueryString(Request, p));
        var codes = Result.Facets[Facets.Municipality].Select(v => v.Value).ToList();
        MunicipalityNames = await db.Tenants.AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Name, ct);
    }

    public string FacetTitle(string facet) => l["Facet." + facet];

    public string ValueLabel(string facet, string value) => facet switch
    {
        Facets.Municipality => MunicipalityNames.GetValueOrDefault(value, value),
        Facets.Area => l["Area." + value],
        Facets.TargetGroup => l["TargetGroup." + value],
        Facets.Age => l["AgeBand." + value],
        Facets.LegalForm => l["LegalForm." + value],
        Facets.Language => l["Language." + value],
        _ => value,
    };
}
