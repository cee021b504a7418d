using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Needs;

/// The needs board: published needs are public (page and API); drafts stay inside their municipality.
public abstract class NeedsBoardTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    [Fact]
    public async Task Open_needs_are_public_on_the_board_and_in_the_api_and_drafts_are_not()
    {
        var board = await App.Browser().HtmlAsync("/needs");
        Assert.Contains("Stöd för ungas psykiska hälsa", board);
        Assert.Contains("Fler unga i föreningslivet", board);
        Assert.DoesNotContain("Mötesplatser för äldre som är ensamma", board);

        var json = JsonNode.Parse(await App.Browser().GetStringAsync("/api/v1/needs"))!;
        var items = json["items"]!.AsArray();
        Assert.True(json["total"]!.GetValue<int>() >= 2);
        var need = items.Single(i => i!["title"]!.GetValue<string>() == "Stöd för ungas psykiska hälsa")!;
        Assert.True(Guid.TryParse(need["id"]!.GetValue<string>(), out _));
        Assert.Equal("Borlänge", need["municipality"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", need["closes"]!.GetValue<string>());
        Assert.DoesNotContain(items, i => i!["title"]!.GetValue<string>().StartsWith("Mötesplatser för äldre"));

        var filtered = JsonNode.Parse(await App.Browser().GetStringAsync("/api/v1/needs?area=mental-health&municipality=2081"))!;
        Assert.All(filtered["items"]!.AsArray(), i => Assert.Contains("mental-health", i!["areas"]!.AsArray().Select(a => a!.GetValue<string>())));
        Assert.Contains("Stöd för ungas psykiska hälsa", await App.Browser().HtmlAsync("/needs?area=mental-health"));
        Assert.DoesNotContain("Fler unga i föreningslivet", await App.Browser().HtmlAsync("/needs?area=mental-health"));
    }

    private async Task<string> DraftLinkAsync()
    {
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var manage = await officer.HtmlAsync("/municipalities/2081/needs");
        var id = Regex.Match(manage, "/municipalities/2081/needs/([0-9a-f-]{36})\">Mötesplatser för äldre").Groups[1].Value;
        Assert.NotEmpty(id);
        return id;
    }

    [Fact]
    public async Task A_draft_is_invisible_to_other_municipalities_and_to_the_public()
    {
        var id = await DraftLinkAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/needs/{id}")).StatusCode);

        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.NotFound, (await falun.GetAsync($"/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync("/municipalities/2081/needs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync($"/municipalities/2081/needs/{id}")).StatusCode);
        Assert.DoesNotContain("Mötesplatser för äldre", await falun.GetStringAsync("/api/v1/needs?pageSize=100"));

        var own = App.Browser();
        await own.SignInAsync("samordnare@borlange.example");
        Assert.Contains("Utkast: bara kommunens egna medarbetare", await own.HtmlAsync($"/needs/{id}"));
        // The edit form shows the department the draft belongs to (GUIDs compared as values, not as text).
        Assert.Matches("<option value=\"[0-9a-f-]{36}\" selected>Socialförvaltningen</option>", await own.HtmlAsync($"/municipalities/2081/needs/{id}"));
    }

    [Fact]
    public async Task An_officer_drafts_then_publishes_a_need_and_bad_input_is_explained()
    {
        var client = App.Browser();
        await client.SignInAsync("handlaggare@borlange.example");
        var title = "Läxhjälp på biblioteket " + Guid.NewGuid().ToString("N")[..6];
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", title), new("Input.DepartmentId", ""), new("Input.Problem", "Många elever saknar stöd hemma."),
            new("Input.TargetGroup", "Elever"), new("Input.AgeFrom", "16"), new("Input.AgeTo", "12"),
            new("Input.DesiredOutcome", "Fler klarar skolan."), new("Input.Timeframe", ""), new("Input.Budget", ""),
            new("Input.ContactName", "Biblioteket"), new("Input.ContactEmail", "bibliotek@borlange.example"),
            new("Input.Closes", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd")), new("go", "publish"),
        };
        var token = Web.Token(await client.HtmlAsync("/municipalities/2081/needs/new"));
        var bad = await client.PostAsync("/municipalities/2081/needs/new",
            new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Välj minst ett område", html);
        Assert.Contains("Välj minst en samverkansform", html);
        Assert.Contains("Sista dagen kan inte ha passerat", html);
        Assert.Contains("Ålder till måste vara", html);
        Assert.DoesNotContain(title, await App.Browser().HtmlAsync("/needs"));

        fields.RemoveAll(f => f.Key is "Input.AgeTo" or "Input.Closes" or "go");
        fields.AddRange([new("Input.AgeTo", "19"), new("Input.Closes", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd")),
            new("Input.Areas", "education"), new("Input.Areas", "youth"), new("Input.Forms", "grant"), new("go", "save")]);
        var draft = await client.PostAsync("/municipalities/2081/needs/new", new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var link = draft.Headers.Location!.OriginalString;
        Assert.DoesNotContain(title, await App.Browser().HtmlAsync("/needs"));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync(link)).StatusCode);

        var id = link.Split('/')[^1];
        fields.RemoveAll(f => f.Key == "go");
        fields.Add(new("go", "publish"));
        var published = await client.PostAsync($"/municipalities/2081/needs/{id}", new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains(title, await App.Browser().HtmlAsync("/needs"));
        Assert.Contains(title, await App.Browser().GetStringAsync("/api/v1/needs?pageSize=100"));
        Assert.Contains("Fler klarar skolan.", await App.Browser().HtmlAsync(link));
    }
}

[Collection(SqliteCollection.Name)] public sealed class NeedsBoardTestsOnSqlite(SqliteApp fx) : NeedsBoardTests(fx);
[Collection(PostgresCollection.Name)] public sealed class NeedsBoardTestsOnPostgres(PostgresApp fx) : NeedsBoardTests(fx);
