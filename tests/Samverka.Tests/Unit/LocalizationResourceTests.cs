using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Samverka.Tests.Unit;

/// Every UI string exists in Swedish and English, and every key the code asks for exists.
public sealed partial class LocalizationResourceTests
{
    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "../../../src/Samverka"));

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(SourceRoot(), "Platform/Localization", file)).Root!.Elements("data")
            .ToDictionary(e => e.Attribute("name")!.Value, e => e.Element("value")!.Value);

    [Fact]
    public void Swedish_and_english_have_the_same_keys_and_no_empty_values()
    {
        var sv = Load("SharedResource.resx");
        var en = Load("SharedResource.en.resx");
        Assert.True(sv.Count > 100);
        Assert.Empty(sv.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(sv.Keys));
        Assert.Empty(sv.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
        Assert.Empty(en.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
    }

    [Fact]
    public void Placeholders_match_between_languages()
    {
        var sv = Load("SharedResource.resx");
        var en = Load("SharedResource.en.resx");
        var mismatched = sv.Keys.Where(k => !Placeholders(sv[k]).SetEquals(Placeholders(en[k]))).ToList();
        Assert.Empty(mismatched);
    }

    private static HashSet<string> Placeholders(string s) => Placeholder().Matches(s).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?:\b[Ll]\[""|ErrorMessage = ""|Name = ""|E\(nameof\(\w+\), "")([A-Z][A-Za-z]+\.[A-Za-z0-9.]+)""")]
    private static partial Regex KeyUse();

    [Fact]
    public void Every_key_used_in_code_and_pages_exists()
    {
        var sv = Load("SharedResource.resx");
        var root = SourceRoot();
        var missing = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/Migrations/"))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(root, f), Key: m.Groups[1].Value)))
            .Where(u => !sv.ContainsKey(u.Key))
            .Select(u => $"{u.File}: {u.Key}")
            .Distinct()
            .ToList();
        Assert.Empty(missing);
    }

    public static TheoryData<string> EnumPrefixes => new() { "Role", "LegalForm", "JobStatus", "AuditAction" };

    [Theory]
    [MemberData(nameof(EnumPrefixes))]
    public void Every_enum_value_shown_in_the_ui_has_a_name(string prefix)
    {
        var type = prefix switch
        {
            "Role" => typeof(Samverka.Platform.Identity.Role),
            "LegalForm" => typeof(Samverka.Features.Register.LegalForm),
            "JobStatus" => typeof(Samverka.Platform.Jobs.JobStatus),
            _ => typeof(Samverka.Platform.Audit.AuditAction),
        };
        var sv = Load("SharedResource.resx");
        Assert.Empty(Enum.GetNames(type).Where(n => !sv.ContainsKey($"{prefix}.{n}")));
    }
}
