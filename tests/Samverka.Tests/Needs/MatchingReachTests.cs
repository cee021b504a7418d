using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Needs.Matching;
using Samverka.Features.Register;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Needs;

/// For a local need, place and age are filters: organisations from other regions and countries are not suggested
/// unless the need is open to them, nor organisations whose ages do not overlap the need's; the list is short and
/// paged.
public abstract class MatchingReachTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    /// The demo organisations outside Dalarna (Braga, Talsi, Trakai, Agios Dometios, Aglantzia, Malmö).
    private static readonly string[] Elsewhere =
    [
        "Costumes Convergentes", "Cidade Curiosa", "Ziemeļkurzeme orienteringsklubb", "Brīnumiņš", "Sodžiaus meistrai",
        "Children of Holy John", "HUB Nicosia", "Precious Plastic Cyprus", "Fryshuset Malmö",
    ];

    private static Need EveningNeed(Guid borlange, string tag, NeedReach reach, NeedStatus status) => new()
    {
        TenantId = borlange, Title = $"Kvällsverksamhet för unga {tag}", Status = status, Reach = reach,
        Problem = "Unga mellan 13 och 18 år saknar något att göra på kvällarna och dras till centrum, där det ibland blir bråk.",
        TargetGroups = ["youth"], AgeFrom = 13, AgeTo = 18, Areas = ["leisure", "youth", "sport", "culture", "housing"],
        DesiredOutcome = "Fler unga har en trygg plats att vara på kvällarna.", ContactName = "Fritid", ContactEmail = "fritid@borlange.example",
        Closes = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), PublishedAt = DateTime.UtcNow.AddDays(-20),
        CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };

    [Fact]
    public async Task A_local_need_is_matched_only_with_organisations_of_its_region_whose_ages_overlap()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var shelter = $"Härbärget Borlänge {tag}";
        var needId = await App.WithAsync(async db =>
        {
            var borlange = (await db.Tenants.SingleAsync(t => t.Code == "2081")).Id;
            var now = DateTime.UtcNow;
            // Shares an area and the place with the need, but takes in adults only.
            db.Add(new Organisation
            {
                Name = shelter, Description = "Härbärge med sängar och kvällsmat för vuxna utan bostad.", LegalForm = LegalForm.NonProfitAssociation,
                HomeMunicipalityId = borlange, Areas = ["housing"], TargetGroups = ["people-in-vulnerable-situations"], AgeFrom = 20, Staff = 3,
                Status = VerificationStatus.Verified, LastConfirmedAt = now, CreatedAt = now, UpdatedAt = now,
            });
            var need = EveningNeed(borlange, tag, NeedReach.Local, NeedStatus.Closed);
            db.Add(need);
            await db.SaveChangesAsync();
            return need.Id;
        });

        var json = JsonNode.Parse(await App.Browser().GetStringAsync($"/api/v1/needs/{needId}/matches"))!;
        var names = json["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(names);
        Assert.True(names.Count <= NeedMatcher.Best);
        Assert.True(json["total"]!.GetValue<int>() <= NeedMatcher.Best);
        Assert.Empty(names.Intersect(Elsewhere));
        Assert.DoesNotContain(shelter, names);
        // Borlänge's own organisations and Dalarna's, each based in the region or serving it.
        var homes = await App.WithAsync(db => db.Set<Organisation>().AsNoTracking().Where(o => names.Contains(o.Name))
            .Select(o => new { o.Name, Home = o.HomeMunicipality!.Code, o.MunicipalitiesServed, o.AgeFrom, o.AgeTo }).ToListAsync());
        Assert.All(homes, o => Assert.True(o.Home.StartsWith("20") || o.MunicipalitiesServed.Any(m => m.StartsWith("20")), o.Name));
        Assert.All(homes, o => Assert.True((o.AgeFrom ?? 0) <= 18 && (o.AgeTo ?? 200) >= 13, o.Name));
        Assert.Contains("Borlänge Basket", names);
    }

    [Fact]
    public async Task An_officer_opens_a_need_to_other_countries_on_its_form_and_its_matches_come_a_page_at_a_time()
    {
        var client = App.Browser();
        await client.SignInAsync("handlaggare@borlange.example");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var form = await client.HtmlAsync("/municipalities/2081/needs/new");
        Assert.Contains("name=\"Input.Reach\"", form);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", $"Kvällsverksamhet för unga {tag}"), new("Input.DepartmentId", ""),
            new("Input.Problem", "Unga mellan 13 och 18 år saknar något att göra på kvällarna."), new("Input.TargetGroup", ""),
            new("Input.TargetGroups", "youth"), new("Input.AgeFrom", "13"), new("Input.AgeTo", "18"),
            new("Input.Areas", "leisure"), new("Input.Areas", "youth"), new("Input.Areas", "sport"), new("Input.Areas", "culture"),
            new("Input.DesiredOutcome", "Fler unga har en trygg plats på kvällarna."), new("Input.Timeframe", ""), new("Input.Budget", ""),
            new("Input.Forms", "grant"), new("Input.Reach", "Anywhere"),
            new("Input.ContactName", "Fritid"), new("Input.ContactEmail", "fritid@borlange.example"),
            new("Input.Closes", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd")), new("go", "save"),
            new("__RequestVerificationToken", Web.Token(form)),
        };
        var saved = await client.PostAsync("/municipalities/2081/needs/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1]);
        var need = await App.WithAsync(db => db.Needs().AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(NeedReach.Anywhere, need.Reach);

        using var scope = App.Services.CreateScope();
        var matches = await scope.ServiceProvider.GetRequiredService<NeedMatcher>().ForNeedAsync(need, "2081", "Borlänge", 50, default);
        Assert.Contains(matches, m => m.Name == "Ziemeļkurzeme orienteringsklubb"); // sport for 7 and over, in Talsi
        Assert.True(matches.Count <= NeedMatcher.Best);
        Assert.True(matches.Count > 5, $"{matches.Count} matches");

        var first = await client.HtmlAsync($"/municipalities/2081/needs/{id}/matches");
        Assert.InRange(Regex.Matches(first, "<li class=\"match\"").Count, 1, 5);
        Assert.Contains($"/municipalities/2081/needs/{id}/matches?page=2", first);
        var second = await client.HtmlAsync($"/municipalities/2081/needs/{id}/matches?page=2");
        Assert.InRange(Regex.Matches(second, "<li class=\"match\"").Count, 1, 5);
        Assert.Contains(matches[5].Name, WebUtility.HtmlDecode(second));
    }
}

[Collection(SqliteCollection.Name)] public sealed class MatchingReachTestsOnSqlite(SqliteApp fx) : MatchingReachTests(fx);
[Collection(PostgresCollection.Name)] public sealed class MatchingReachTestsOnPostgres(PostgresApp fx) : MatchingReachTests(fx);
