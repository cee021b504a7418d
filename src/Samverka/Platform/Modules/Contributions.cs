namespace Samverka.Platform.Modules;

/// A contribution point: a feature adds links to named slots of another feature's page without that page naming it.
/// The page's feature describes the page with a context record (TPage: what it shows and who looks, e.g. the
/// register's OrganisationPage) and the slots it offers; a higher feature implements IPageContribution of that record
/// and registers it with AddPageContribution. So lower features never name higher ones (see FeatureTable).
public interface IPageContribution<in TPage>
{
    /// The links for this page and viewer; whether a link shows at all is the contributing feature's rule.
    Task<IReadOnlyList<PageLink>> ContributeAsync(TPage page, CancellationToken ct);
}

/// A link in a page's slot, placed by Order among the slot's other contributions (the page renders it in its own
/// markup, as a list item or a paragraph). Text is already localised.
public sealed record PageLink(string Slot, int Order, string Href, string Text, bool IsButton = false);

/// Collects what the features contribute to one page.
public sealed class PageContributions(IServiceProvider services)
{
    public async Task<ContributedLinks> ForAsync<TPage>(TPage page, CancellationToken ct)
    {
        var links = new List<PageLink>();
        foreach (var contribution in services.GetServices<IPageContribution<TPage>>())
            links.AddRange(await contribution.ContributeAsync(page, ct));
        return new ContributedLinks(links);
    }

    /// What the features say about one municipality, in the order the modules were added.
    public async Task<IReadOnlyList<string>> StatisticsForAsync(Tenant municipality, Access viewer, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var contributor in services.GetServices<IStatisticsContributor>())
            lines.AddRange(await contributor.ForMunicipalityAsync(municipality, viewer, ct));
        return lines;
    }

    /// The columns the features add to a region's table of municipalities, in order.
    public async Task<IReadOnlyList<StatisticsColumn>> StatisticsForRegionAsync(Tenant region, IReadOnlyList<Tenant> municipalities,
        Access viewer, CancellationToken ct)
    {
        var columns = new List<StatisticsColumn>();
        foreach (var contributor in services.GetServices<IStatisticsContributor>())
            if (await contributor.ForRegionAsync(region, municipalities, viewer, ct) is { } column) columns.Add(column);
        return columns.OrderBy(c => c.Order).ToList();
    }
}

/// The links contributed to a page, by slot.
public sealed class ContributedLinks(IReadOnlyList<PageLink> links)
{
    public static readonly ContributedLinks None = new([]);

    public IReadOnlyList<PageLink> In(string slot) => links.Where(l => l.Slot == slot).OrderBy(l => l.Order).ToList();
}

/// A feature's figures about municipalities: sentences for a municipality's page and a column for its region's
/// table (e.g. the needs board's median response time and open needs). Declared by name in the manifest's Statistics.
public interface IStatisticsContributor
{
    Task<IReadOnlyList<string>> ForMunicipalityAsync(Tenant municipality, Access viewer, CancellationToken ct);

    /// A column for the region's table of its municipalities, or null when the feature adds none.
    Task<StatisticsColumn?> ForRegionAsync(Tenant region, IReadOnlyList<Tenant> municipalities, Access viewer, CancellationToken ct);
}

/// A column of counts per municipality (by tenant id; missing means 0), each count linking to where it comes from.
public sealed record StatisticsColumn(string Label, int Order, IReadOnlyDictionary<Guid, StatisticsCell> Cells);

public sealed record StatisticsCell(int Count, string? Href);

/// "My work": what waits for a person in a feature (a question to answer, a registration to verify, an approval,
/// a check-in due). Each feature registers its sources with AddScoped<IMyWorkSource, ...>; the platform's MyWork
/// gathers them for the /my page, the home page and the e-mail digest. A source returns only what the person may see.
public interface IMyWorkSource
{
    Task<IReadOnlyList<MyWorkItem>> ForAsync(Access person, CancellationToken ct);
}

/// One thing waiting for a person. Group is a stable key the page groups by (e.g. "needs.questions") and GroupTitle
/// its localised heading; Since is when it started waiting (shown as waiting time), Due when it must be done;
/// Detail is an optional localised line (the organisation or municipality it concerns).
public sealed record MyWorkItem(string Group, string GroupTitle, string Title, string Href, DateTime? Since = null,
    DateTime? Due = null, string? Detail = null);

/// Gathers every feature's IMyWorkSource for one person, most urgent first (due soonest, then waiting longest).
public sealed class MyWork(IEnumerable<IMyWorkSource> sources, AppDbContext db)
{
    public async Task<IReadOnlyList<MyWorkItem>> ForAsync(Access person, CancellationToken ct)
    {
        if (!person.IsSignedIn) return [];
        var items = new List<MyWorkItem>();
        foreach (var source in sources) items.AddRange(await source.ForAsync(person, ct));
        return items.OrderBy(i => i.Due ?? DateTime.MaxValue).ThenBy(i => i.Since ?? DateTime.MaxValue).ToList();
    }

    /// For a person who is not the current request's user (the e-mail digest).
    public async Task<IReadOnlyList<MyWorkItem>> ForUserAsync(string userId, CancellationToken ct)
    {
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        return await ForAsync(new Access(userId, roles), ct);
    }
}

public static class ContributionRegistration
{
    public static IServiceCollection AddPageContribution<TPage, TContribution>(this IServiceCollection services)
        where TContribution : class, IPageContribution<TPage> =>
        services.AddScoped<IPageContribution<TPage>, TContribution>();
}
