namespace Samverka.Platform.Modules;

/// The dependency table, written once: which feature may use which. A feature uses another when its C# types or its
/// views name the other's types or namespace, its resource keys, or its page addresses. Everything may use the
/// platform; the platform uses no feature. A new feature is placed here before its first line, and its manifest
/// names its place (ModuleManifest.Feature). ArchitectureTests checks the code and the views against this table.
///
///   Platform ← Register ← Municipalities ← Needs ← Partnerships
///   Needs ← Funding (grants; Partnerships reaches it only through a contribution point, never by name)
///   Partnerships may use Advisor; Advisor and Knowledge may link to each other and use nothing above Platform;
///   Home and Admin may use every feature (they read every manifest).
///
/// "Uses" is transitive (Partnerships may use Register, since Needs may) and must stay free of cycles. "Links to"
/// allows page addresses only — a link into a reference feature such as the knowledge bank is not a use — so
/// Advisor and Knowledge may link to each other without forming a cycle.
public static class FeatureTable
{
    public const string Platform = "Platform";
    public const string Register = "Register";
    public const string Municipalities = "Municipalities";
    public const string Needs = "Needs";
    public const string Partnerships = "Partnerships";
    public const string Funding = "Funding";
    public const string Advisor = "Advisor";
    public const string Knowledge = "Knowledge";
    public const string Home = "Home";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<FeaturePlace> Places =
    [
        new(Register),
        new(Municipalities, Uses: [Register], LinksTo: [Knowledge, Advisor]),
        new(Needs, Uses: [Municipalities], LinksTo: [Knowledge, Advisor]),
        new(Partnerships, Uses: [Needs, Advisor], LinksTo: [Knowledge]),
        new(Funding, Uses: [Needs], LinksTo: [Knowledge, Advisor]),
        new(Advisor, LinksTo: [Knowledge]),
        new(Knowledge, LinksTo: [Advisor]),
        new(Home, UsesEvery: true),
        new(Admin, UsesEvery: true),
    ];

    public static IEnumerable<string> FeatureNames => Places.Select(p => p.Name);

    public static FeaturePlace Of(string feature) =>
        Places.SingleOrDefault(p => p.Name == feature) ?? throw new ArgumentException($"'{feature}' has no place in the dependency table.", nameof(feature));

    /// Every feature `feature` may use, directly or through the features it uses.
    public static IReadOnlySet<string> UsableBy(string feature)
    {
        var place = Of(feature);
        // Home and Admin use every feature but not each other, so the table stays free of cycles.
        if (place.UsesEvery) return Places.Where(p => !p.UsesEvery).Select(p => p.Name).ToHashSet();
        var seen = new HashSet<string>();
        var todo = new Stack<string>(place.Uses);
        while (todo.TryPop(out var next))
            if (next != feature && seen.Add(next))
                foreach (var further in Of(next).Uses) todo.Push(further);
        return seen;
    }

    /// Whether `from` may depend on `to` in the given way; the platform is open to every feature and uses none.
    public static bool Allows(string from, string to, bool addressOnly)
    {
        if (from == to || to == Platform) return true;
        if (from == Platform) return false;
        return UsableBy(from).Contains(to) || (addressOnly && Of(from).LinksTo.Contains(to));
    }
}

/// A feature's row in the dependency table.
public sealed record FeaturePlace(string Name, string[]? Uses = null, string[]? LinksTo = null, bool UsesEvery = false)
{
    public string[] Uses { get; init; } = Uses ?? [];
    public string[] LinksTo { get; init; } = LinksTo ?? [];
}
