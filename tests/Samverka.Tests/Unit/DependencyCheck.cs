using System.Reflection;
using System.Text.RegularExpressions;
using Mono.Cecil;
using NetArchTest.Rules;
using Samverka.Platform.Modules;

namespace Samverka.Tests.Unit;

/// One dependency of one feature on another, found in compiled types or in source text.
public sealed record Dependency(string From, string To, DependencyKind Kind, string Where)
{
    public override string ToString() => $"{From} → {To} ({Kind}) in {Where}";
}

public enum DependencyKind { Type, Namespace, ResourceKey, Address }

/// Finds what each feature depends on, for checking against FeatureTable. Two sources:
/// - compiled types, through NetArchTest: every type of a feature's namespace (PageModels included) and every compiled
///   Razor view (AspNetCoreGeneratedDocument.Features_X_…, lambdas and closures included);
/// - source text of .cs and .cshtml files: namespaces named (`@using`, `@model`, `@inject`, fully qualified names),
///   resource keys held in another feature's resource files, and addresses of another feature's pages (collected from
///   the `@page` directives of its views) or API groups (its MapGroup prefixes).
public static class DependencyCheck
{
    /// Who owns each resource key: the feature whose resource files hold it (`Features/X/XStrings.resx`); the
    /// platform's own keys (SharedResource) are open to all. A string that names only a prefix (`"BudgetEventKind." + k`)
    /// belongs to the feature holding every key with that prefix.
    public static readonly Lazy<(IReadOnlyDictionary<string, string> Keys, IReadOnlyDictionary<string, string> Prefixes)> KeyOwners = new(() =>
    {
        var keys = new Dictionary<string, string>();
        foreach (var file in LocalizationResourceTests.SwedishFiles())
        {
            var parts = file.Split('/');
            var owner = parts[0] == "Features" ? parts[1] : FeatureTable.Platform;
            foreach (var key in LocalizationResourceTests.Load(file).Keys)
            {
                keys[key] = owner;
                // A plural key is used by its base: l.Plural("Needs.Count", n).
                if (Samverka.Platform.Localization.PluralRules.Split(key) is { } plural) keys[plural.Base] = owner;
            }
        }
        var prefixes = keys.GroupBy(k => k.Key.Split('.')[0]).Where(g => g.Select(k => k.Value).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Value);
        return (keys, prefixes);
    });

    /// The feature that owns a key or a key prefix written in source, or null for the platform's and unknown ones.
    public static string? KeyOwner(string quoted)
    {
        var (keys, prefixes) = KeyOwners.Value;
        var owner = keys.TryGetValue(quoted, out var k) ? k
            : quoted.EndsWith('.') && prefixes.TryGetValue(quoted.TrimEnd('.'), out var p) ? p : null;
        return owner == FeatureTable.Platform ? null : owner;
    }

    private static string[] Features => FeatureTable.FeatureNames.ToArray();

    /// The feature a source file belongs to, from its path under src/Samverka; null for the composition root
    /// (Program.cs, the root _ViewImports), which may name everything.
    public static string? FeatureOfPath(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        if (parts.Length > 1 && parts[0] == "Features") return parts[1];
        if (parts.Length > 1 && parts[0] == "Platform") return FeatureTable.Platform;
        return null;
    }

    // ---- compiled types ----

    public static IEnumerable<Dependency> TypeDependencies(Assembly assembly)
    {
        foreach (var from in Features.Append(FeatureTable.Platform))
        {
            var others = Features.Where(f => f != from).Select(f => "Samverka.Features." + f).ToArray();
            var result = Types.InAssembly(assembly).That().MeetCustomRule(new InFeature(from))
                .ShouldNot().HaveDependencyOnAny(others).GetResult();
            foreach (var type in result.FailingTypeNames ?? [])
                foreach (var to in TargetsOf(assembly, type, others))
                    yield return new Dependency(from, to, DependencyKind.Type, type);
        }
    }

    /// Which of the other features a failing type uses (NetArchTest says only that it uses one of them).
    private static IEnumerable<string> TargetsOf(Assembly assembly, string typeName, string[] others) =>
        others.Where(ns => !(Types.InAssembly(assembly).That().MeetCustomRule(new Named(typeName))
                .ShouldNot().HaveDependencyOn(ns).GetResult().IsSuccessful))
            .Select(ns => ns["Samverka.Features.".Length..]);

