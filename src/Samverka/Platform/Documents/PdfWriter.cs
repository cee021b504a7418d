using System.Security;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Structure;
using PdfSharp.UniversalAccessibility;

namespace Samverka.Platform.Documents;

/// Writes a DocContent as a tagged PDF, in process, aiming at PDF/UA-1: every piece of text sits in a structure
/// element (the title H1, section headings H2, subheadings H3, P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD);
/// what is only decoration (rules, shading, the footer, a header row repeated on a new page) is marked as an
/// artifact, so a screen reader reads the document once and in order. The document language, the title shown in
/// the viewer's title bar, MarkInfo and the PDF/UA identification in the XMP metadata are set. Fonts come from
/// DocumentFonts and are embedded; text wraps at the margins and pages break between lines, keeping a heading
/// with what follows it and repeating a table's header row on each page it spans.
public static class PdfWriter
{
    // A4 with 2.5 cm margins, as the .docx; the footer sits in the bottom margin.
    private const double PageWidth = 595.28, PageHeight = 841.89, Margin = 70.87, TextWidth = PageWidth - 2 * Margin;
    private const double Top = Margin, Bottom = PageHeight - Margin, FooterTop = PageHeight - Margin + 20;
    private const double BodySize = 11, TableSize = 10, CellPadding = 4, MinimumColumn = 36, ListIndent = 24;

    private static readonly XColor HeadingColour = XColor.FromArgb(0x1F, 0x38, 0x64);
    private static readonly XColor MutedColour = XColor.FromArgb(0x59, 0x59, 0x59);
    private static readonly XColor RuleColour = XColor.FromArgb(0x80, 0x80, 0x80);
    private static readonly XColor ShadeColour = XColor.FromArgb(0xE7, 0xE6, 0xE6);

