namespace Samverka.Features.Partnerships.Pages;

/// The public list of partnerships (those past exploring), filterable by municipality, form and status; for a
/// signed-in user also their own partnerships, exploring ones included.
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, CurrentUser current) : PageModel
{
    public const int PageSize = 20;
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public sealed record Row(Partnership Partnership, IReadOnlyList<PartnershipsModule.PartyDto> Parties);
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public IReadOnlyList<Row> Mine { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Municipalities { get; private set; } = [];
    public bool CanStart { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = PartnershipsModule.PublicQuery(db, Municipality, null, Status);
        Total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.CreatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var parties = await PartnershipsModule.PartiesOfAsync(db, rows.Select(r => r.Id).ToList(), ct);
        Items = rows.Select(r => new Row(r, parties[r.Id])).ToList();
        var withParties = await db.PartnershipParties().AsNoTracking().Where(x => x.TenantId != null).Select(x => x.TenantId).Distinct().ToListAsync(ct);
        Municipalities = (await db.Tenants.AsNoTracking().Where(t => withParties.Contains(t.Id)).OrderBy(t => t.Name).Select(t => new { t.Code, t.Name }).ToListAsync(ct))
            .Select(t => (t.Code, t.Name)).ToList();

        var access = await current.GetAccessAsync(ct);
        if (access.IsSignedIn)
        {
            var tenants = access.StaffTenantIds.ToList();
            var orgs = access.OrganisationIds.ToList();
            CanStart = WhoMayStart.Any(access);
            var mine = await db.Partnerships().AsNoTracking()
                .Where(p => db.PartnershipParties().Any(x => x.PartnershipId == p.Id &&
                    ((x.TenantId != null && tenants.Contains(x.TenantId.Value)) || (x.OrganisationId != null && orgs.Contains(x.OrganisationId.Value)))))
                .OrderByDescending(p => p.UpdatedAt).Take(50).ToListAsync(ct);
            var mineParties = await PartnershipsModule.PartiesOfAsync(db, mine.Select(r => r.Id).ToList(), ct);
            Mine = mine.Select(r => new Row(r, mineParties[r.Id])).ToList();
        }
    }
}