    /// A feature's own types: its namespace, and its compiled views (AspNetCoreGeneratedDocument.Features_X_…, or
    /// Platform_… for the platform), nested types (closures, lambdas) included.
    private sealed class InFeature(string feature) : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type)
        {
            while (type.DeclaringType is not null) type = type.DeclaringType;
            var ns = feature == FeatureTable.Platform ? "Samverka.Platform" : "Samverka.Features." + feature;
            var view = feature == FeatureTable.Platform ? "Platform_" : "Features_" + feature + "_";
            return type.Namespace == ns || type.Namespace.StartsWith(ns + ".", StringComparison.Ordinal)
                || (type.Namespace == "AspNetCoreGeneratedDocument" && type.Name.StartsWith(view, StringComparison.Ordinal));
        }
    }

    private sealed class Named(string fullName) : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) => type.FullName == fullName;
    }

    // ---- source text ----

    /// Addresses each feature owns: the templates of its `@page` directives and the prefixes of its API groups.
    public sealed class AddressBook
    {
        private readonly List<(string Feature, string[] Segments)> _pages = [];
        private readonly List<(string Feature, string Prefix)> _groups = [];

        public void Add(string feature, string path, string text)
        {
            if (path.EndsWith(".cshtml", StringComparison.Ordinal))
            {
                var page = Regex.Match(text, @"^@page\s+""([^""]+)""", RegexOptions.Multiline);
                if (page.Success && page.Groups[1].Value != "/") _pages.Add((feature, Segments(page.Groups[1].Value)));
            }
            else
                foreach (Match m in Regex.Matches(text, @"Map(?:Group|Get|Post|Put|Delete)\(\s*""(/[^""{]+)"))
                    _groups.Add((feature, m.Groups[1].Value.TrimEnd('/')));
        }

        /// The feature owning an address written in source ("/organisations/@o.Id/needs?x=1"), or null.
        public string? OwnerOf(string address)
        {
            var path = Normalise(address);
            if (path is null) return null;
            var segments = Segments(path);
            var best = _pages.Where(p => Matches(p.Segments, segments))
                .OrderByDescending(p => p.Segments.Count(s => !IsParameter(s))).Select(p => p.Feature).FirstOrDefault();
            return best ?? _groups.Where(g => path == g.Prefix || path.StartsWith(g.Prefix + "/", StringComparison.Ordinal))
                .OrderByDescending(g => g.Prefix.Length).Select(g => g.Feature).FirstOrDefault();
        }

        private static bool Matches(string[] template, string[] link)
        {
            var required = template.Count(s => !(IsParameter(s) && s.EndsWith("?}", StringComparison.Ordinal)));
            if (link.Length < required || link.Length > template.Length) return false;
            for (var i = 0; i < link.Length; i++)
                if (!IsParameter(template[i]) && !string.Equals(template[i], link[i], StringComparison.OrdinalIgnoreCase)) return false;
            return true;
        }

        private static bool IsParameter(string segment) => segment.StartsWith('{');

        private static string[] Segments(string path) => path.Trim('/').Split('/');

        /// The path part of an address with every Razor expression or interpolation made one placeholder segment
        /// ("§"); null when what is left is not a site address.
        private static string? Normalise(string address)
        {
            var sb = new System.Text.StringBuilder();
            for (var i = 0; i < address.Length; i++)
            {
                var c = address[i];
                if (c is '?' or '#' or '"' or '\'') break;
                if (c == '@' || c == '{')
                {
                    // Skip an expression: @(…) or {…} balanced, or @identifier(.identifier)*.
                    if (c == '{' || (i + 1 < address.Length && address[i + 1] == '('))
                    {
                        var open = c == '{' ? '{' : '(';
                        var close = c == '{' ? '}' : ')';
                        var depth = 0;
                        for (i = c == '{' ? i : i + 1; i < address.Length; i++)
                        {
                            if (address[i] == open) depth++;
                            else if (address[i] == close && --depth == 0) break;
                        }
                        // An expression cut off (the source continues past a space or a quote): what follows is
                        // unknown, so the address is not judged rather than misread as a shorter one.
                        if (i >= address.Length) return null;
                    }
                    else
                        while (i + 1 < address.Length && (char.IsLetterOrDigit(address[i + 1]) || address[i + 1] is '.' or '_')) i++;
                    sb.Append('§');
                    continue;
                }
                sb.Append(c);
            }
            var path = sb.ToString();
            if (path.EndsWith('/')) path += "§";
            return path.Length > 1 && path[0] == '/' && path[1] != '/' ? path : null;
        }
    }

    /// Dependencies written in one source file of `feature`.
    public static IEnumerable<Dependency> SourceDependencies(string feature, string path, string text, AddressBook addresses)
    {
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            var where = $"{path}:{n + 1}";
            if (line.TrimStart().StartsWith("///", StringComparison.Ordinal) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
            foreach (Match m in Regex.Matches(line, @"Samverka\.Features\.(\w+)"))
                yield return new Dependency(feature, m.Groups[1].Value, DependencyKind.Namespace, where);
            foreach (Match m in Regex.Matches(line, @"""([A-Z][A-Za-z]*\.[A-Za-z0-9_.\-]*)"""))
                if (KeyOwner(m.Groups[1].Value) is { } owner)
                    yield return new Dependency(feature, owner, DependencyKind.ResourceKey, where);
            foreach (Match m in Regex.Matches(line, @"(?<=[""'(])/[A-Za-z@{][^""'\s<>]*"))
                if (addresses.OwnerOf(m.Value) is { } owner)
                    yield return new Dependency(feature, owner, DependencyKind.Address, where);
        }
    }

    /// What the table does not allow.
    public static IReadOnlyList<Dependency> Forbidden(IEnumerable<Dependency> dependencies) =>
        dependencies.Where(d => d.From != d.To && !FeatureTable.Allows(d.From, d.To, d.Kind == DependencyKind.Address)).ToList();

    /// A cycle among the features' dependencies, as "A → B → A", or null. Links a feature may make to a reference
    /// feature it does not use (FeaturePlace.LinksTo) are not uses and take no part.
    public static string? Cycle(IEnumerable<Dependency> dependencies)
    {
        var edges = dependencies.Where(d => d.From != d.To && d.To != FeatureTable.Platform
                && !(d.Kind == DependencyKind.Address && d.From != FeatureTable.Platform && !FeatureTable.UsableBy(d.From).Contains(d.To)
                     && FeatureTable.Of(d.From).LinksTo.Contains(d.To)))
            .Select(d => (d.From, d.To)).Distinct().ToLookup(e => e.From, e => e.To);
        var state = new Dictionary<string, int>();
        var stack = new List<string>();
        string? Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in edges[node])
            {
                if (state.GetValueOrDefault(next) == 1) return string.Join(" → ", stack.SkipWhile(s => s != next).Append(next));
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found) return found;
            }
            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in edges.Select(g => g.Key).ToList())
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle) return cycle;
        return null;
    }
}
