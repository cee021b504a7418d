using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Samverka.Features.Partnerships;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Partnerships;

/// The agreement as a tagged PDF, read back by tools that are not ours (qpdf, pdftotext, pdfinfo): the demo IOP's
/// approved version, with the same access as its .docx.
public abstract class AgreementPdfTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;
    private const string IopTitle = "Kompisar i Borlänge – IOP om inkludering";

    private Guid Iop => App.With(db => db.Partnerships().Single(p => p.Title == IopTitle).Id);

    [Fact]
    public async Task The_demo_agreement_pdf_is_tagged_with_its_language_and_title_and_says_what_the_docx_says()
    {
        var anonymous = App.Browser();
        var response = await anonymous.GetAsync($"/api/v1/partnerships/{Iop}/agreement.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("-v1.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var pdf = await response.Content.ReadAsByteArrayAsync();
        // The version's own address gives the same file.
        Assert.Equal(pdf.Length, (await anonymous.GetByteArrayAsync($"/partnerships/{Iop}/agreement/1.pdf")).Length);

        var docx = await anonymous.GetByteArrayAsync($"/api/v1/partnerships/{Iop}/agreement.docx");
        string title;
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docx), false)) title = doc.PackageProperties.Title!;
        var headings = PartnershipTests.Headings(docx, out _);

        await PdfTools.CheckAsync(pdf);
        var info = await PdfTools.InfoAsync(pdf);
        Assert.Contains("Tagged:          yes", info);
        Assert.Contains("Title:           " + title, info);

        using var json = await PdfTools.ObjectsAsync(pdf);
        var pdfObjects = Objects(json);
        var trailer = pdfObjects["trailer"];
        var catalog = Resolve(pdfObjects, trailer.GetProperty("/Root"));
        Assert.Equal("u:sv-SE", catalog.GetProperty("/Lang").GetString());
        Assert.True(Resolve(pdfObjects, catalog.GetProperty("/MarkInfo")).GetProperty("/Marked").GetBoolean());
        Assert.True(Resolve(pdfObjects, catalog.GetProperty("/ViewerPreferences")).GetProperty("/DisplayDocTitle").GetBoolean());
        Assert.Equal("/StructTreeRoot", Resolve(pdfObjects, catalog.GetProperty("/StructTreeRoot")).GetProperty("/Type").GetString());
        Assert.Equal("u:" + title, Resolve(pdfObjects, trailer.GetProperty("/Info")).GetProperty("/Title").GetString());

        // The structure tree names every kind of block the agreement has.
        var types = pdfObjects.Values.Where(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("/S", out var s) && s.ValueKind == JsonValueKind.String)
            .Select(o => o.GetProperty("/S").GetString()).ToHashSet();
        foreach (var type in new[] { "/Document", "/H1", "/H2", "/P", "/Table", "/THead", "/TBody", "/TR", "/TH", "/TD" })
            Assert.Contains(type, types);

        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains(title, text);
        foreach (var heading in headings) Assert.Contains(heading, text);
        Assert.Contains("Kompis Sverige", text);
        Assert.Contains("Borlänge", text);
        Assert.Contains("Förlängning, omförhandling och uppsägning", text);
        Assert.Contains("Arbetsmarknads- och integrationsförvaltningen", text.Replace("\n", " "));
    }

    [Fact]
    public async Task The_agreement_page_offers_each_version_as_pdf_in_the_page_language()
    {
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var html = await officer.HtmlAsync($"/partnerships/{Iop}/agreement");
        Assert.Contains($"href=\"/partnerships/{Iop}/agreement/1.pdf\"", html);
        Assert.Contains("Ladda ner version 1 (PDF)", html);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/partnerships/{Iop}/agreement/1.pdf")).StatusCode);
        Assert.Contains("Download version 1 (PDF)", await officer.HtmlAsync($"/partnerships/{Iop}/agreement?culture=en"));
    }

    private static Dictionary<string, JsonElement> Objects(JsonDocument json)
    {
        var objects = json.RootElement.GetProperty("qpdf")[1];
        return objects.EnumerateObject().ToDictionary(p => p.Name.StartsWith("obj:") ? p.Name[4..] : p.Name,
            p => p.Value.TryGetProperty("value", out var v) ? v : p.Value);
    }

    private static JsonElement Resolve(Dictionary<string, JsonElement> objects, JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.EndsWith(" R") ? objects[value.GetString()!] : value;
}

[Collection(SqliteCollection.Name)] public sealed class AgreementPdfTestsOnSqlite(SqliteApp fx) : AgreementPdfTests(fx);
[Collection(PostgresCollection.Name)] public sealed class AgreementPdfTestsOnPostgres(PostgresApp fx) : AgreementPdfTests(fx);
