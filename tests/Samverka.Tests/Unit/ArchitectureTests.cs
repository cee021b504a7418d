using Samverka.Platform.Modules;

namespace Samverka.Tests.Unit;

/// The dependency table (FeatureTable) holds over the compiled code — PageModels and compiled Razor views included —
/// and over the source of every .cs and .cshtml file: namespaces, resource keys and page addresses of other features.
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly App = typeof(Samverka.Platform.PlatformModule).Assembly;

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverka.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "Samverka");
    }

    private static List<(string Feature, string Path, string Text)> Sources()
    {
        var root = SourceRoot();
        return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), File: f))
            .Where(f => !f.Path.StartsWith("bin/", StringComparison.Ordinal) && !f.Path.StartsWith("obj/", StringComparison.Ordinal)
                && !f.Path.Contains("/Migrations/", StringComparison.Ordinal))
            .Select(f => (Feature: DependencyCheck.FeatureOfPath(f.Path), f.Path, Text: File.ReadAllText(f.File)))
            .Where(f => f.Feature is not null)
            .Select(f => (f.Feature!, f.Path, f.Text)).ToList();
    }

    private static DependencyCheck.AddressBook Addresses(IEnumerable<(string Feature, string Path, string Text)> sources)
    {
        var book = new DependencyCheck.AddressBook();
        foreach (var (feature, path, text) in sources) book.Add(feature, path, text);
        return book;
    }

    [Fact]
    public void Every_feature_folder_has_a_place_in_the_table_and_a_manifest()
    {
        var folders = Directory.GetDirectories(Path.Combine(SourceRoot(), "Features")).Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.Equal(folders, FeatureTable.FeatureNames.Order().ToList());
        var manifests = App.GetTypes().Where(t => typeof(IModule).IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => ((IModule)Activator.CreateInstance(t)!).Manifest.Feature).Order().ToList();
        Assert.Equal(folders, manifests);
    }

    /// A feature that keeps register organisation ids says so in its manifest, so the merge of two register entries
    /// can require it to take part (the register itself merges its own records).
    [Fact]
    public void A_feature_that_keeps_organisation_ids_says_so_in_its_manifest()
    {
        var manifests = App.GetTypes().Where(t => typeof(IModule).IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => ((IModule)Activator.CreateInstance(t)!).Manifest).ToDictionary(m => m.Feature);
        var keeping = App.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Samverka.Features.", StringComparison.Ordinal) == true && !t.IsNested)
            .Where(t => t.GetProperties().Any(p => p.Name.EndsWith("OrganisationId", StringComparison.Ordinal) && p.CanWrite
                && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?))))
            .Select(t => (Feature: t.Namespace!.Split('.')[2], Type: t.FullName!))
            .Where(x => x.Feature != FeatureTable.Register).ToList();
        Assert.NotEmpty(keeping);
        var silent = keeping.Where(x => !manifests[x.Feature].StoresOrganisationIds).ToList();
        Assert.True(silent.Count == 0, "Keeps organisation ids without saying so: " + string.Join(", ", silent));
    }

    [Fact]
    public void The_table_has_no_cycle()
    {
        var uses = FeatureTable.FeatureNames.SelectMany(f => FeatureTable.UsableBy(f).Select(to => new Dependency(f, to, DependencyKind.Type, "table")));
        Assert.Null(DependencyCheck.Cycle(uses));
    }

    [Fact]
    public void Compiled_types_and_views_use_only_what_the_table_allows()
    {
        var dependencies = DependencyCheck.TypeDependencies(App).ToList();
        var forbidden = DependencyCheck.Forbidden(dependencies);
        Assert.True(forbidden.Count == 0, "Not allowed by FeatureTable:\n" + string.Join("\n", forbidden));
        Assert.Null(DependencyCheck.Cycle(dependencies));
    }

    /// Links still written across the table, each with its reason; the list may only shrink. The team pages of a
    /// municipality and an organisation are where the platform's role scopes are managed, but they live in the
    /// features' folders; once they move under Platform/Identity (issue 15, item 6) these links are the platform's own.
    private static readonly (string File, string To)[] KnownLinks =
    [
        ("Platform/Identity/Pages/Account.cshtml", FeatureTable.Municipalities),  // a role's scope: the team page
        ("Platform/Identity/Pages/Account.cshtml", FeatureTable.Register),
        ("Platform/Identity/Pages/Account.cshtml", FeatureTable.Admin),           // a platform role's scope
        ("Platform/Identity/Pages/Invite.cshtml.cs", FeatureTable.Municipalities), // back to the team page
        ("Platform/Identity/Pages/Invite.cshtml.cs", FeatureTable.Register),
        ("Platform/Audit/Pages/AuditLog.cshtml.cs", FeatureTable.Municipalities),  // back to the scope's page
        ("Platform/Audit/Pages/AuditLog.cshtml.cs", FeatureTable.Register),
        ("Platform/Audit/Pages/AuditLog.cshtml.cs", FeatureTable.Admin),
        ("Features/Register/Pages/RegisterDesk.cshtml", FeatureTable.Municipalities),
        ("Platform/Privacy/AccountDeletion.cs", FeatureTable.Municipalities),    // the last administrator's team page
        ("Platform/Privacy/AccountDeletion.cs", FeatureTable.Register),   // the register desk, back to the team page
    ];

    [Fact]
    public void Sources_and_views_name_only_what_the_table_allows()
    {
        var sources = Sources();
        var addresses = Addresses(sources);
        var dependencies = sources.SelectMany(s => DependencyCheck.SourceDependencies(s.Feature, s.Path, s.Text, addresses)).ToList();
        var forbidden = DependencyCheck.Forbidden(dependencies)
            .Where(d => !(d.Kind == DependencyKind.Address && KnownLinks.Contains((d.Where[..d.Where.LastIndexOf(':')], d.To)))).ToList();
        Assert.True(forbidden.Count == 0, "Not allowed by FeatureTable:\n" + string.Join("\n", forbidden.Distinct()));
        Assert.Null(DependencyCheck.Cycle(dependencies.Except(dependencies.Where(d =>
            d.Kind == DependencyKind.Address && KnownLinks.Contains((d.Where[..d.Where.LastIndexOf(':')], d.To))))));
    }

    /// The test of the test: a register view that links to a partnership page, names a Needs type or uses a
    /// Partnerships resource key is reported.
    [Fact]
    public void The_checker_reports_a_lower_feature_naming_a_higher_one()
    {
        var sources = Sources();
        var addresses = Addresses(sources);
        const string view = """
            @page "/organisations/{id:guid}/probe"
            @model Samverka.Features.Register.Pages.ProbeModel
            <p>@L["Organisations.Title"]</p>
            <p><a href="/partnerships/new?organisation=@Model.Id">@L["Partnerships.StartWith", Model.Name]</a></p>
            <p><a href="/organisations/@Model.Id/needs">…</a></p>
            @inject Samverka.Features.Needs.NeedNotifications Notifications
            """;
        var found = DependencyCheck.Forbidden(DependencyCheck.SourceDependencies(FeatureTable.Register, "Features/Register/Pages/Probe.cshtml", view, addresses));
        Assert.Contains(found, d => d is { To: FeatureTable.Partnerships, Kind: DependencyKind.Address, Where: "Features/Register/Pages/Probe.cshtml:4" });
        Assert.Contains(found, d => d is { To: FeatureTable.Partnerships, Kind: DependencyKind.ResourceKey });
        Assert.Contains(found, d => d is { To: FeatureTable.Needs, Kind: DependencyKind.Address, Where: "Features/Register/Pages/Probe.cshtml:5" });
        Assert.Contains(found, d => d is { To: FeatureTable.Needs, Kind: DependencyKind.Namespace });
        Assert.Equal(4, found.Count);

        // The same links from Partnerships, which may use Needs and itself, are fine.
        Assert.Empty(DependencyCheck.Forbidden(DependencyCheck.SourceDependencies(FeatureTable.Partnerships, "Features/Partnerships/Pages/Probe.cshtml",
            view.Replace("Samverka.Features.Register.Pages", "Samverka.Features.Partnerships.Pages"), addresses)));
    }

    /// The test of the test for compiled code: a type in the register's namespace (here, in the test assembly) that
    /// uses a Partnerships type is reported, and a Partnerships→Needs→Partnerships pair is a cycle.
    [Fact]
    public void The_checker_reports_a_compiled_type_using_a_higher_feature()
    {
        var found = DependencyCheck.Forbidden(DependencyCheck.TypeDependencies(typeof(Samverka.Features.Register.ArchitectureProbe).Assembly));
        Assert.Contains(found, d => d is { From: FeatureTable.Register, To: FeatureTable.Partnerships, Kind: DependencyKind.Type }
            && d.Where.Contains(nameof(Samverka.Features.Register.ArchitectureProbe)));
        Assert.NotNull(DependencyCheck.Cycle([new(FeatureTable.Partnerships, FeatureTable.Needs, DependencyKind.Type, "a"),
            new(FeatureTable.Needs, FeatureTable.Partnerships, DependencyKind.Address, "b")]));
    }

    /// Deny by default: a route group marked anonymous would make every endpoint added to it later public too. Each
    /// public endpoint says .AllowAnonymous() on its own line instead.
    [Fact]
    public void No_endpoint_group_is_anonymous()
    {
        var offenders = Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"MapGroup\([^;]*;")
                .Where(m => m.Value.Contains("AllowAnonymous")).Select(m => $"{Path.GetFileName(file)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }
}
