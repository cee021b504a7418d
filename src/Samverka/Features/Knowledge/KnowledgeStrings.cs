namespace Samverka.Features.Knowledge;

/// Marker for this feature's UI strings: KnowledgeStrings.resx (Swedish) and KnowledgeStrings.en.resx (English) beside it,
/// read through the shared localizer once the module registers them.
public sealed class KnowledgeStrings;