    public static byte[] Write(DocContent content)
    {
        DocumentFonts.Register();
        var language = DocxWriter.Language(content.Language) ?? "en-GB";
        var title = DocxWriter.Clean(content.Title).Replace('\n', ' ');

        var document = new PdfDocument { Version = 17, PageLayout = PdfPageLayout.SinglePage };
        // PDFsharp 6.2's compressed page content ends its deflate stream early (qpdf --check warns "input stream is
        // complete but output may still be valid" for each page); uncompressed, every reader agrees on it. Text
        // pages stay small either way, and the embedded fonts are still compressed.
        document.Options.CompressContentStreams = false;
        document.Info.Title = title;
        document.Info.Author = DocxWriter.Clean(content.Metadata.Author);
        document.Info.Creator = "Samverka";
        if (content.Metadata.Subject is { } subject) document.Info.Subject = DocxWriter.Clean(subject);
        if (content.Metadata.Keywords is { Count: > 0 } keywords) document.Info.Keywords = DocxWriter.Clean(string.Join(", ", keywords));

        // The UAManager adds MarkInfo, the structure tree and DisplayDocTitle; it must exist before the first page.
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage(language);
        Metadata(document, title, language);

        var page = new Pages(document, ua.StructureBuilder, DocxWriter.Lines(content.Footer).ToList());
        page.Next();
        page.Heading(PdfBlockLevelElementTag.Heading1, title, 22, before: 0, after: 12);
        foreach (var lead in content.Lead) page.Paragraph(lead);
        foreach (var section in content.Sections)
        {
            page.Heading(PdfBlockLevelElementTag.Heading2, section.Heading, 15, before: 16, after: 6);
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    // Lines of a paragraph become paragraphs, as in the .docx; a blank line is space, not an empty P.
                    case DocParagraph p:
                        foreach (var line in DocxWriter.Lines(p.Text))
                            if (string.IsNullOrWhiteSpace(line)) page.Space(BodySize);
                            else page.Paragraph(line);
                        break;
                    case DocHeading h: page.Heading(PdfBlockLevelElementTag.Heading3, h.Text, 12, before: 10, after: 4); break;
                    case DocBullets b: page.List(b.Items); break;
                    case DocTable t: page.Table(t); break;
                    default: throw new ArgumentOutOfRangeException(nameof(content), block.GetType().Name, "Unknown block type");
                }
            }
        }
        return page.Finish();
    }

    /// The PDF of a stored .docx (one DocxWriter wrote): the same text as that file, whatever changed since.
    public static byte[] FromDocx(byte[] docx) => Write(DocxReader.Read(docx));

    /// PDF/UA-1 asks for XMP metadata naming the part of the standard and repeating the title.
    private static void Metadata(PdfDocument document, string title, string language)
    {
        var xmp = $"""
            <?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{SecurityElement.Escape(title)}</rdf:li></rdf:Alt></dc:title>
               <dc:language><rdf:Bag><rdf:li>{SecurityElement.Escape(language)}</rdf:li></rdf:Bag></dc:language>
               <pdfuaid:part>1</pdfuaid:part>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
        var metadata = new PdfDictionary(document);
        metadata.Elements.SetName("/Type", "/Metadata");
        metadata.Elements.SetName("/Subtype", "/XML");
        metadata.CreateStream(Encoding.UTF8.GetBytes(xmp));
        document.Internals.AddObject(metadata);
        document.Internals.Catalog.Elements.SetReference("/Metadata", metadata);
    }

    /// The pages being written and the position on the current one.
    private sealed class Pages(PdfDocument document, StructureBuilder structure, IReadOnlyList<string> footer)
    {
        private readonly XFont body = DocumentFonts.Font(BodySize);
        private readonly XFont cell = DocumentFonts.Font(TableSize);
        private readonly XFont cellBold = DocumentFonts.Font(TableSize, bold: true);
        private readonly XFont small = DocumentFonts.Font(8.5);
        private XGraphics? gfx;
        private double y;
        private int number;

        private XGraphics G => gfx ?? throw new InvalidOperationException("No page started.");

        public void Next()
        {
            if (gfx is not null)
            {
                // Marked content may not run over a page's end; the element it belongs to continues on the next page.
                structure.EndMarkedContentsWithId();
                gfx.Dispose();
            }
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            gfx = XGraphics.FromPdfPage(page);
            number++;
            y = Top;
            Artifact(() =>
            {
                var lines = footer.Count == 0 ? [""] : footer;
                var lineHeight = small.GetHeight();
                for (var i = 0; i < lines.Count; i++)
                    if (lines[i].Length > 0)
                        G.DrawString(Fit(Plain(lines[i]), small, TextWidth - 40), small, new XSolidBrush(MutedColour), Margin, FooterTop + i * lineHeight, XStringFormats.TopLeft);
                G.DrawString(number.ToString(CultureInfo.InvariantCulture), small, new XSolidBrush(MutedColour), PageWidth - Margin, FooterTop, XStringFormats.TopRight);
            });
        }

        public byte[] Finish()
        {
            structure.EndMarkedContentsWithId();
            gfx?.Dispose();
            gfx = null;
            using var stream = new MemoryStream();
            document.Save(stream, false);
            document.Dispose();
            return stream.ToArray();
        }

        public void Space(double height)
        {
            if (y + height > Bottom) Next();
            else y += height;
        }

        public void Heading(PdfBlockLevelElementTag tag, string text, double size, double before, double after)
        {
            var font = DocumentFonts.Font(size, bold: true);
            var lines = Wrap(text, font, TextWidth);
            var height = lines.Count * font.GetHeight();
            // A heading stays with at least two lines of what follows it; at the top of a page no space above it.
            if (y + before + height + 2 * body.GetHeight() > Bottom) Next();
            else if (y > Top) y += before;
            structure.BeginElement(tag);
            foreach (var line in lines) Line(line, font, HeadingColour, Margin);
            structure.End();
            y += after;
        }

        public void Paragraph(string text)
        {
            structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
            foreach (var line in Wrap(text, body, TextWidth)) Line(line, body, XColors.Black, Margin);
            structure.End();
            y += 6;
        }

        public void List(IReadOnlyList<string> items)
        {
            structure.BeginElement(PdfBlockLevelElementTag.List);
            foreach (var item in items)
            {
                var lines = Wrap(item, body, TextWidth - ListIndent);
                if (y + body.GetHeight() > Bottom) Next();
                structure.BeginElement(PdfBlockLevelElementTag.ListItem);
                structure.BeginElement(PdfBlockLevelElementTag.Label);
                G.DrawString("•", body, XBrushes.Black, Margin + ListIndent / 2, y, XStringFormats.TopLeft);
                structure.End();
                structure.BeginElement(PdfBlockLevelElementTag.ListBody);
                foreach (var line in lines) Line(line, body, XColors.Black, Margin + ListIndent);
                structure.End();
                structure.End();
                y += 3;
            }
            structure.End();
            y += 3;
        }

        public void Table(DocTable table)
        {
            var columns = table.Columns;
            if (columns == 0) return;
            var measure = DocumentFonts.Measure(TableSize);
            var widths = ColumnWidths.Size(table, TextWidth, measure, 2 * CellPadding, MinimumColumn);
            var rows = table.AllRows.ToList();
            var hasHeader = table.Header.Count > 0;
            var lineHeight = cell.GetHeight();
            List<string>[] Cells(IReadOnlyList<string> row, bool bold) =>
                [.. row.Select((text, c) => Wrap(text, bold ? cellBold : cell, widths[c] - 2 * CellPadding))];

            var header = hasHeader ? Cells(rows[0], bold: true) : null;
            var headerHeight = header is null ? 0 : header.Max(c => c.Count) * lineHeight + 2 * CellPadding;

            structure.BeginElement(PdfBlockLevelElementTag.Table);
            if (header is not null)
            {
                // The header row and the first row start on the same page.
                if (y + headerHeight + lineHeight + 2 * CellPadding > Bottom) Next();
                structure.BeginElement(PdfBlockLevelElementTag.TableHeadRowGroup);
                Row(header, widths, bold: true, tagged: true);
                structure.End();
            }
            structure.BeginElement(PdfBlockLevelElementTag.TableBodyRowGroup);
            foreach (var row in rows.Skip(hasHeader ? 1 : 0))
            {
                var cells = Cells(row, bold: false);
                var height = cells.Max(c => c.Count) * lineHeight + 2 * CellPadding;
                if (y + height > Bottom && y > Top + headerHeight)
                {
                    Next();
                    if (header is not null) Row(header, widths, bold: true, tagged: false);
                }
                // A row taller than what is left of the page goes on in further rows, a page at a time.
                while (y + cells.Max(c => c.Count) * lineHeight + 2 * CellPadding > Bottom)
                {
                    var fit = Math.Max(1, (int)((Bottom - y - 2 * CellPadding) / lineHeight));
                    Row([.. cells.Select(c => c.Take(fit).ToList())], widths, bold: false, tagged: true);
                    cells = [.. cells.Select(c => c.Skip(fit).ToList())];
                    Next();
                    if (header is not null) Row(header, widths, bold: true, tagged: false);
                }
                Row(cells, widths, bold: false, tagged: true);
            }
            structure.End();
            structure.End();
            y += 10;
        }

        /// One table row at the current position. A header row repeated on a later page is an artifact: the
        /// structure holds it once.
        private void Row(List<string>[] cells, double[] widths, bool bold, bool tagged)
        {
            var font = bold ? cellBold : cell;
            var lineHeight = font.GetHeight();
            var height = cells.Max(c => c.Count) * lineHeight + 2 * CellPadding;
            Artifact(() =>
            {
                var x = Margin;
                var pen = new XPen(RuleColour, 0.5);
                for (var c = 0; c < widths.Length; c++)
                {
                    if (bold) G.DrawRectangle(pen, new XSolidBrush(ShadeColour), x, y, widths[c], height);
                    else G.DrawRectangle(pen, x, y, widths[c], height);
                    x += widths[c];
                }
            });
            if (tagged) structure.BeginElement(PdfBlockLevelElementTag.TableRow);
            else structure.BeginArtifact();
            var left = Margin;
            for (var c = 0; c < widths.Length; c++)
            {
                if (tagged)
                {
                    structure.BeginElement(bold ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                    // A header cell labels its column (PDF/UA asks for the scope of every TH).
                    if (bold) structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/Column");
                }
                var top = y + CellPadding;
                foreach (var line in cells[c])
                {
                    if (line.Length > 0) G.DrawString(line, font, XBrushes.Black, left + CellPadding, top, XStringFormats.TopLeft);
                    top += lineHeight;
                }
                if (tagged) structure.End();
                left += widths[c];
            }
            structure.End();
            y += height;
        }

        private void Line(string line, XFont font, XColor colour, double x)
        {
            var height = font.GetHeight();
            if (y + height > Bottom) Next();
            if (line.Length > 0) G.DrawString(line, font, new XSolidBrush(colour), x, y, XStringFormats.TopLeft);
            y += height;
        }

        private void Artifact(Action draw)
        {
            structure.BeginArtifact();
            draw();
            structure.End();
        }

        /// Lines of at most `width`: broken at spaces, a word longer than the line broken where it must be.
        private List<string> Wrap(string text, XFont font, double width)
        {
            var result = new List<string>();
            foreach (var hard in Plain(text).Split('\n'))
            {
                var line = new StringBuilder();
                foreach (var word in hard.Split(' '))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (G.MeasureString(candidate, font).Width <= width)
                    {
                        line.Clear().Append(candidate);
                        continue;
                    }
                    if (line.Length > 0) result.Add(line.ToString());
                    line.Clear();
                    var rest = word;
                    while (rest.Length > 0 && G.MeasureString(rest, font).Width > width)
                    {
                        var take = rest.Length - 1;
                        while (take > 1 && G.MeasureString(rest[..take], font).Width > width) take--;
                        if (char.IsHighSurrogate(rest[take - 1]) && take > 1) take--;
                        result.Add(rest[..take]);
                        rest = rest[take..];
                    }
                    line.Append(rest);
                }
                result.Add(line.ToString());
            }
            return result;
        }

        private string Fit(string text, XFont font, double width)
        {
            while (text.Length > 1 && G.MeasureString(text, font).Width > width) text = text[..^2] + "…";
            return text;
        }

        /// Clean text with tabs as spaces: a PDF has no tab stops.
        private static string Plain(string? text) => DocxWriter.Clean(text).Replace("\t", "    ");
    }
}
