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

/// "My work": what waits for a person in a feature (a response to give, an approval, a check-in due). The slot is
/// declared here; the page that gathers the items comes with issue 16.
public interface IMyWorkSource
{
    Task<IReadOnlyList<MyWorkItem>> ForAsync(Access person, CancellationToken ct);
}

public sealed record MyWorkItem(string Title, string Href, DateTime? Due);

public static class ContributionRegistration
{
    public static IServiceCollection AddPageContribution<TPage, TContribution>(this IServiceCollection services)
        where TContribution : class, IPageContribution<TPage> =>
        services.AddScoped<IPageContribution<TPage>, TContribution>();
}
