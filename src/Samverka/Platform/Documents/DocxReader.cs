using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Samverka.Platform.Documents;

/// Reads a .docx that DocxWriter wrote back into the DocContent it came from. A stored document (an agreement
/// version, frozen once every party approved it) is kept as its .docx only; other formats of it are made from that
/// file, so the PDF of version 3 says exactly what the .docx of version 3 says, however the data has changed since.
/// It knows DocxWriter's constructs (styles Title, Heading1, Heading2, numbered list paragraphs, tables with a
/// header row, the footer), not Word documents in general.
public static class DocxReader
{
    public static DocContent Read(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = doc.MainDocumentPart ?? throw new InvalidDataException("The file has no main document part.");
        var body = main.Document?.Body ?? throw new InvalidDataException("The document has no body.");

        string? title = null;
        var lead = new List<string>();
        var sections = new List<DocSection>();
        List<DocBlock>? blocks = null;
        string? heading = null;
        List<string>? bullets = null;
        var afterTable = false;

        void EndBullets()
        {
            if (bullets is null) return;
            blocks!.Add(new DocBullets(bullets));
            bullets = null;
        }
        void EndSection()
        {
            EndBullets();
            if (heading is not null) sections.Add(new DocSection(heading, blocks!));
        }

        foreach (var element in body.ChildElements)
        {
            if (element is Table table)
            {
                EndBullets();
                (blocks ?? throw new InvalidDataException("A table before the first heading.")).Add(Table(table));
                afterTable = true;
                continue;
            }
            if (element is not Paragraph p) continue;
            var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            var text = Text(p);
            // DocxWriter puts an empty paragraph after each table so Word keeps adjacent tables apart.
            if (afterTable && style is null && text.Length == 0 && p.ParagraphProperties?.NumberingProperties is null)
            {
                afterTable = false;
                continue;
            }
            afterTable = false;
            if (style == "Title") title = text;
            else if (style == "Heading1")
            {
                EndSection();
                heading = text;
                blocks = [];
            }
            else if (blocks is null) lead.Add(text);
            else if (p.ParagraphProperties?.NumberingProperties is not null) (bullets ??= []).Add(text);
            else
            {
                EndBullets();
                blocks.Add(style == "Heading2" ? new DocHeading(text) : new DocParagraph(text));
            }
        }
        EndSection();

        var defaults = main.StyleDefinitionsPart?.Styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
        var language = defaults?.GetFirstChild<Languages>()?.Val?.Value ?? doc.PackageProperties.Language ?? "";
        var keywords = doc.PackageProperties.Keywords;
        return new DocContent(title ?? doc.PackageProperties.Title ?? "", lead, sections, language, Footer(main))
        {
            Metadata = new DocMetadata(doc.PackageProperties.Creator ?? "Samverka", doc.PackageProperties.Subject,
                string.IsNullOrEmpty(keywords) ? null : keywords.Split(", ")),
        };
    }

    private static DocTable Table(Table table)
    {
        var rows = table.Elements<TableRow>().ToList();
        var header = rows.Count > 0 && rows[0].TableRowProperties?.GetFirstChild<TableHeader>() is not null;
        IReadOnlyList<string> Cells(TableRow row) => row.Elements<TableCell>()
            .Select(c => string.Join("\n", c.Elements<Paragraph>().Select(Text))).ToList();
        return new DocTable(header ? Cells(rows[0]) : [], rows.Skip(header ? 1 : 0).Select(Cells).ToList());
    }

    /// The footer's lines without the page number field and the tab before it.
    private static string Footer(MainDocumentPart main)
    {
        var footer = main.FooterParts.FirstOrDefault()?.Footer;
        if (footer is null) return "";
        return string.Join("\n", footer.Elements<Paragraph>().Select(p => Text(p.Elements<Run>()).TrimEnd('\t')));
    }

    private static string Text(Paragraph p) => Text(p.Descendants<Run>());

    private static string Text(IEnumerable<Run> runs)
    {
        var text = new StringBuilder();
        foreach (var child in runs.SelectMany(r => r.ChildElements))
        {
            switch (child)
            {
                case Text t: text.Append(t.Text); break;
                case Break: text.Append('\n'); break;
                case TabChar: text.Append('\t'); break;
            }
        }
        return text.ToString();
    }
}
