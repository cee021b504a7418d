using System.Text.Json;
using Samverka.Platform.Documents;
using Samverka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Samverka.Tests.Platform.Documents;

/// The PDF writer, read back by qpdf, pdfinfo and pdftotext (not by PDFsharp, which wrote it).
public sealed class PdfWriterTests(ITestOutputHelper output)
{
    // Letters of the languages a municipality's documents come in: Swedish, Latvian, Lithuanian, Portuguese, Greek.
    private const string Letters = "Åsa Öberg på Ängsö; Jānis Bērziņš, Ģirts Ķemers, Žanete Šķēle; Rūta Čepaitė, Ąžuolas Įgaunis, Ųla Ėglė; " +
        "João Gonçalves, Inês Simões; Ελένη Παπαδοπούλου";

    private static DocContent Sample(int paragraphs = 1) => new(
        "Samverkansavtal – Föreningen Ängsö & kommunen",
        ["Mellan Borlänge kommun och Föreningen Ängsö"],
        [
            new("1. Parter", [new DocParagraph(Letters), new DocHeading("Kontakter"),
                new DocTable(["Roll", "Namn", "Beskrivning"], [["Kontaktperson", "Åsa Öberg", "Håller ihop arbetet och kallar till möten"], ["Ersättare", "Per"]])]),
            new("2. Åtaganden", [new DocBullets(["Kommunen upplåter lokaler", "Föreningen ordnar träffar för äldre"]),
                .. Enumerable.Range(1, paragraphs).Select(i => new DocParagraph($"Stycke {i}: " + string.Join(' ', Enumerable.Repeat("samverkan", 60))))]),
        ],
        "sv",
        "Samverkansavtal Borlänge – Ängsö") { Metadata = new DocMetadata("Borlänge kommun", "Avtal", ["IOP", "Ängsö"]) };

    [Fact]
    public async Task It_is_a_sound_pdf_with_language_title_and_marked_structure()
    {
        var pdf = PdfWriter.Write(Sample());
        output.WriteLine(await PdfTools.CheckAsync(pdf));

        var info = await PdfTools.InfoAsync(pdf);
        output.WriteLine(info);
        Assert.Contains("Title:           Samverkansavtal – Föreningen Ängsö & kommunen", info);
        Assert.Contains("Author:          Borlänge kommun", info);
        Assert.Contains("Tagged:          yes", info);

        using var json = await PdfTools.ObjectsAsync(pdf);
        var objects = json.RootElement.GetProperty("qpdf")[1].EnumerateObject()
            .ToDictionary(p => p.Name.Replace("obj:", ""), p => p.Value.TryGetProperty("value", out var v) ? v : p.Value.GetProperty("stream").GetProperty("dict"));
        JsonElement Get(JsonElement e) => e.ValueKind == JsonValueKind.String && e.GetString()!.EndsWith(" R") ? objects[e.GetString()!] : e;
        var catalog = Get(objects["trailer"].GetProperty("/Root"));
        Assert.Equal("u:sv-SE", catalog.GetProperty("/Lang").GetString());
        Assert.True(Get(catalog.GetProperty("/MarkInfo")).GetProperty("/Marked").GetBoolean());
        Assert.True(Get(catalog.GetProperty("/ViewerPreferences")).GetProperty("/DisplayDocTitle").GetBoolean());
        Assert.Equal("/Metadata", Get(catalog.GetProperty("/Metadata")).GetProperty("/Type").GetString());

        var elements = objects.Values.Where(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("/S", out var s) && s.ValueKind == JsonValueKind.String).ToList();
        var types = elements.Select(o => o.GetProperty("/S").GetString()).ToList();
        Assert.Equal(1, types.Count(t => t == "/H1"));
        Assert.Equal(2, types.Count(t => t == "/H2"));
        Assert.Equal(1, types.Count(t => t == "/H3"));
        Assert.Equal(1, types.Count(t => t == "/L"));
        Assert.Equal(2, types.Count(t => t == "/LI"));
        Assert.Equal(3, types.Count(t => t == "/TH"));
        Assert.Equal(6, types.Count(t => t == "/TD")); // the short row padded to three cells
        Assert.Equal(3, types.Count(t => t == "/TR"));
        // Every header cell says it labels its column.
        Assert.All(elements.Where(o => o.GetProperty("/S").GetString() == "/TH"),
            th => Assert.Equal("/Column", Get(th.GetProperty("/A")).GetProperty("/Scope").GetString()));
        // The fonts travel with the file.
        Assert.Contains(objects.Values, o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("/FontFile2", out _));
    }

    [Fact]
    public async Task Its_text_is_extractable_with_every_letter_intact()
    {
        var text = await PdfTools.TextAsync(PdfWriter.Write(Sample()));
        output.WriteLine(text);
        var flat = string.Join(' ', text.Split((char[])['\n', ' ', '\f'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Letters, flat);
        Assert.Contains("Samverkansavtal – Föreningen Ängsö & kommunen", flat);
        Assert.Contains("Håller ihop arbetet", flat);
        Assert.Contains("Kommunen upplåter lokaler", text);
        Assert.Contains("Samverkansavtal Borlänge – Ängsö", text);
    }

    [Fact]
    public async Task Long_text_wraps_and_breaks_onto_new_pages()
    {
        var pdf = PdfWriter.Write(Sample(paragraphs: 40));
        await PdfTools.CheckAsync(pdf);
        var info = await PdfTools.InfoAsync(pdf);
        var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:"))[6..].Trim());
        Assert.True(pages >= 4, info);
        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains("Stycke 40:", text);
        // Wrapped: no line of the text is a whole 60-word paragraph.
        Assert.All(text.Split('\n'), line => Assert.True(line.Length < 120, line));
        // Every page carries the footer with its number.
        Assert.Equal(pages, text.Split('\f').Count(p => p.Contains("Samverkansavtal Borlänge – Ängsö")));
    }

    [Fact]
    public void A_docx_reads_back_into_the_content_it_was_written_from()
    {
        // The language comes back as the locale the .docx holds.
        var content = Sample(paragraphs: 2) with { Language = "sv-SE" };
        var read = DocxReader.Read(DocxWriter.Write(content));
        Assert.Equal(JsonSerializer.Serialize(content), JsonSerializer.Serialize(read));
    }
}
