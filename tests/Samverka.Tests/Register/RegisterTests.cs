using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Features.Register;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

public abstract class RegisterTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private Task<Organisation> DaliaAsync() =>
        App.WithAsync(db => db.Set<Organisation>().AsNoTracking().Include(o => o.HomeMunicipality).SingleAsync(o => o.Name == "Tjejjouren Dalia"));

    private static Dictionary<string, string> EditFields(Organisation o) => new()
    {
        ["Input.Name"] = o.Name, ["Input.LegalForm"] = o.LegalForm.ToString(), ["Input.CountryCode"] = o.CountryCode,
        ["Input.OrganisationNumber"] = o.OrganisationNumber ?? "", ["Input.HomeMunicipality"] = o.HomeMunicipality!.Code,
        ["Input.Description"] = o.Description, ["Input.AgeFrom"] = o.AgeFrom?.ToString() ?? "", ["Input.AgeTo"] = o.AgeTo?.ToString() ?? "",
    };

    [Fact]
    public async Task The_api_searches_with_text_and_facets_and_returns_counts()
    {
        using var doc = JsonDocument.Parse(await App.Browser().GetStringAsync("/api/v1/organisations?q=tjejjour&area=mental-health&municipality=2081"));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        var item = root.GetProperty("items")[0];
        Assert.Equal("Tjejjouren Dalia", item.GetProperty("name").GetString());
        Assert.True(Guid.TryParse(item.GetProperty("id").GetString(), out _));
        var facets = root.GetProperty("facets");
        foreach (var facet in new[] { "municipality", "area", "targetGroup", "age", "legalForm", "language" })
            Assert.True(facets.TryGetProperty(facet, out _), facet);
        Assert.Contains(facets.GetProperty("language").EnumerateArray(), v => v.GetProperty("value").GetString() == "ar" && v.GetProperty("count").GetInt32() == 1);
    }

    [Fact]
    public async Task A_misspelt_search_finds_the_organisation_on_the_page_and_in_the_api()
    {
        var html = await App.Browser().HtmlAsync("/organisations?q=psykiks+h%C3%A4lsa");
        Assert.Contains("Tjejjouren Dalia", html);
        var api = await App.Browser().GetFromJsonAsync<JsonElement>("/api/v1/organisations?q=tjejour");
        Assert.Contains(api.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Tjejjouren Dalia");
    }

    [Fact]
    public async Task An_edit_is_searchable_at_once_and_confirms_the_entry()
    {
        var dalia = await DaliaAsync();
        var client = App.Browser();
        await client.SignInAsync("admin@dalia.example");
        var marker = "zebrakurs" + Guid.NewGuid().ToString("N")[..6];
        var fields = EditFields(dalia);
        fields["Input.Description"] = dalia.Description + " Nytt: " + marker + ".";
        fields["Input.Areas"] = "mental-health";
        var saved = await client.SubmitAsync($"/organisations/{dalia.Id}/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var found = await App.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/organisations?q={marker}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var after = await DaliaAsync();
        Assert.True(after.LastConfirmedAt > dalia.LastConfirmedAt);
        Assert.Equal(["mental-health"], after.Areas);
        Assert.True(await App.WithAsync(db => db.AuditEntries.AnyAsync(a => a.OrganisationId == dalia.Id && a.Changes.Contains(marker))));
    }

    public static TheoryData<string, string, string> BadOrganisationInput => new()
    {
        { "Input_OrganisationNumber", "802497-3125", "Kontrollsiffran (den sista siffran) stämmer inte" },
        { "Input_AgeTo", "5", "Ålder till måste vara samma som eller högre än ålder från" },
        { "Input_Areas", "not-an-area", "välj bland alternativen i listan" },
        { "Input_HomeMunicipality", "9999", "välj bland alternativen i listan" },
        { "Input_Phone", "<script>", "Skriv ett telefonnummer med siffror" },
        { "Input_Description", "För kort", "ska vara mellan 20 och 4000 tecken" },
        { "Input_SocialLinks", "javascript:alert(1)", "Varje rad ska vara en hel webbadress" },
        { "Input_FoundedYear", "3000", "ska vara mellan 1800 och 2100" },
    };

    [Theory]
    [MemberData(nameof(BadOrganisationInput))]
    public async Task The_organisation_form_refuses_bad_input_and_saves_nothing(string field, string value, string message)
    {
        var dalia = await DaliaAsync();
        var client = App.Browser();
        await client.SignInAsync("admin@dalia.example");
        var fields = EditFields(dalia);
        fields["Input.AgeFrom"] = "10";
        fields[field.Replace('_', '.')] = value;
        var response = await client.SubmitAsync($"/organisations/{dalia.Id}/edit", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"{field}-error\"", html);
        Assert.Contains(message, html);
        var after = await DaliaAsync();
        Assert.Equal(dalia.UpdatedAt, after.UpdatedAt);
    }

    [Fact]
    public async Task The_organisation_page_shows_services_contacts_and_schema_org_data()
    {
        var dalia = await DaliaAsync();
        var html = await App.Browser().HtmlAsync($"/organisations/{dalia.Id}");
        Assert.Contains("Stödchatt", html);
        Assert.Contains("kontakt@dalia.example", html);
        Assert.Contains("Uppgifterna bekräftades", html);
        var start = html.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal);
        Assert.True(start > 0);
        var json = html[(start + 35)..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        using var ld = JsonDocument.Parse(json);
        Assert.Equal("NGO", ld.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Tjejjouren Dalia", ld.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Entries_not_yet_verified_are_hidden_from_the_public()
    {
        var id = await App.WithAsync(async db =>
        {
            var borlange = await db.Tenants.SingleAsync(t => t.Code == "2081");
            var o = new Organisation
            {
                Name = "Ny förening under granskning", Description = "En förening som väntar på granskning av kommunen.",
                LegalForm = LegalForm.NonProfitAssociation, HomeMunicipalityId = borlange.Id, Status = VerificationStatus.Pending,
                LastConfirmedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Areas = ["leisure"],
            };
            db.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/organisations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/api/v1/organisations/{id}")).StatusCode);
        Assert.DoesNotContain("Ny förening under granskning", await App.Browser().HtmlAsync("/organisations?q=granskning"));
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        Assert.Contains("väntar på att kommunen ska granska", await officer.HtmlAsync($"/organisations/{id}"));
    }
}

[Collection(SqliteCollection.Name)] public sealed class RegisterTestsOnSqlite(SqliteApp fx) : RegisterTests(fx);
[Collection(PostgresCollection.Name)] public sealed class RegisterTestsOnPostgres(PostgresApp fx) : RegisterTests(fx);
