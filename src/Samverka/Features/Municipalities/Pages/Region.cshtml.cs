using Samverka.Features.Municipalities.Calendar;
using Samverka.Features.Municipalities.Profile;
using Samverka.Platform.Modules;

namespace Samverka.Features.Municipalities.Pages;

/// A region's page: its municipalities on the platform side by side, with their coordinators, the figures other
/// features add as columns (IStatisticsContributor: open needs) and the next public dates in their budget calendars.
[AllowAnonymous]
public sealed class RegionModel(AppDbContext db, TimeProvider clock, CurrentUser current, PageContributions contributions) : PageModel
{
    public Tenant Region { get; private set; } = default!;
    public IReadOnlyList<Tenant> Municipalities { get; private set; } = [];
    public IReadOnlyList<StatisticsColumn> Columns { get; private set; } = [];
    public ILookup<Guid, ProfileEntry> Coordinators { get; private set; } = default!;
    public IReadOnlyList<(BudgetEvent Event, Tenant Municipality)> Upcoming { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var region = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code && t.Kind == TenantKind.Region && t.IsActive, ct);
        if (region is null) return NotFound();
        Region = region;
        Municipalities = await db.Tenants.AsNoTracking().Where(t => t.ParentId == region.Id && t.IsActive).OrderBy(t => t.Name).ToListAsync(ct);
        var ids = Municipalities.Select(m => m.Id).ToList();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Columns = await contributions.StatisticsForRegionAsync(region, Municipalities, await current.GetAccessAsync(ct), ct);
        Coordinators = (await db.ProfileEntries().AsNoTracking()
            .Where(e => ids.Contains(e.TenantId) && e.Section == ProfileSection.Coordinators).OrderBy(e => e.SortOrder).ToListAsync(ct))
            .ToLookup(e => e.TenantId);
        var byId = Municipalities.ToDictionary(m => m.Id);
        Upcoming = (await db.BudgetEvents().AsNoTracking().Where(e => ids.Contains(e.TenantId) && e.IsPublic && e.Date >= today)
            .OrderBy(e => e.Date).Take(10).ToListAsync(ct)).Select(e => (e, byId[e.TenantId])).ToList();
        return Page();
    }
}
