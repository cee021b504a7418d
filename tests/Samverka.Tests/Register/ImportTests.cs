using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Samverka.Features.Register;
using Samverka.Features.Register.Exchange;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

public abstract class ImportTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private static string Csv(params string[] rows) =>
        "name,legal_form,home_municipality,description,areas,organisation_number,age_from,age_to,website\r\n" + string.Join("\r\n", rows) + "\r\n";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string? defaultMunicipality = null)
    {
        var page = await client.HtmlAsync("/organisations/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Web.Token(page)), "__RequestVerificationToken" },
            { new StringContent(defaultMunicipality ?? ""), "DefaultMunicipality" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "File", fileName);
        return await client.PostAsync("/organisations/import?handler=Check", form);
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string checkedPage)
    {
        var batch = System.Text.RegularExpressions.Regex.Match(checkedPage, "name=\"BatchId\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/organisations/import?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["BatchId"] = batch, ["__RequestVerificationToken"] = Web.Token(checkedPage),
        }));
    }

    private async Task<HttpClient> OfficerAsync(string email = "handlaggare@borlange.example")
    {
        var client = App.Browser();
        await client.SignInAsync(email);
        return client;
    }

    private Task<int> CountAsync() => App.WithAsync(db => db.Set<Organisation>().CountAsync());

    [Fact]
    public async Task A_csv_with_bad_rows_imports_nothing_and_lists_every_bad_row()
    {
        var officer = await OfficerAsync();
        var before = await CountAsync();
        var csv = Csv(
            "Godkänd förening,NonProfitAssociation,2081,En helt vanlig förening.,sport,,,,",
            ",NonProfitAssociation,2081,Namn saknas.,,,,,",
            "Fel form,Klubb,2081,Okänd organisationsform.,,,,,",
            "Fel kommun,NonProfitAssociation,9999,Kommunen finns inte.,,,,,",
            "Falun,NonProfitAssociation,2080,Inte min kommun.,,,,,",
            "Fel nummer,NonProfitAssociation,2081,Felaktigt nummer.,,802497-3125,,,",
            "Fel ålder,NonProfitAssociation,2081,Åldrar i fel ordning.,,,30,10,",
            "Fel område,NonProfitAssociation,2081,Okänt område.,golf,,,,",
            "<b>Skript</b>,NonProfitAssociation,2081,Markup i namnet.,,,,,",
            "Fel webb,NonProfitAssociation,2081,Felaktig webbadress.,,,,,javascript:alert(1)");
        var response = await UploadAsync(officer, Encoding.UTF8.GetBytes(csv), "register.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Filen har 9 problem. Inget har sparats.", html);
        foreach (var (line, column) in new[] { (3, "name"), (4, "legal_form"), (5, "home_municipality"), (6, "home_municipality"), (7, "organisation_number"), (8, "age_to"), (9, "areas"), (10, "name"), (11, "website") })
            Assert.Matches($"<td class=\"num\">{line}</td><td>{column}</td>", html);
        Assert.DoesNotContain("name=\"BatchId\" value=\"", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_good_csv_is_checked_then_imported_whole()
    {
        var officer = await OfficerAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = Csv(
            $"Boulebanan {tag},NonProfitAssociation,2081,Boule för seniorer varje tisdag.,sport|elderly,,65,,",
            $"\"Syjuntan, {tag}\",InformalGroup,2081,\"Vi syr, lagar och byter kläder.\",environment,,,,https://example.org/syjuntan",
            $"Kören {tag};,Ideell förening,2081,Körsång för alla.,culture,,,,");
        var check = await UploadAsync(officer, Encoding.UTF8.GetBytes(csv), "register.csv");
        var html = await check.Content.ReadAsStringAsync();
        Assert.Contains("3 organisationer utan problem – 3 nya och 0 som uppdateras", html);
        Assert.Equal(0, await App.WithAsync(db => db.Set<Organisation>().CountAsync(o => o.Name.Contains(tag))));

        var done = await ConfirmAsync(officer, html);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(3, await App.WithAsync(db => db.Set<Organisation>().CountAsync(o => o.Name.Contains(tag) && o.Status == VerificationStatus.Verified)));
        Assert.Contains($"Syjuntan, {tag}", await App.Browser().GetStringAsync($"/api/v1/organisations?q={tag}"));
        Assert.True(await App.WithAsync(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains($"Boulebanan {tag}"))));
    }

    [Fact]
    public async Task An_excel_file_in_the_template_imports()
    {
        var officer = await OfficerAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var row = RegisterColumns.All.ToDictionary(c => c, _ => (object)"");
        row["name"] = $"Excelklubben {tag}"; row["legal_form"] = "NonProfitAssociation"; row["home_municipality"] = "2081";
        row["description"] = "Importerad från Excel."; row["languages"] = "sv|en"; row["founded_year"] = 2001;
        var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(new[] { row });
        var check = await UploadAsync(officer, xlsx.ToArray(), "register.xlsx");
        var done = await ConfirmAsync(officer, await check.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var org = await App.WithAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Name == $"Excelklubben {tag}"));
        Assert.Equal(["sv", "en"], org.Languages);
        Assert.Equal(2001, org.FoundedYear);
    }

    [Fact]
    public async Task An_hsds_dataset_from_another_tool_imports_and_our_export_of_it_validates()
    {
        var officer = await OfficerAsync();
        var json = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Register", "Data", "other-tool.hsds.json"));
        var check = await UploadAsync(officer, json, "dataset.json", defaultMunicipality: "2081");
        var html = await check.Content.ReadAsStringAsync();
        Assert.Contains("2 organisationer utan problem", html);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(officer, html)).StatusCode);

        var id = Guid.Parse("0f8e4c32-7a1d-4c3b-9a51-6c0d2f1e8b01");
        var org = await App.WithAsync(db => db.Set<Organisation>().AsNoTracking().Include(o => o.Services).Include(o => o.Contacts).Include(o => o.Locations).SingleAsync(o => o.Id == id));
        Assert.Equal("802468-1358", org.OrganisationNumber);
        Assert.Equal(["LFB", "Läsfrämjarna"], org.OtherNames);
        Assert.Equal(2, org.Services.Count);
        Assert.Equal("Verksamhetsledare", Assert.Single(org.Contacts).Role);
        Assert.Equal("Sveagatan 1", Assert.Single(org.Locations).Street);

        var exported = JsonNode.Parse(await App.Browser().GetStringAsync($"/api/hsds/organizations/{id}"))!;
        await ExchangeTests.AssertValidAsync("organization.json", exported);
        Assert.Equal(2, exported["services"]!.AsArray().Count);

        // The same dataset again updates the entries instead of duplicating them.
        var again = await UploadAsync(officer, json, "dataset.json", defaultMunicipality: "2081");
        Assert.Contains("0 nya och 2 som uppdateras", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Similar_names_are_warned_about_before_confirming_but_do_not_stop_the_import()
    {
        var officer = await OfficerAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await UploadAsync(officer, Encoding.UTF8.GetBytes(Csv($"Kvarnbackens schackklubb {tag},NonProfitAssociation,2081,Schack på onsdagar.,leisure,,,,")), "first.csv");
        var firstHtml = await first.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Möjliga dubbletter", firstHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(officer, firstHtml)).StatusCode);

        var csv = Csv(
            $"Kvarnbackens schackklub {tag},NonProfitAssociation,2081,En bokstav fattas.,leisure,,,,",
            $"Syföreningen Tråden {tag},InformalGroup,2081,Vi syr.,culture,,,,",
            $"Fotbollsklubben Örnen {tag},NonProfitAssociation,2081,Fotboll.,sport,,,,",
            $"Syforeningen Traden {tag},InformalGroup,2081,Vi syr också.,culture,,,,");
        var check = await UploadAsync(officer, Encoding.UTF8.GetBytes(csv), "second.csv");
        var html = await check.Content.ReadAsStringAsync();
        Assert.Contains("Möjliga dubbletter: 2", html);
        Assert.Matches($"<td class=\"num\">2</td><td>name</td><td>Namnet liknar ”Kvarnbackens schackklubb {tag}”, som redan finns i registret i samma kommun.", html);
        Assert.Matches($"<td class=\"num\">5</td><td>name</td><td>Namnet liknar rad 3 i filen \\(”Syföreningen Tråden {tag}”\\)", html);
        Assert.DoesNotMatch("<td class=\"num\">4</td><td>name</td>", html);
        Assert.Contains("4 organisationer utan problem – 4 nya och 0 som uppdateras", html);

        // Warnings, not problems: the import goes ahead when the officer confirms.
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(officer, html)).StatusCode);
        Assert.Equal(5, await App.WithAsync(db => db.Set<Organisation>().CountAsync(o => o.Name.EndsWith(tag))));
    }

    [Fact]
    public void Similar_rows_are_found_within_a_municipality_only()
    {
        var pairs = DuplicateFinder.SimilarWithin([
            ("Tjejjouren Dalia", "2081"), ("Schackklubben Falun", "2080"), ("Tjejjouren Dalla", "2081"),
            ("Tjejjouren Dalia", "2080"), ("Fotbollsklubben Falun", "2080"), ("Ideella Tjejjouren Dalia", "2081"),
        ]);
        Assert.Equal([(0, 2), (0, 5), (2, 5)], pairs);
    }

    [Fact]
    public void A_bulk_audit_entry_says_what_save_changes_would_have_said()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Samverka.Platform.Data.AppDbContext>();
        var o = new Organisation
        {
            Name = "Föreningen \"Citat\" <b>&</b>", OtherNames = ["Å", "b\\c"], Description = "Åäö – ”x” \u2028 ny rad\n", LegalForm = LegalForm.Foundation,
            AgeFrom = 3, Areas = ["sport", "culture"], Languages = [], HomeMunicipalityId = Guid.NewGuid(), Status = VerificationStatus.Verified,
            LastConfirmedAt = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc), CreatedAt = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), Members = 0, ContactEmail = "kontakt@example.org",
        };
        var entry = Samverka.Platform.Audit.AuditInterceptor.ForCreated(db, o, "user", o.CreatedAt);
        // What the interceptor's Describe makes of an added entity: every non-null property as {"to": value}.
        var expected = System.Text.Json.JsonSerializer.Serialize(db.Entry(o).Properties
            .Where(p => !p.Metadata.IsShadowProperty() && p.CurrentValue is not null
                && p.Metadata.PropertyInfo!.GetCustomAttributes(typeof(Samverka.Platform.Audit.NotAuditedAttribute), true).Length == 0)
            .ToDictionary(p => p.Metadata.Name, p => Samverka.Platform.Audit.AuditInterceptor.IsPersonal(p.Metadata)
                ? (object?)new { changed = true } : new { to = p.CurrentValue }));
        Assert.Equal(expected, entry.Changes);
        // An address is recorded as changed, never written into the log.
        Assert.DoesNotContain("kontakt@example.org", entry.Changes);
        Assert.Contains("\"ContactEmail\":{\"changed\":true}", entry.Changes);
        Assert.Contains("\"LegalForm\":{\"to\":2}", entry.Changes);
    }

    [Fact]
    public async Task A_large_write_gives_its_connection_back_as_it_found_it()
    {
        // The import's write raises SQLite's page cache and leaves the checkpoint to the background for its
        // transaction only: the pooled connection must come back with the settings it had. (PostgreSQL has no such
        // settings; there the test checks the write and that the housekeeping reports itself done.)
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Samverka.Platform.Data.AppDbContext>();
        async Task<string> SettingsAsync()
        {
            if (db is not Samverka.Platform.Data.SqliteAppDbContext) return "";
            await db.Database.OpenConnectionAsync();
            try
            {
                var values = new List<object?>();
                foreach (var pragma in new[] { "PRAGMA cache_size", "PRAGMA wal_autocheckpoint" })
                {
                    await using var command = db.Database.GetDbConnection().CreateCommand();
                    command.CommandText = pragma;
                    values.Add(await command.ExecuteScalarAsync());
                }
                return string.Join(" ", values);
            }
            finally { await db.Database.CloseConnectionAsync(); }
        }
        var before = await SettingsAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var rows = Enumerable.Range(0, 3).Select(i => new ImportedOrganisation
        {
            Line = i + 2, Name = $"Inställning {tag} {i}", LegalForm = LegalForm.NonProfitAssociation, HomeMunicipality = "2081", Description = "Test.",
        }).ToList();
        await scope.ServiceProvider.GetRequiredService<RegisterImporter>().WriteAsync(new ImportCheck(rows, [], rows.Count, 0), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<Samverka.Platform.Data.IBulkInserter>().SettledAsync();
        Assert.Equal(before, await SettingsAsync());
        Assert.Equal(3, await db.Set<Organisation>().CountAsync(o => o.Name.StartsWith($"Inställning {tag}")));
    }

    [Fact]
    public async Task The_writer_is_all_or_nothing()
    {
        // Two rows far apart (different write batches) whose parts share an id: the second batch fails, and the
        // first must not stay behind. The page's check refuses such a file; this goes straight to the writer.
        var tag = Guid.NewGuid().ToString("N")[..6];
        var shared = Guid.NewGuid();
        var rows = Enumerable.Range(0, 2001).Select(i => new ImportedOrganisation
        {
            Line = i + 2, Name = $"Atomisk {tag} {i}", LegalForm = LegalForm.NonProfitAssociation, HomeMunicipality = "2081", Description = "Test.",
        }).ToList();
        rows[0].Services.Add(new OrganisationService { Id = shared, Name = "A", Description = "" });
        rows[2000].Services.Add(new OrganisationService { Id = shared, Name = "B", Description = "" });
        using var scope = App.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<RegisterImporter>();
        await Assert.ThrowsAnyAsync<Exception>(() => importer.ApplyAsync(new ImportCheck(rows, [], rows.Count, 0), CancellationToken.None));
        Assert.Equal(0, await App.WithAsync(db => db.Set<Organisation>().CountAsync(o => o.Name.StartsWith($"Atomisk {tag}"))));
    }

    [Fact]
    public async Task Only_municipal_staff_may_import()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await App.Browser().GetAsync("/organisations/import")).StatusCode);
        var member = App.Browser();
        await member.SignInAsync("medlem@dalia.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/organisations/import")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)] public sealed class ImportTestsOnSqlite(SqliteApp fx) : ImportTests(fx);
[Collection(PostgresCollection.Name)] public sealed class ImportTestsOnPostgres(PostgresApp fx) : ImportTests(fx);
