namespace Samverka.Features.Register;

/// Marker for this feature's UI strings: RegisterStrings.resx (Swedish) and RegisterStrings.en.resx (English) beside it,
/// read through the shared localizer once the module registers them.
public sealed class RegisterStrings;
