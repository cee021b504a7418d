using Samverka.Features.Advisor;
using Samverka.Features.Needs;
using Samverka.Features.Partnerships;
using Samverka.Platform.Modules;

namespace Samverka.Features.Home.Pages;

/// The start page leads somewhere: a signed-in person's own work first, then a search of the register, the open
/// needs of a municipality the visitor chooses (a GET form, so it works without script and can be bookmarked), the
/// advisor's first question, the municipalities taking part and the latest public partnerships. A handful of small
/// queries, each through the owning feature's own query.
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, CurrentUser current, MyWork work, AdvisorEngine advisor, TimeProvider clock) : PageModel
{
    public const int WorkShown = 5;
    public const int NeedsShown = 5;
    public const int PartnershipsShown = 3;

    public sealed record NeedLine(Guid Id, string Title, string Municipality, DateOnly Closes);
    public sealed record PartnershipLine(Guid Id, string Title, IReadOnlyList<string> Parties);

    public bool SignedIn { get; private set; }
    public IReadOnlyList<MyWorkItem> Work { get; private set; } = [];
    public int WorkTotal { get; private set; }
    public DateTime Now { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Municipalities { get; private set; } = [];
    /// The municipality whose needs are shown: the one chosen, else the person's own, else none (all municipalities).
    public (string Code, string Name)? Near { get; private set; }
    public IReadOnlyList<NeedLine> Needs { get; private set; } = [];
    public QuestionDef FirstQuestion { get; private set; } = default!;
    public int Year { get; private set; }
    public IReadOnlyList<PartnershipLine> Partnerships { get; private set; } = [];

    public async Task OnGetAsync(string? municipality, CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var access = await current.GetAccessAsync(ct);
        SignedIn = access.IsSignedIn;
        if (SignedIn)
        {
            var all = await work.ForAsync(access, ct);
            WorkTotal = all.Count;
            Work = all.Take(WorkShown).ToList();
        }

        var active = await db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Municipality && t.IsActive)
            .OrderBy(t => t.Name).Select(t => new { t.Id, t.Code, t.Name }).ToListAsync(ct);
        Municipalities = active.Select(t => (t.Code, t.Name)).ToList();
        var own = access.StaffTenantIds.ToHashSet();
        var chosen = active.FirstOrDefault(t => t.Code == municipality) ?? (municipality is null ? active.FirstOrDefault(t => own.Contains(t.Id)) : null);
        Near = chosen is null ? null : (chosen.Code, chosen.Name);

        Needs = await NeedsModule.OpenNeeds(db, clock, chosen?.Code, null).OrderBy(x => x.Need.Closes).ThenBy(x => x.Need.Title).Take(NeedsShown)
            .Select(x => new NeedLine(x.Need.Id, x.Need.Title, x.Municipality.Name, x.Need.Closes)).ToListAsync(ct);

        FirstQuestion = advisor.Asked(new Dictionary<string, string>())[0];
        Year = Now.Year;

        var recent = await PartnershipsModule.PublicQuery(db, null, null, null).OrderByDescending(p => p.CreatedAt).Take(PartnershipsShown)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var parties = await PartnershipsModule.PartiesOfAsync(db, recent.Select(p => p.Id).ToList(), ct);
        Partnerships = recent.Select(p => new PartnershipLine(p.Id, p.Title, parties[p.Id].Select(x => x.Name).ToList())).ToList();
    }
}
