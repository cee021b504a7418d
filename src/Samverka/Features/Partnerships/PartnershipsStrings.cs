namespace Samverka.Features.Partnerships;

/// Marker for this feature's UI strings: PartnershipsStrings.resx (Swedish) and PartnershipsStrings.en.resx (English) beside it,
/// read through the shared localizer once the module registers them.
public sealed class PartnershipsStrings;
