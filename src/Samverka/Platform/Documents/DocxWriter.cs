using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Samverka.Platform.Documents;

/// Writes a DocContent as a .docx. Everything the reader sees as structure (title, headings, lists, table header)
/// is a real Word construct, so navigation panes, PDF bookmarks, screen readers and later edits in Word or
/// LibreOffice keep working; the look lives in the styles part rather than on each run.
public static class DocxWriter
{
    // A4 with 2.5 cm margins; tables and the footer's right tab stop use the width in between.
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1418, TextWidth = PageWidth - 2 * Margin;
    private const int BulletNumbering = 1;
    // Word's default cell margins (108 twips each side) and the narrowest column worth having (1.27 cm).
    private const double CellPadding = 2 * 108, MinimumColumn = 720;

    public static byte[] Write(DocContent content)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var language = Language(content.Language);
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(language);
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            // Without a compatibility mode Word opens the file in "Compatibility Mode" and lays it out as Word 2007.
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new Compatibility(new CompatibilitySetting
            { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));

            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer(content.Footer);

            var body = new Body();
            body.Append(Paragraph("Title", content.Title));
            foreach (var lead in content.Lead) body.Append(Paragraph(null, lead));
            foreach (var section in content.Sections)
            {
                body.Append(Paragraph("Heading1", section.Heading));
                foreach (var block in section.Blocks) body.Append(Block(block));
            }
            // The section properties must be the body's last child.
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);

            doc.PackageProperties.Title = Clean(content.Title);
            doc.PackageProperties.Creator = content.Metadata.Author;
            if (content.Metadata.Subject is { } subject) doc.PackageProperties.Subject = Clean(subject);
            if (content.Metadata.Keywords is { Count: > 0 } keywords) doc.PackageProperties.Keywords = Clean(string.Join(", ", keywords));
            doc.PackageProperties.Created = DateTime.UtcNow;
            if (language is not null) doc.PackageProperties.Language = language;
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Block(DocBlock block) => block switch
    {
        // Lines of a paragraph become separate paragraphs so spacing and widow control apply to each.
        DocParagraph p => Lines(p.Text).Select(line => Paragraph(null, line)),
        DocHeading h => [Paragraph("Heading2", h.Text)],
        DocBullets b => b.Items.Select(item => Paragraph("ListParagraph", item, bullet: true)),
        DocTable t => Table(t),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown block type"),
    };

    private static IEnumerable<OpenXmlElement> Table(DocTable table)
    {
        var columns = table.Columns;
        if (columns == 0) yield break; // a table without columns is not valid WordprocessingML
        // Body text is 11 pt; measured in points, widths in twips (1/20 pt).
        var measure = DocumentFonts.Measure(11);
        var sized = ColumnWidths.Size(table, TextWidth, (text, bold) => 20 * measure(text, bold), CellPadding, MinimumColumn);
        var widths = Whole(sized, TextWidth);
        var result = new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                // Fixed: Word and LibreOffice keep the measured widths instead of redoing the layout their own way.
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                // Borders on the table itself rather than a table style: every renderer honours them.
                TableBorders = new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(),
                    Border<RightBorder>(), Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        // The header row repeats on every page a long table spans, so each page's columns stay labelled.
        if (table.Header.Count > 0) result.Append(Row(table.Header, widths, header: true));
        foreach (var row in table.Rows) result.Append(Row(row, widths, header: false));
        yield return result;
        // Word merges adjacent tables into one, and a table has no spacing after it: an empty paragraph fixes both.
        yield return new Paragraph();
    }

    /// Widths rounded to whole twips that still add up to the text width (the last column takes the remainder).
    private static int[] Whole(double[] widths, int total)
    {
        var whole = widths.Select(w => (int)Math.Floor(w)).ToArray();
        whole[^1] += total - whole.Sum();
        return whole;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool header)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header) properties.Append(new TableHeader());
        var row = new TableRow(properties);
        for (var i = 0; i < widths.Length; i++)
        {
            var cellProperties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString() });
            if (header) cellProperties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7E6E6" });
            var cell = new TableCell(cellProperties);
            var para = Paragraph(null, i < cells.Count ? cells[i] : "", bold: header);
            (para.ParagraphProperties ??= new ParagraphProperties()).SpacingBetweenLines = new SpacingBetweenLines { Before = "40", After = "40" };
            cell.Append(para);
            row.Append(cell);
        }
        return row;
    }

    private static T Border<T>() where T : BorderType, new() =>
        new() { Val = BorderValues.Single, Size = 4, Color = "808080" };

    private static Footer Footer(string text)
    {
        var lines = Lines(text).DefaultIfEmpty("").ToList();
        // The page number sits at the right margin on the footer's first line.
        var first = Paragraph("Footer", lines[0]);
        first.ParagraphProperties!.Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth });
        first.Append(new Run(new TabChar()), new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " });
        return new Footer(lines.Skip(1).Select(l => Paragraph("Footer", l)).Prepend(first));
    }

    private static Paragraph Paragraph(string? style, string text, bool bullet = false, bool bold = false)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.ParagraphStyleId = new ParagraphStyleId { Val = style };
        if (bullet) props.NumberingProperties = new NumberingProperties(
            new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumbering });
        var run = new Run();
        if (bold) run.RunProperties = new RunProperties(new Bold());
        // Line breaks that survive here (list items, cells, title) stay inside the paragraph as soft breaks.
        var lines = Clean(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            var parts = lines[i].Split('\t');
            for (var j = 0; j < parts.Length; j++)
            {
                if (j > 0) run.Append(new TabChar());
                if (parts[j].Length > 0) run.Append(new Text(parts[j]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }
        var paragraph = new Paragraph();
        if (props.HasChildren) paragraph.Append(props);
        if (run.HasChildren) paragraph.Append(run);
        return paragraph;
    }

    /// Lines of a text, without blank lines at its start and end; blank lines in between stay as empty paragraphs.
    internal static IEnumerable<string> Lines(string? text)
    {
        var lines = Clean(text).Split('\n');
        int first = 0, last = lines.Length - 1;
        while (first <= last && string.IsNullOrWhiteSpace(lines[first])) first++;
        while (last >= first && string.IsNullOrWhiteSpace(lines[last])) last--;
        return lines[first..(last + 1)];
    }

    /// User text may carry characters XML 1.0 cannot hold (control characters pasted from elsewhere, lone
    /// surrogates); the XML writer would throw on them, so they go. Line ends become "\n" whatever their origin.
    internal static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) clean.Append(c).Append(text[++i]);
            else if (c is '\t' or '\n' || (c >= ' ' && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF')) clean.Append(c);
        }
        return clean.ToString();
    }

    internal static string? Language(string? language) => language?.Trim() switch
    {
        null or "" => null,
        "sv" => "sv-SE",
        "en" => "en-GB",
        var other => other,
    };

    private static Styles Styles(string? language)
    {
        var defaults = new RunPropertiesBaseStyle(
            new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
            new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" });
        // The language on the default run properties drives spell checking and hyphenation for the whole text.
        if (language is not null) defaults.Append(new Languages { Val = language });
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(defaults),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", null, 48, before: 0, after: 240),
            // Outline levels are what make headings headings: Word's navigation pane, LibreOffice's navigator, PDF bookmarks.
            Heading("Heading1", "heading 1", 0, 30, before: 360, after: 120),
            Heading("Heading2", "heading 2", 1, 24, before: 240, after: 80),
            new Style(
                new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "720" }, new ContextualSpacing()))
            { Type = StyleValues.Paragraph, StyleId = "ListParagraph" },
            new Style(
                new StyleName { Val = "footer" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
                new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }))
            { Type = StyleValues.Paragraph, StyleId = "Footer" });
    }

    private static Style Heading(string id, string name, int? outline, int halfPoints, int before, int after)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new KeepLines(),
            new SpacingBetweenLines { Before = before.ToString(), After = after.ToString() });
        if (outline is not null) paragraph.Append(new OutlineLevel { Val = outline });
        return new Style(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new BoldComplexScript(), new Color { Val = "1F3864" },
                new FontSize { Val = halfPoints.ToString() }, new FontSizeComplexScript { Val = halfPoints.ToString() }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static Numbering Numbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 0 },
        new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = BulletNumbering });
}
