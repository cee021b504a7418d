namespace Samverka.Features.Admin;

/// Marker for this feature's UI strings: AdminStrings.resx (Swedish) and AdminStrings.en.resx (English) beside it,
/// read through the shared localizer once the module registers them.
public sealed class AdminStrings;
