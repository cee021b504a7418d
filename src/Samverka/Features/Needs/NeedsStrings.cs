namespace Samverka.Features.Needs;

/// Marker for this feature's UI strings: NeedsStrings.resx (Swedish) and NeedsStrings.en.resx (English) beside it,
/// read through the shared localizer once the module registers them.
public sealed class NeedsStrings;
