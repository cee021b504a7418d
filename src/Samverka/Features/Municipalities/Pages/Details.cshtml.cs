using Samverka.Features.Municipalities.Profile;
using Samverka.Platform.Modules;

namespace Samverka.Features.Municipalities.Pages;

[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, CurrentUser current, PageContributions contributions) : PageModel
{
    public Tenant Municipality { get; private set; } = default!;
    public bool IsStaff { get; private set; }
    public bool CanEdit { get; private set; }
    public ILookup<ProfileSection, ProfileEntry> Profile { get; private set; } = default!;
    /// Other features' figures about the municipality (IStatisticsContributor), one sentence each.
    public IReadOnlyList<string> Statistics { get; private set; } = [];
    /// What other features add to the page (MunicipalityPage's slots).
    public ContributedLinks Contributed { get; private set; } = ContributedLinks.None;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().Include(t => t.Parent)
            .SingleOrDefaultAsync(t => t.Code == code && t.Kind == TenantKind.Municipality, ct);
        var access = await current.GetAccessAsync(ct);
        // Municipalities not yet on the platform are only visible to platform admins.
        if (tenant is null || (!tenant.IsActive && !access.IsPlatformAdmin)) return NotFound();
        Municipality = tenant;
        IsStaff = access.IsStaffOf(tenant.Id);
        CanEdit = access.CanEditTenantProfile(tenant.Id);
        var entries = await db.ProfileEntries().AsNoTracking().Include(e => e.Goals)
            .Where(e => e.TenantId == tenant.Id).OrderBy(e => e.Section).ThenBy(e => e.Kind).ThenBy(e => e.SortOrder).ToListAsync(ct);
        Profile = entries.ToLookup(e => e.Section);
        Statistics = await contributions.StatisticsForAsync(tenant, access, ct);
        Contributed = await contributions.ForAsync(new MunicipalityPage(tenant, access), ct);
        return Page();
    }
}
