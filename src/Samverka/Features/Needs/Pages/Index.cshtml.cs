namespace Samverka.Features.Needs.Pages;

/// The public needs board: open needs from every municipality, filterable by municipality and area.
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;
    public IReadOnlyList<NeedsModule.NeedRow> Needs { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = default!;
    public string? Municipality { get; private set; }
    public string? Area { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(string? municipality, string? area, int page = 1, CancellationToken ct = default)
    {
        Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality;
        Area = string.IsNullOrWhiteSpace(area) ? null : area;
        var all = NeedsModule.OpenNeeds(db, clock, null, null);
        Municipalities = (await all.Select(x => new { x.Municipality.Code, x.Municipality.Name }).Distinct().ToListAsync(ct))
            .OrderBy(m => m.Name).Select(m => (m.Code, m.Name)).ToList();
        var query = NeedsModule.OpenNeeds(db, clock, Municipality, Area);
        Total = await query.CountAsync(ct);
        Pager = new Pager(page, PageSize, Total, p => Url(p));
        Needs = await query.OrderBy(x => x.Need.Closes).ThenBy(x => x.Need.Title)
            .Skip((Pager.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    private string Url(int page)
    {
        var parts = new List<string>();
        if (Municipality is not null) parts.Add("municipality=" + Uri.EscapeDataString(Municipality));
        if (Area is not null) parts.Add("area=" + Uri.EscapeDataString(Area));
        if (page > 1) parts.Add("page=" + page);
        return "/needs" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }
}
