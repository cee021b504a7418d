using Samverka.Features.Municipalities;
using Samverka.Features.Register;
using Samverka.Platform.Modules;

namespace Samverka.Features.Needs;

/// What the needs board adds to the register's and the municipalities' pages: the needs that fit an organisation
/// (for its members), the municipality's open needs and its own needs desk (for its staff), and the figures —
/// the median response time on the municipality's page and the open needs per municipality on the region's.
internal sealed class NeedsContributions(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : IPageContribution<OrganisationPage>, IPageContribution<MunicipalityPage>, IStatisticsContributor
{
    public Task<IReadOnlyList<PageLink>> ContributeAsync(OrganisationPage page, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PageLink>>([new(OrganisationPage.ForMembers, 10, $"/organisations/{page.Id}/needs", l["Needs.ForOrganisationTitle"])]);

    public Task<IReadOnlyList<PageLink>> ContributeAsync(MunicipalityPage page, CancellationToken ct)
    {
        var code = page.Municipality.Code;
        return Task.FromResult<IReadOnlyList<PageLink>>(
        [
            new(MunicipalityPage.WorkWith, 10, $"/needs?municipality={code}", l["Needs.OnBoard"]),
            new(MunicipalityPage.ForStaff, 10, $"/municipalities/{code}/needs", l["Needs.Manage"]),
        ]);
    }

    public async Task<IReadOnlyList<string>> ForMunicipalityAsync(Tenant municipality, Access viewer, CancellationToken ct)
    {
        if (await db.MedianResponseTimeAsync(municipality.Id, clock.GetUtcNow().UtcDateTime, ct) is not { } median) return [];
        var time = median.TotalHours < 48
            ? l.Plural("Needs.MedianHours", Math.Max(1, (int)Math.Round(median.TotalHours)))
            : l.Plural("Needs.MedianDays", (int)Math.Round(median.TotalDays));
        return [l["Needs.MedianResponse", time]];
    }

    public async Task<StatisticsColumn?> ForRegionAsync(Tenant region, IReadOnlyList<Tenant> municipalities, Access viewer, CancellationToken ct)
    {
        var ids = municipalities.Select(m => m.Id).ToList();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var open = await db.Needs().Where(n => ids.Contains(n.TenantId) && n.Status == NeedStatus.Open && n.Closes >= today)
            .GroupBy(n => n.TenantId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new StatisticsColumn(l["Region.OpenNeeds"], 10, municipalities.ToDictionary(m => m.Id,
            m => new StatisticsCell(open.GetValueOrDefault(m.Id), $"/needs?municipality={m.Code}")));
    }
}
