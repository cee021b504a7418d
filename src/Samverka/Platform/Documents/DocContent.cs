namespace Samverka.Platform.Documents;

/// A document free of any file format's details: a title, lead lines under it, headed sections of paragraphs,
/// subheadings, bullet lists and tables, its language and a footer line. A feature fills one (the agreement builder
/// from a partnership; later decision letters and impact reports) and the writers turn it into a file: DocxWriter
/// into .docx, PdfWriter into a tagged PDF. Language is a BCP 47 code ("sv", "en", "lv-LV").
public sealed record DocContent(string Title, IReadOnlyList<string> Lead, IReadOnlyList<DocSection> Sections, string Language, string Footer)
{
    /// Who made it and what it is about; both writers put it in the file's own properties.
    public DocMetadata Metadata { get; init; } = new();
}

public sealed record DocMetadata(string Author = "Samverka", string? Subject = null, IReadOnlyList<string>? Keywords = null);

/// A section under a first-level heading.
public sealed record DocSection(string Heading, IReadOnlyList<DocBlock> Blocks);

public abstract record DocBlock;

/// Text; line breaks in it start new paragraphs.
public sealed record DocParagraph(string Text) : DocBlock;

/// A second-level heading inside a section.
public sealed record DocHeading(string Text) : DocBlock;

public sealed record DocBullets(IReadOnlyList<string> Items) : DocBlock;

/// A table; the header row labels the columns (a real header row in both formats: repeated on each page in .docx,
/// TH cells in the PDF), and a short row is padded to the full width.
public sealed record DocTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : DocBlock
{
    public int Columns => Math.Max(Header.Count, Rows.Select(r => r.Count).DefaultIfEmpty(0).Max());

    /// Header then rows, each padded to Columns cells.
    public IEnumerable<IReadOnlyList<string>> AllRows => (Header.Count > 0 ? Rows.Prepend(Header) : Rows)
        .Select(r => (IReadOnlyList<string>)[.. r, .. Enumerable.Repeat("", Columns - r.Count)]);
}
