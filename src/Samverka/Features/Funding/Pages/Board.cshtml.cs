using Samverka.Features.Funding.Calls;
using Samverka.Features.Funding.Programmes;

namespace Samverka.Features.Funding.Pages;

/// The public board of calls (/funding): every published call that has not closed, soonest deadline first,
/// filterable by municipality, kind, area and deadline.
[AllowAnonymous]
public sealed class BoardModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;
    public IReadOnlyList<CallRow> Calls { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = default!;
    public DateOnly Today { get; private set; }
    public CallFilter Filter { get; private set; } = new();
    public string? ClosesByProblem { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(string? municipality, string? kind, string? area, string? closesBy, int page = 1, CancellationToken ct = default)
    {
        Today = CallBoard.Today(clock);
        DateOnly? by = null;
        if (!string.IsNullOrWhiteSpace(closesBy))
        {
            if (DateOnly.TryParseExact(closesBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) by = d;
            else ClosesByProblem = l["Funding.Board.ClosesByInvalid"];
        }
        Filter = new CallFilter(Text.Blank(municipality), Enum.TryParse<GrantKind>(kind, out var k) && Enum.IsDefined(k) ? k : null,
            Register.Taxonomy.Areas.Contains(area) ? area : null, by);
        Municipalities = (await CallBoard.Open(db, Today, new()).Select(x => new { x.Municipality.Code, x.Municipality.Name }).Distinct().ToListAsync(ct))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture).Select(m => (m.Code, m.Name)).ToList();
        var query = CallBoard.Open(db, Today, Filter);
        Total = await query.CountAsync(ct);
        Pager = new Pager(page, PageSize, Total, Url);
        Calls = await query.OrderBy(x => x.Call.Closes).ThenBy(x => x.Call.Title)
            .Skip((Pager.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    private string Url(int page)
    {
        var parts = new List<string>();
        if (Filter.Municipality is { } m) parts.Add("municipality=" + Uri.EscapeDataString(m));
        if (Filter.Kind is { } k) parts.Add("kind=" + k);
        if (Filter.Area is { } a) parts.Add("area=" + Uri.EscapeDataString(a));
        if (Filter.ClosesBy is { } by) parts.Add("closesBy=" + by.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (page > 1) parts.Add("page=" + page);
        return "/funding" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }
}
