using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Features.Register.Exchange;
using Samverka.Features.Register.Pages;
using Samverka.Platform.Files;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// Files are told by their content, never by their name or the browser's word.
public sealed class FileKindTests
{
    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        return buffer.ToArray();
    }

    public static TheoryData<string, byte[], FileKind?> Samples => new()
    {
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), FileKind.Pdf },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], FileKind.Png },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16], FileKind.Jpeg },
        { "docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")), FileKind.Docx },
        { "xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), FileKind.Xlsx },
        { "odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text")), FileKind.Odt },
        { "ods", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")), FileKind.Ods },
        { "utf-8 text with Swedish letters", Encoding.UTF8.GetBytes("namn,kommun\r\nÅsens förening,2081\r\n"), FileKind.Text },
        { "utf-8 with byte-order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"a\":1}")], FileKind.Text },
        { "latin-1 text", Encoding.Latin1.GetBytes("Åsens förening"), null },
        { "binary with a NUL", [0x41, 0x00, 0x42], null },
        { "windows program", [0x4D, 0x5A, 0x90, 0x00, 0x03], null },
        { "zip of something else", Zip(("readme.txt", "hello")), null },
        { "broken zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_kind_is_told_by_its_content(string sample, byte[] bytes, FileKind? expected) =>
        Assert.True(expected == FileKinds.Detect(bytes), $"{sample}: got {FileKinds.Detect(bytes)}");
}

/// Uploads are checked by size and content, kept in the database and served only through the owner's access rule;
/// the register import is their first use.
public abstract class FileTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        var page = await client.HtmlAsync("/organisations/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Web.Token(page)), "__RequestVerificationToken" },
            { new StringContent(""), "DefaultMunicipality" },
        };
        var file = new ByteArrayContent(content);
        // What the browser claims is not believed.
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", fileName);
        return await client.PostAsync("/organisations/import?handler=Check", form);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = App.Browser();
        await client.SignInAsync(email);
        return client;
    }

    private Task<int> FileCountAsync() => App.WithAsync(db => db.Files().CountAsync());

    [Fact]
    public async Task A_file_whose_content_is_not_what_its_name_says_is_refused_and_nothing_is_stored()
    {
        var officer = await SignedInAsync("handlaggare@borlange.example");
        var before = await FileCountAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        var response = await UploadAsync(officer, png, "register.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Filens innehåll är inte av rätt typ. Tillåtet: textfil i UTF-8", html);
        Assert.DoesNotContain("name=\"BatchId\" value=\"", html);

        var tooLarge = await UploadAsync(officer, Encoding.UTF8.GetBytes(new string('a', ImportModel.MaxBytes + 10)), "register.csv");
        Assert.Contains("Filen är för stor. Högst 20 MB.", await tooLarge.Content.ReadAsStringAsync());

        var empty = await UploadAsync(officer, [], "register.csv");
        Assert.Contains("Välj en fil.", await empty.Content.ReadAsStringAsync());
        Assert.Equal(before, await FileCountAsync());
    }

    [Fact]
    public async Task An_uploaded_file_is_served_only_to_those_its_owner_feature_allows_and_leaves_with_its_import()
    {
        var officer = await SignedInAsync("handlaggare@borlange.example");
        var name = "Filprovets förening " + Guid.NewGuid().ToString("N")[..6];
        var csv = "name,legal_form,home_municipality,description\r\n" + name + ",NonProfitAssociation,2081,En förening som prövar filer.\r\n";
        var checkedPage = await (await UploadAsync(officer, Encoding.UTF8.GetBytes(csv), "föreningar.csv")).Content.ReadAsStringAsync();
        var batchId = Guid.Parse(System.Text.RegularExpressions.Regex.Match(checkedPage, "name=\"BatchId\" value=\"([^\"]+)\"").Groups[1].Value);
        var file = await App.WithAsync(db => db.Files().SingleAsync(f => f.Id == db.Set<ImportBatch>().Single(b => b.Id == batchId).FileId));
        Assert.Equal(FileKind.Text, file.Kind);
        Assert.Equal(Encoding.UTF8.GetByteCount(csv), file.Size);

        var own = await officer.GetAsync($"/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("text/plain", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("föreningar.csv", own.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Contains("no-store", own.Headers.CacheControl!.ToString());
        Assert.Equal(csv, await own.Content.ReadAsStringAsync());

        // A colleague in the same municipality did not upload it; a visitor is asked to sign in.
        var colleague = await SignedInAsync("samordnare@borlange.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync($"/files/{file.Id}")).StatusCode);
        var visitor = await App.Browser().GetAsync($"/files/{file.Id}");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Contains("/account/login", visitor.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/files/{Guid.NewGuid()}")).StatusCode);

        // Confirmed, the import is done and its file goes with it.
        var confirmed = await officer.PostAsync("/organisations/import?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["BatchId"] = batchId.ToString(), ["__RequestVerificationToken"] = Web.Token(checkedPage),
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/files/{file.Id}")).StatusCode);
        Assert.False(await App.WithAsync(db => db.Set<StoredFileContent>().AnyAsync(c => c.FileId == file.Id)));
    }
}

[Collection(SqliteCollection.Name)] public sealed class FileTestsOnSqlite(SqliteApp fx) : FileTests(fx);
[Collection(PostgresCollection.Name)] public sealed class FileTestsOnPostgres(PostgresApp fx) : FileTests(fx);
