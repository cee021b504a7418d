namespace Samverka.Features.Funding;

/// Marker for this feature's UI strings: FundingStrings.resx (Swedish) and FundingStrings.en.resx (English) beside it,
/// read through the shared localizer once the module registers them.
public sealed class FundingStrings;
