using Samverka.Platform.Modules;
using Samverka.Platform.UI;

namespace Samverka.Features.Home.Pages;

/// "My work": what waits for the signed-in person in every feature (MyWork gathers each feature's IMyWorkSource),
/// most urgent first, in groups; with nothing waiting, where to go for each of their roles, and for a person with no
/// role yet what to do next.
[Authorize]
public sealed class MyModel(MyWork work, CurrentUser current, AppDbContext db, IOrganisationDirectory organisations, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    public IReadOnlyList<MyWorkItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = default!;
    public DateTime Now { get; private set; }
    public Access Access { get; private set; } = default!;
    public IReadOnlyList<(string Code, string Name)> Municipalities { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Organisations { get; private set; } = new Dictionary<Guid, string>();

    public bool HasNoRole => Access.Roles.Count == 0;

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        Access = await current.GetAccessAsync(ct);
        Now = clock.GetUtcNow().UtcDateTime;
        var all = await work.ForAsync(Access, ct);
        Total = all.Count;
        Pager = new Pager(page, PageSize, Total, p => p == 1 ? "/my" : $"/my?page={p}");
        Items = all.Skip((Pager.Page - 1) * PageSize).Take(PageSize).ToList();
        var tenantIds = Access.StaffTenantIds.ToList();
        Municipalities = (await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id) && t.Kind == TenantKind.Municipality)
            .OrderBy(t => t.Name).Select(t => new { t.Code, t.Name }).ToListAsync(ct)).Select(t => (t.Code, t.Name)).ToList();
        Organisations = await organisations.NamesAsync(Access.OrganisationIds.ToList(), ct);
    }
}
