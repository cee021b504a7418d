namespace Samverka.Features.Municipalities;

/// Marker for this feature's UI strings: MunicipalitiesStrings.resx (Swedish) and MunicipalitiesStrings.en.resx (English) beside it,
/// read through the shared localizer once the module registers them.
public sealed class MunicipalitiesStrings;
