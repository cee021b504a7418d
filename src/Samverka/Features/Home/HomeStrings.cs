namespace Samverka.Features.Home;

/// Marker for this feature's UI strings: HomeStrings.resx (Swedish) and HomeStrings.en.resx (English) beside it,
/// read through the shared localizer once the module registers them.
public sealed class HomeStrings;
