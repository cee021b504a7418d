using System.Collections;
using System.Resources;
using Microsoft.Extensions.Options;

namespace Samverka.Platform.Localization;

/// A pair of resource files a feature keeps beside its code (`Features/Needs/NeedsStrings.resx` in Swedish and
/// `NeedsStrings.en.resx` in English), named by a marker type in the feature's namespace.
public sealed record StringSource(Type Marker);

public static class FeatureStringsRegistration
{
    /// A feature adds its own strings to the ones every page reads through `IStringLocalizer<SharedResource>`.
    public static IServiceCollection AddStrings<TMarker>(this IServiceCollection services) =>
        services.AddSingleton(new StringSource(typeof(TMarker)));
}

/// Pages keep one localizer (`L["…"]`), while each feature owns its strings: the shared localizer looks a
/// key up in the one resource file that holds it. A key in two files is refused at start-up, so ownership is never
/// ambiguous.
public sealed class SamverkaStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _inner;
    private readonly Lazy<FeatureStringLocalizer> _shared;

    public SamverkaStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers, IEnumerable<StringSource> sources)
    {
        _inner = new ResourceManagerStringLocalizerFactory(options, loggers);
        _shared = new(() => new FeatureStringLocalizer([typeof(SharedResource), .. sources.Select(s => s.Marker)]));
    }

    public IStringLocalizer Create(Type resourceSource) =>
        resourceSource == typeof(SharedResource) ? _shared.Value : _inner.Create(resourceSource);

    public IStringLocalizer Create(string baseName, string location) => _inner.Create(baseName, location);
}

public sealed class FeatureStringLocalizer : IStringLocalizer
{
    private readonly Dictionary<string, ResourceManager> _owner = new(StringComparer.Ordinal);

    public FeatureStringLocalizer(IEnumerable<Type> markers)
    {
        var duplicates = new List<string>();
        foreach (var marker in markers.Distinct())
        {
            var manager = new ResourceManager(marker.FullName!, marker.Assembly);
            var neutral = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
                ?? throw new InvalidOperationException($"No resources named {marker.FullName} are embedded.");
            foreach (DictionaryEntry entry in neutral)
                if (!_owner.TryAdd((string)entry.Key, manager)) duplicates.Add((string)entry.Key);
        }
        if (duplicates.Count > 0)
            throw new InvalidOperationException("Keys held by two resource files: " + string.Join(", ", duplicates.Order()));
    }

    public IEnumerable<string> Keys => _owner.Keys;

    // ResourceManager caches its resource sets per culture; nothing more is needed on this hot path.
    private string? Find(string name) =>
        _owner.TryGetValue(name, out var manager) ? manager.GetString(name, CultureInfo.CurrentUICulture) : null;

    public LocalizedString this[string name] =>
        Find(name) is { } value ? new(name, value) : new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        Find(name) is { } format
            ? new(name, string.Format(CultureInfo.CurrentCulture, format, arguments))
            : new(name, string.Format(CultureInfo.CurrentCulture, name, arguments), resourceNotFound: true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _owner.Keys.Order(StringComparer.Ordinal).Select(k => this[k]);
}
