using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Advisor;

/// The advisor and the knowledge bank over HTTP: the API, the one-question-per-page flow without JavaScript,
/// and saved answers (stored in the database, so this runs on both providers).
public abstract class AdvisorWebTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private const string Iop = "country=SE&year=2026&legal-form=non-profit-association&profit-distributing=no&purpose=solve-together&market=no&initiative=organisation&both-contribute=yes&yearly-value=800000&duration=more-than-three-years&compact=yes&track-record=established";

    [Fact]
    public async Task The_questions_list_ids_and_allowed_answers()
    {
        var json = JsonNode.Parse(await App.Browser().GetStringAsync("/api/v1/advisor/questions?culture=en"))!;
        var questions = json["questions"]!.AsArray();
        Assert.True(questions.Count >= 9);
        var purpose = questions.Single(q => q!["id"]!.GetValue<string>() == "purpose")!;
        Assert.Equal("choice", purpose["type"]!.GetValue<string>());
        Assert.Contains(purpose["answers"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "solve-together");
        Assert.Equal("What is the purpose of the collaboration?", purpose["text"]!.GetValue<string>());
        Assert.Equal("number", questions.Single(q => q!["id"]!.GetValue<string>() == "yearly-value")!["type"]!.GetValue<string>());
        Assert.Contains(json["countries"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "SE" && c["yearsWithThreshold"]!.AsArray().Count >= 9);
        foreach (var form in new[] { "general-grant", "activity-grant", "project-grant", "direct-award", "advertised-procurement", "iop", "dialogue", "innovation-process" })
            Assert.Contains(json["forms"]!.AsArray(), f => f!.GetValue<string>() == form);
    }

    /// The start and every page give one count: the questions that may still be asked (the one that depends on the
    /// legal form counts until the answer rules it out), so it never grows from one page to the next.
    [Fact]
    public async Task The_question_count_is_the_same_on_the_start_and_on_every_page()
    {
        var client = App.Browser();
        var total = App.Services.GetRequiredService<Samverka.Features.Advisor.AdvisorBook>().Questions.Count;
        Assert.Contains($"{total} frågor", await client.HtmlAsync("/advisor"));
        Assert.Contains($"Fråga 1 av {total}", await client.HtmlAsync("/advisor/q/legal-form?country=SE&year=2026"));
        Assert.Contains($"Fråga 2 av {total}", await client.HtmlAsync("/advisor/q/profit-distributing?country=SE&year=2026&legal-form=non-profit-association"));
        // A company is never asked whether it distributes profit: one question fewer, said as soon as it is known.
        Assert.Contains($"Fråga 2 av {total - 1}", await client.HtmlAsync("/advisor/q/purpose?country=SE&year=2026&legal-form=company"));
    }

    /// On English pages the threshold's source is explained in English; the legal citation stays as it is.
    [Fact]
    public async Task The_source_line_is_explained_in_the_pages_language()
    {
        var en = System.Net.WebUtility.HtmlDecode(await App.Browser().HtmlAsync("/advisor/result?culture=en&" + Iop));
        Assert.Contains("LOU (2016:1145) 19 kap. 8 §", en);
        Assert.DoesNotContain("fast belopp", en);
        Assert.DoesNotContain("Upphandlingsmyndigheten", en);
        Assert.Contains("National Agency for Public Procurement", en);
        var sv = System.Net.WebUtility.HtmlDecode(await App.Browser().HtmlAsync("/advisor/result?" + Iop));
        Assert.Contains("LOU (2016:1145) 19 kap. 8 §: fast belopp 700 000 kr", sv);
    }

    private static JsonObject SolveTogetherWithoutMarket() => new()
    {
        ["legal-form"] = "non-profit-association", ["profit-distributing"] = "no", ["purpose"] = "solve-together",
        ["market"] = "no", ["initiative"] = "organisation", ["both-contribute"] = "yes", ["yearly-value"] = 800000,
        ["duration"] = "one-to-three-years", ["compact"] = "yes", ["track-record"] = "piloted",
        ["country"] = "SE", ["year"] = 2026,
    };

    /// With no market, an advertised tender (which would get no bids) is not recommended, even above the threshold.
    [Fact]
    public async Task No_market_means_no_advertised_procurement()
    {
        foreach (var duration in new[] { "one-to-three-years", "more-than-three-years" })
        {
            var body = SolveTogetherWithoutMarket();
            body["duration"] = duration;
            var advice = JsonNode.Parse(await (await App.Browser().PostAsJsonAsync("/api/v1/advisor?culture=en", body)).Content.ReadAsStringAsync())!;
            Assert.DoesNotContain(advice["recommended"]!.AsArray(), r => r!["form"]!.GetValue<string>() == "advertised-procurement");
        }
    }

    /// Each form's reason is written for that form: a project grant or an innovation process is not told it is "the
    /// core of a partnership".
    [Fact]
    public async Task Each_form_gets_its_own_reason()
    {
        var advice = JsonNode.Parse(await (await App.Browser().PostAsJsonAsync("/api/v1/advisor?culture=en", SolveTogetherWithoutMarket())).Content.ReadAsStringAsync())!;
        var recommended = advice["recommended"]!.AsArray();
        string ReasonOf(string form) => recommended.Single(r => r!["form"]!.GetValue<string>() == form)!["reasons"]!.AsArray()
            .Single(x => x!["rule"]!.GetValue<string>() == "purpose-solve-together")!["text"]!.GetValue<string>();
        var iop = ReasonOf("iop");
        Assert.NotEqual(iop, ReasonOf("project-grant"));
        Assert.NotEqual(iop, ReasonOf("innovation-process"));
        Assert.DoesNotContain("partnership", ReasonOf("project-grant"));
        Assert.DoesNotContain("partnership", ReasonOf("innovation-process"));
    }

    [Fact]
    public async Task Posting_answers_returns_ranked_forms_with_reasons_and_the_forms_ruled_out()
    {
        var body = new JsonObject
        {
            ["legal-form"] = "non-profit-association", ["profit-distributing"] = "no", ["purpose"] = "solve-together",
            ["market"] = "no", ["initiative"] = "organisation", ["both-contribute"] = "yes", ["yearly-value"] = 800000,
            ["duration"] = "more-than-three-years", ["compact"] = "yes", ["track-record"] = "established",
            ["country"] = "SE", ["year"] = 2026,
        };
        var response = await App.Browser().PostAsJsonAsync("/api/v1/advisor?culture=en", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var advice = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var first = advice["recommended"]![0]!;
        Assert.Equal("iop", first["form"]!.GetValue<string>());
        Assert.NotEmpty(first["reasons"]!.AsArray());
        Assert.Contains(first["reasons"]!.AsArray(), r => r!["rule"]!.GetValue<string>() == "both-contribute");
        Assert.NotEmpty(first["risks"]!.AsArray());
        Assert.NotEmpty(first["nextSteps"]!.AsArray());
        var excluded = advice["excluded"]!.AsArray().Single(e => e!["form"]!.GetValue<string>() == "direct-award")!;
        Assert.Equal("above-direct-award", excluded["rule"]!.GetValue<string>());
        Assert.Contains("700,000", excluded["explanation"]!.GetValue<string>());
        Assert.Equal(700000m, advice["threshold"]!["directAward"]!.GetValue<decimal>());

        // A market changes the answer: IOP is ruled out.
        body["market"] = "yes";
        var withMarket = JsonNode.Parse(await (await App.Browser().PostAsJsonAsync("/api/v1/advisor", body)).Content.ReadAsStringAsync())!;
        Assert.Contains(withMarket["excluded"]!.AsArray(), e => e!["form"]!.GetValue<string>() == "iop" && e["rule"]!.GetValue<string>() == "market-exists");
        Assert.DoesNotContain(withMarket["recommended"]!.AsArray(), r => r!["form"]!.GetValue<string>() == "iop");
    }

    [Fact]
    public async Task Bad_answers_get_a_localised_problem_per_field()
    {
        var body = new JsonObject
        {
            ["legal-form"] = "company", ["purpose"] = "make-money", ["market"] = "no", ["initiative"] = "joint",
            ["both-contribute"] = "no", ["yearly-value"] = "lots", ["duration"] = "up-to-one-year", ["compact"] = "no",
            ["favourite-colour"] = "blue", ["country"] = "XX",
        };
        var response = await App.Browser().PostAsJsonAsync("/api/v1/advisor?culture=en", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        Assert.Equal("Choose one of the answers offered", errors["purpose"]![0]!.GetValue<string>());
        Assert.Contains("whole number", errors["yearly-value"]![0]!.GetValue<string>());
        Assert.NotNull(errors["favourite-colour"]);
        Assert.NotNull(errors["country"]);
        Assert.NotNull(errors["track-record"]); // missing
        Assert.Null(errors["profit-distributing"]); // not asked of a company

        var swedish = await App.Browser().PostAsJsonAsync("/api/v1/advisor?culture=sv", body);
        var sv = JsonNode.Parse(await swedish.Content.ReadAsStringAsync())!["errors"]!;
        Assert.Equal("Välj ett av de svar som finns", sv["purpose"]![0]!.GetValue<string>());

        var notJson = await App.Browser().PostAsync("/api/v1/advisor", new StringContent("[1,2]", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task One_question_per_page_with_errors_next_to_the_field_and_no_script_needed()
    {
        var client = App.Browser();
        var start = await client.HtmlAsync("/advisor");
        Assert.Contains("action=\"/advisor/q/legal-form\"", start);

        var missing = await client.HtmlAsync("/advisor/q/legal-form?country=SE&year=2026&go=1");
        Assert.Contains("Välj ett av svaren", missing);
        Assert.Contains("error-summary", missing);

        var next = await client.GetAsync("/advisor/q/legal-form?country=SE&year=2026&legal-form=company&go=1");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        // A company is not asked about profit distribution: straight on to the purpose.
        Assert.StartsWith("/advisor/q/purpose?", next.Headers.Location!.OriginalString);

        var badNumber = await client.HtmlAsync("/advisor/q/yearly-value?country=SE&year=2026&legal-form=company&yearly-value=m%C3%A5nga&go=1");
        Assert.Contains("Ange beloppet som ett heltal", badNumber);
        Assert.Contains("value=\"många\"", badNumber);

        // Unanswered questions send the visitor back to the first one missing.
        var early = await client.GetAsync("/advisor/result?country=SE&year=2026&legal-form=company");
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.StartsWith("/advisor/q/purpose?", early.Headers.Location!.OriginalString);

        var check = await client.HtmlAsync("/advisor/check?" + Iop);
        Assert.Contains("Kontrollera svaren", check);
        Assert.Contains("/advisor/q/purpose?", check);
        Assert.Contains("return=check", check);

        // Changing an answer from the check page returns there when nothing else is missing.
        var changed = await client.GetAsync("/advisor/q/market?" + Iop.Replace("market=no", "market=yes") + "&return=check&go=1");
        Assert.StartsWith("/advisor/check?", changed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_saved_answer_has_a_link_that_shows_the_same_advice()
    {
        var client = App.Browser();
        var result = await client.HtmlAsync("/advisor/result?" + Iop);
        Assert.Contains("Idéburet offentligt partnerskap (IOP)", result);
        Assert.Contains("Former som inte är möjliga", result);

        var saved = await client.PostAsync("/advisor/result?" + Iop + "&handler=save",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Web.Token(SaveForm(result)) }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var link = saved.Headers.Location!.OriginalString;
        Assert.Matches("^/advisor/saved/[A-Za-z0-9_-]{22}$", link);

        var anonymous = App.Browser(); // another person, no cookies
        var page = await anonymous.HtmlAsync(link);
        Assert.Contains("Idéburet offentligt partnerskap (IOP)", page);
        Assert.Contains("Sparat råd", page);
        Assert.Contains(link, page);
        var english = await anonymous.HtmlAsync(link + "?culture=en");
        Assert.Contains("Civil–public partnership (IOP)", english);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/advisor/saved/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        var forged = await anonymous.PostAsync("/advisor/result?" + Iop + "&handler=save", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    /// The save form itself must carry its antiforgery token (not borrow one from another form on the page).
    private static string SaveForm(string html)
    {
        var start = html.IndexOf("handler=save", StringComparison.Ordinal);
        Assert.True(start > 0, "no save form");
        return html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_knowledge_bank_is_browsable_searchable_and_linked_from_the_advisor()
    {
        var client = App.Browser();
        var index = await client.HtmlAsync("/knowledge");
        Assert.Contains("href=\"/knowledge/six-pitfalls\"", index);
        var search = await client.HtmlAsync("/knowledge?q=partnerskap");
        Assert.Contains("href=\"/knowledge/iop\"", search);
        var article = await client.HtmlAsync("/knowledge/iop?culture=en");
        Assert.Contains("id=\"headings\"", article);
        Assert.Contains("href=\"/advisor\"", article);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/knowledge/no-such-article")).StatusCode);
        var result = await client.HtmlAsync("/advisor/result?" + Iop);
        Assert.Contains("href=\"/knowledge/iop\"", result);
    }
}

[Collection(SqliteCollection.Name)] public sealed class AdvisorWebTestsOnSqlite(SqliteApp fx) : AdvisorWebTests(fx);
[Collection(PostgresCollection.Name)] public sealed class AdvisorWebTestsOnPostgres(PostgresApp fx) : AdvisorWebTests(fx);
