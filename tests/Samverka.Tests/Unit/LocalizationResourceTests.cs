using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Samverka.Platform.Localization;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Unit;

/// Every UI string exists in Swedish and English, each key lives in exactly one feature's resource files, and every
/// key the code asks for exists.
public sealed partial class LocalizationResourceTests
{
    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "../../../src/Samverka"));

    /// The Swedish files (`X.resx`), relative to src/Samverka; each has its English twin `X.en.resx`.
    public static IReadOnlyList<string> SwedishFiles() =>
        Directory.EnumerateFiles(SourceRoot(), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && !f.EndsWith(".en.resx"))
            .Select(f => Path.GetRelativePath(SourceRoot(), f)).Order(StringComparer.Ordinal).ToList();

    internal static Dictionary<string, string> Load(string relative) =>
        XDocument.Load(Path.Combine(SourceRoot(), relative)).Root!.Elements("data")
            .ToDictionary(e => e.Attribute("name")!.Value, e => e.Element("value")!.Value);

    internal static string English(string swedish) => swedish[..^".resx".Length] + ".en.resx";

    /// Every key of every file, Swedish.
    internal static Dictionary<string, string> AllSwedish() =>
        SwedishFiles().SelectMany(f => Load(f)).ToDictionary(kv => kv.Key, kv => kv.Value);

    public static TheoryData<string> Files => new(SwedishFiles());

    [Fact]
    public void Each_feature_keeps_its_strings_beside_it()
    {
        var files = SwedishFiles();
        Assert.Contains("Platform/Localization/SharedResource.resx", files);
        Assert.True(files.Count >= 5, string.Join(", ", files));
        Assert.True(AllSwedish().Count > 1000);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Swedish_and_english_have_the_same_keys_and_no_empty_values(string file)
    {
        var sv = Load(file);
        var en = Load(English(file));
        Assert.NotEmpty(sv);
        // Plural keys are compared by their base: each language has the categories its own rule needs.
        Assert.Empty(Singular(sv.Keys).Except(Singular(en.Keys)));
        Assert.Empty(Singular(en.Keys).Except(Singular(sv.Keys)));
        Assert.Empty(PluralProblems("sv", sv.Keys));
        Assert.Empty(PluralProblems("en", en.Keys));
        Assert.Empty(sv.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
        Assert.Empty(en.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
    }

    /// Keys with plural keys reduced to their base ("Needs.Count.one" → "Needs.Count").
    private static HashSet<string> Singular(IEnumerable<string> keys) =>
        keys.Select(k => PluralRules.Split(k)?.Base ?? k).ToHashSet();

    /// What a language's file lacks or has too much of among its plural keys: every plural key needs each category
    /// of the language's CLDR rule, and a category the rule does not have would never be shown.
    internal static List<string> PluralProblems(string language, IEnumerable<string> keys)
    {
        var required = PluralRules.CategoriesOf(language);
        return keys.Select(k => (Key: k, Plural: PluralRules.Split(k))).Where(x => x.Plural is not null)
            .GroupBy(x => x.Plural!.Value.Base)
            .SelectMany(g =>
            {
                var present = g.Select(x => x.Plural!.Value.Category).ToHashSet();
                return required.Where(c => !present.Contains(c)).Select(c => $"{language} {g.Key}: no .{PluralRules.Suffix(c)}")
                    .Concat(present.Where(c => !required.Contains(c)).Select(c => $"{language} {g.Key}: .{PluralRules.Suffix(c)} is not a category of the language"));
            }).ToList();
    }

    [Fact]
    public void The_plural_check_asks_each_language_for_the_categories_of_its_rule()
    {
        Assert.Empty(PluralProblems("sv", ["X.Count.one", "X.Count.other", "X.Plain"]));
        Assert.Equal(["sv X.Count: no .one"], PluralProblems("sv", ["X.Count.other"]));
        Assert.Equal(["en X.Count: .few is not a category of the language"], PluralProblems("en", ["X.Count.one", "X.Count.other", "X.Count.few"]));
        // Latvian needs zero, one and other; Lithuanian one, few, many and other.
        Assert.Empty(PluralProblems("lv", ["X.Count.zero", "X.Count.one", "X.Count.other"]));
        Assert.Equal(["lv X.Count: no .zero"], PluralProblems("lv", ["X.Count.one", "X.Count.other"]));
        Assert.Equal(["lt X.Count: no .few", "lt X.Count: no .many"], PluralProblems("lt", ["X.Count.one", "X.Count.other"]));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Placeholders_match_between_languages(string file)
    {
        var sv = Load(file);
        var en = Load(English(file));
        // A plural form may leave the count out ("ett behov"), so its placeholders are compared without {0}.
        HashSet<string> Of(string key, string value) => PluralRules.Split(key) is null ? Placeholders(value) : [.. Placeholders(value).Where(p => p != "{0}")];
        var mismatched = sv.Keys.Where(en.ContainsKey).Where(k => !Of(k, sv[k]).SetEquals(Of(k, en[k]))).ToList();
        Assert.Empty(mismatched);
    }

    [Fact]
    public void No_key_is_held_by_two_files()
    {
        var twice = SwedishFiles().SelectMany(f => Load(f).Keys.Select(k => (Key: k, File: f)))
            .GroupBy(x => x.Key).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.File))}").ToList();
        Assert.Empty(twice);
    }

    private static HashSet<string> Placeholders(string s) => Placeholder().Matches(s).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?:\b[Ll]\[""|ErrorMessage = ""|Name = ""|E\(nameof\(\w+\), "")([A-Z][A-Za-z]+\.[A-Za-z0-9.]+)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\.Plural\(""([A-Z][A-Za-z]+\.[A-Za-z0-9.]+)""")]
    private static partial Regex PluralUse();

    [Fact]
    public void Every_key_used_in_code_and_pages_exists()
    {
        var sv = AllSwedish();
        var root = SourceRoot();
        var missing = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/Migrations/"))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(root, f), Key: m.Groups[1].Value))
                .Concat(PluralUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(root, f), Key: m.Groups[1].Value + ".other"))))
            .Where(u => !sv.ContainsKey(u.Key))
            .Select(u => $"{u.File}: {u.Key}")
            .Distinct()
            .ToList();
        Assert.Empty(missing);
    }

    public static TheoryData<string> EnumPrefixes => new()
    {
        "Role", "LegalForm", "JobStatus", "AuditAction", "Notifications.Rhythm",
        "GrantKind", "GrantRecurrence", "GrantDecider", "LateApplications", "CallStatus", "QuestionKind",
    };

    [Theory]
    [MemberData(nameof(EnumPrefixes))]
    public void Every_enum_value_shown_in_the_ui_has_a_name(string prefix)
    {
        var type = prefix switch
        {
            "Role" => typeof(Samverka.Platform.Identity.Role),
            "LegalForm" => typeof(Samverka.Features.Register.LegalForm),
            "JobStatus" => typeof(Samverka.Platform.Jobs.JobStatus),
            "Notifications.Rhythm" => typeof(Samverka.Platform.Notifications.Rhythm),
            "GrantKind" => typeof(Samverka.Features.Funding.Programmes.GrantKind),
            "GrantRecurrence" => typeof(Samverka.Features.Funding.Programmes.GrantRecurrence),
            "GrantDecider" => typeof(Samverka.Features.Funding.Programmes.GrantDecider),
            "LateApplications" => typeof(Samverka.Features.Funding.Programmes.LateApplications),
            "CallStatus" => typeof(Samverka.Features.Funding.Calls.CallStatus),
            "QuestionKind" => typeof(Samverka.Features.Funding.Programmes.QuestionKind),
            _ => typeof(Samverka.Platform.Audit.AuditAction),
        };
        var sv = AllSwedish();
        Assert.Empty(Enum.GetNames(type).Where(n => !sv.ContainsKey($"{prefix}.{n}")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SharedLocalizerTests(SqliteApp fixture)
{
    /// The shared localizer reads every file in the tree: a feature that adds a resource file and forgets to
    /// register it (`services.AddStrings<T>()`) fails here rather than showing keys to users.
    [Fact]
    public void The_shared_localizer_reads_every_file()
    {
        var localizer = fixture.App.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResource));
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            foreach (var (language, pick) in new (string, Func<string, string>)[] { ("sv", f => f), ("en", LocalizationResourceTests.English) })
            {
                System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(language);
                var wrong = LocalizationResourceTests.SwedishFiles().SelectMany(f => LocalizationResourceTests.Load(pick(f)).Select(kv => (File: f, kv.Key, kv.Value)))
                    .Where(x => localizer[x.Key].Value != x.Value).Select(x => $"{language} {x.File}: {x.Key}").ToList();
                Assert.Empty(wrong);
            }
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = culture; }
    }
}
