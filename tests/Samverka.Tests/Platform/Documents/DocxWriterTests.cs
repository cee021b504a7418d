using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverka.Platform.Documents;
using Samverka.Tests.Infrastructure;
using Samverka.Tests.Partnerships;
using Xunit.Abstractions;

namespace Samverka.Tests.Platform.Documents;

public sealed class DocxWriterTests(ITestOutputHelper output)
{
    private static readonly string[] Headings = ["1. Parter och syfte", "2. Åtaganden", "3. Kontakter", "4. Giltighet"];

    // Every block type, Swedish letters, markup characters and control characters pasted into user text.
    private static readonly DocContent Sample = new(
        "Samverkansavtal – Föreningen Ängsö & kommunen",
        ["Mellan Borlänge kommun och Föreningen Ängsö", "Gäller från 1 maj"],
        [
            new(Headings[0], [new DocParagraph("Vi ska samverka kring <&> mötesplatser.\u0001\nRad två\u000B med tecken.\n\nEfter tom rad.\n\n")]),
            new(Headings[1], [new DocBullets(["Kommunen upplåter lokaler", "Föreningen ordnar\u0007 träffar för äldre"])]),
            new(Headings[2], [new DocTable(["Roll", "Namn", "E-post"], [["Kontaktperson", "Åsa Öberg", "asa@example.se"], ["Ersättare", "Per <P&Q>"]])]),
            new(Headings[3], [new DocParagraph("Avtalet gäller i ett år.")]),
        ],
        "sv",
        "Samverkansavtal Borlänge – Ängsö");

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static List<Paragraph> BodyParagraphs(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();

    private static string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    [Fact]
    public void Title_lead_headings_and_paragraphs_are_real_word_paragraphs_in_order()
    {
        using var doc = Open(DocxWriter.Write(Sample));
        var paragraphs = BodyParagraphs(doc);

        Assert.Equal("Title", Style(paragraphs[0]));
        Assert.Equal(Sample.Title, paragraphs[0].InnerText);
        Assert.Equal(Sample.Lead, paragraphs.Skip(1).Take(2).Select(p => p.InnerText));
        Assert.Equal(Headings, paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText));

        // Lines become paragraphs; control characters are gone, markup characters kept as text; the blank line in
        // the middle stays, the trailing ones do not.
        var first = paragraphs.FindIndex(p => p.InnerText == Headings[0]);
        Assert.Equal(["Vi ska samverka kring <&> mötesplatser.", "Rad två med tecken.", "", "Efter tom rad.", Headings[1]],
            paragraphs.Skip(first + 1).Take(5).Select(p => p.InnerText));
        Assert.Contains(paragraphs, p => p.InnerText == "Avtalet gäller i ett år.");

        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(1, styles["Heading2"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Contains("Normal", styles.Keys);
    }

    [Fact]
    public void Bullets_are_numbered_list_paragraphs()
    {
        using var doc = Open(DocxWriter.Write(Sample));
        var bullets = BodyParagraphs(doc).Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();

        Assert.Equal(["Kommunen upplåter lokaler", "Föreningen ordnar träffar för äldre"], bullets.Select(p => p.InnerText));
        var numId = bullets[0].ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        var numbering = doc.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == numId);
        var abstractNum = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == instance.AbstractNumId!.Val!.Value);
        Assert.Equal(NumberFormatValues.Bullet, abstractNum.Elements<Level>().First().NumberingFormat!.Val!.Value);
    }

    [Fact]
    public void Table_has_a_repeating_bold_header_row_and_every_row()
    {
        using var doc = Open(DocxWriter.Write(Sample));
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().Single();
        var rows = table.Elements<TableRow>().ToList();

        Assert.Equal(3, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Null(rows[1].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.All(rows[0].Descendants<Run>(), r => Assert.NotNull(r.RunProperties?.Bold));
        string[][] cells = rows.Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToArray();
        Assert.Equal(["Roll", "Namn", "E-post"], cells[0]);
        Assert.Equal(["Kontaktperson", "Åsa Öberg", "asa@example.se"], cells[1]);
        Assert.Equal(["Ersättare", "Per <P&Q>", ""], cells[2]); // a short row is padded to full width
        Assert.Equal("5000", table.GetFirstChild<TableProperties>()!.TableWidth!.Width!.Value);
    }

    [Fact]
    public void Footer_language_and_properties()
    {
        using var doc = Open(DocxWriter.Write(Sample));
        var footer = doc.MainDocumentPart!.FooterParts.Single().Footer!;
        Assert.Contains(Sample.Footer, footer.InnerText);
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");

        var defaults = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("sv-SE", defaults.GetFirstChild<Languages>()!.Val!.Value);
        Assert.Equal(Sample.Title, doc.PackageProperties.Title);
        Assert.Equal("Samverka", doc.PackageProperties.Creator);
    }

    [Theory]
    [InlineData("sv", "sv-SE")]
    [InlineData("en", "en-GB")]
    [InlineData("nb-NO", "nb-NO")]
    public void Language_codes_become_word_locales(string language, string expected)
    {
        using var doc = Open(DocxWriter.Write(Sample with { Language = language }));
        var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal(expected, defaults.GetFirstChild<Languages>()!.Val!.Value);
    }

    [Fact]
    public void Document_is_valid_wordprocessingml()
    {
        using var doc = Open(DocxWriter.Write(Sample));
        var errors = new OpenXmlValidator().Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        foreach (var error in errors) output.WriteLine(error);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task LibreOffice_converts_it_to_pdf()
    {
        var watch = Stopwatch.StartNew();
        var pdf = await LibreOffice.ConvertToPdfAsync(DocxWriter.Write(Sample));
        output.WriteLine($"LibreOffice conversion: {watch.ElapsedMilliseconds} ms, {pdf.Length} bytes");

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Contains(Headings[1], await PdfTools.TextAsync(pdf));
    }
}
