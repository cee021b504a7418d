namespace Samverka.Platform.Modules;

/// What a feature declares about itself, in the spirit of Decidim's component manifest: its place in the dependency
/// table, the entries it adds to the site's menus, the public datasets it publishes, the statistics it offers to
/// municipality and region pages, its demo seeder and recurring jobs, and whether it stores organisation ids (and so
/// must take part in merges of register entries). Services (seeders, jobs, contributions) are still registered in
/// AddServices; the manifest names them so the catalogue, Home and Admin can show what each feature brings.
public sealed record ModuleManifest(string Feature)
{
    /// The feature's row in FeatureTable; the catalogue refuses a manifest without one.
    public FeaturePlace Place => FeatureTable.Of(Feature);

    public IReadOnlyList<NavigationEntry> Navigation { get; init; } = [];
    public IReadOnlyList<PublicDataset> Datasets { get; init; } = [];

    /// Names of the statistics the feature contributes (through IStatisticsContributor) to municipality and region pages.
    public IReadOnlyList<string> Statistics { get; init; } = [];

    /// The IDemoSeeder implementations the feature registers.
    public IReadOnlyList<Type> DemoSeeders { get; init; } = [];

    /// Job types of the recurring jobs the feature registers with AddRecurringJob.
    public IReadOnlyList<string> RecurringJobs { get; init; } = [];

    /// The feature keeps ids of register organisations. Such a feature must take part when two register entries are
    /// merged (the register's IMergeParticipant), or its records keep pointing at the removed entry.
    public bool StoresOrganisationIds { get; init; }

    /// The kinds of notification the feature sends through the Notifier (each person chooses a rhythm per kind).
    public IReadOnlyList<Notifications.NotificationKind> Notifications { get; init; } = [];
}

/// Which of the site's menus an entry goes into.
public enum Menu { Main, Account, Footer }

/// Who sees a menu entry.
public enum Visibility { Everyone, SignedIn, PlatformAdmin }

/// A menu entry: its address, the resource key of its label, its place among the menu's entries (lowest first) and
/// who sees it. The entry is marked current on its own address and every address below it.
public sealed record NavigationEntry(string Address, string LabelKey, int Order, Visibility Visibility = Visibility.Everyone, Menu Menu = Menu.Main);

/// A dataset anyone may fetch and reuse: the open-data catalogue lists these.
public sealed record PublicDataset(string Name, IReadOnlyList<string> Formats, string Licence, string Address);
