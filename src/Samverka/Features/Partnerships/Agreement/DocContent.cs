namespace Samverka.Features.Partnerships.Agreement;

/// A document to write as .docx, free of Word details: a title, lead lines under it, and headed sections of
/// paragraphs, bullet lists and tables. The agreement builder fills it from a partnership; DocxWriter writes it.
public sealed record DocContent(string Title, IReadOnlyList<string> Lead, IReadOnlyList<DocSection> Sections, string Language, string Footer);

public sealed record DocSection(string Heading, IReadOnlyList<DocBlock> Blocks);

public abstract record DocBlock;

/// Text; line breaks in it start new paragraphs.
public sealed record DocParagraph(string Text) : DocBlock;

public sealed record DocBullets(IReadOnlyList<string> Items) : DocBlock;

public sealed record DocTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : DocBlock;
