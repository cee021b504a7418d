namespace Samverka.Features.Advisor;

/// Marker for this feature's UI strings: AdvisorStrings.resx (Swedish) and AdvisorStrings.en.resx (English) beside it,
/// read through the shared localizer once the module registers them.
public sealed class AdvisorStrings;
