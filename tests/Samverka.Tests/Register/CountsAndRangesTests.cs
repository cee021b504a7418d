using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Samverka.Features.Needs;
using Samverka.Features.Register;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

/// Counts are written with the noun's form that fits them ("1 anställd", "12 volontärer"), in both languages, and
/// what is not known is left out: no "– medlemmar" for an unknown member count, no "16– år" for an open age range.
public abstract class CountsAndRangesTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    /// A fresh organisation and a closed need in Kiruna (no other test's data there), sharing an area.
    private async Task<(Guid Organisation, Guid Need)> SetUpAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        return await App.WithAsync(async db =>
        {
            var kiruna = (await db.Tenants.SingleAsync(t => t.Code == "2584")).Id;
            var now = DateTime.UtcNow;
            var org = new Organisation
            {
                Name = $"Kiruna Bostadsstöd {tag}", Description = "Stöd till unga som söker sin första bostad i Kiruna.", LegalForm = LegalForm.NonProfitAssociation,
                HomeMunicipalityId = kiruna, Areas = ["housing"], TargetGroups = ["young-adults"], AgeFrom = 16, AgeTo = null,
                Staff = 1, Volunteers = 12, Members = null, Status = VerificationStatus.Verified, LastConfirmedAt = now, CreatedAt = now, UpdatedAt = now,
            };
            var need = new Need
            {
                TenantId = kiruna, Title = $"Första bostaden {tag}", Problem = "Unga i Kiruna hittar ingen första bostad.", Areas = ["housing"],
                TargetGroups = ["young-adults"], AgeFrom = 18, AgeTo = null, DesiredOutcome = "Fler unga får en bostad.", ContactName = "Test",
                ContactEmail = "test@kiruna.example", Closes = DateOnly.FromDateTime(now).AddDays(-1), Status = NeedStatus.Closed,
                PublishedAt = now.AddDays(-30), CreatedAt = now, UpdatedAt = now,
            };
            db.AddRange(org, need);
            await db.SaveChangesAsync();
            return (org.Id, need.Id);
        });
    }

    private async Task<string> GetAsync(string url, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await App.Browser().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_organisation_shows_its_size_and_ages_in_words_that_fit_and_leaves_out_what_is_unknown()
    {
        var (org, _) = await SetUpAsync();
        var sv = await GetAsync($"/organisations/{org}", "sv");
        Assert.Contains("1 anställd, 12 volontärer", sv);
        Assert.DoesNotContain("1 anställda", sv);
        Assert.DoesNotContain("medlemmar", sv);
        Assert.Contains("från 16 år", sv);
        Assert.DoesNotContain("16– år", sv);
        var en = await GetAsync($"/organisations/{org}", "en");
        Assert.Contains("1 employee, 12 volunteers", en);
        Assert.Contains("16 years and over", en);
        Assert.DoesNotContain("members", en);
    }

    [Fact]
    public async Task A_need_and_its_match_reasons_say_an_open_age_range_and_counts_in_words_that_fit()
    {
        var (org, need) = await SetUpAsync();
        var page = await GetAsync($"/needs/{need}", "sv");
        Assert.Contains("Ålder: från 18 år", page);
        Assert.DoesNotContain("18–", page);

        var json = JsonNode.Parse(await GetAsync($"/api/v1/needs/{need}/matches", "sv"))!;
        var reasons = json["items"]!.AsArray().Single(i => i!["organisationId"]!.GetValue<string>() == org.ToString())!["reasons"]!.AsArray()
            .ToDictionary(r => r!["code"]!.GetValue<string>(), r => r!["text"]!.GetValue<string>());
        Assert.Equal("Har 1 anställd och 12 volontärer", reasons["capacity"]);
        Assert.EndsWith("(organisationen: från 16 år)", reasons["age"]);
        var en = JsonNode.Parse(await GetAsync($"/api/v1/needs/{need}/matches", "en"))!;
        var capacity = en["items"]!.AsArray().Single(i => i!["organisationId"]!.GetValue<string>() == org.ToString())!["reasons"]!.AsArray()
            .Single(r => r!["code"]!.GetValue<string>() == "capacity")!["text"]!.GetValue<string>();
        Assert.Equal("Has 1 employee and 12 volunteers", capacity);
    }
}

[Collection(SqliteCollection.Name)] public sealed class CountsAndRangesTestsOnSqlite(SqliteApp fx) : CountsAndRangesTests(fx);
[Collection(PostgresCollection.Name)] public sealed class CountsAndRangesTestsOnPostgres(PostgresApp fx) : CountsAndRangesTests(fx);
