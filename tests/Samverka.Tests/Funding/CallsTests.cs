using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Funding;

/// Issue 17, programmes and calls: the public board and API, a call page with everything an applicant needs and its
/// deadline as iCalendar, and the municipality's desk — a programme with its form and criteria, a call drafted,
/// refused when wrong, published, turned from a need, and cancelled. Drafts stay inside their municipality.
public abstract class CallsTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;
    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_demo_calls_are_on_the_board_and_in_the_api_with_their_filters()
    {
        var board = await App.Browser().HtmlAsync("/funding");
        Assert.Contains("Ungt initiativ – vårens omgång", board);
        Assert.Contains("Grundbidrag " + (DateTime.UtcNow.Year + 1), board);

        var youth = await App.Browser().HtmlAsync("/funding?kind=YouthInitiative");
        Assert.Contains("Ungt initiativ – vårens omgång", youth);
        Assert.DoesNotContain("Grundbidrag " + (DateTime.UtcNow.Year + 1), youth);
        // A deadline filter before both deadlines leaves none, and says so.
        Assert.Contains("Inga utlysningar passar filtret", await App.Browser().HtmlAsync($"/funding?closesBy={Day(1)}"));
        Assert.Contains("Skriv datumet som år-månad-dag", await App.Browser().HtmlAsync("/funding?closesBy=31%2F3"));

        var json = JsonNode.Parse(await App.Browser().GetStringAsync("/api/v1/calls?municipality=2081"))!;
        var items = json["items"]!.AsArray();
        var call = items.Single(i => i!["title"]!.GetValue<string>() == "Ungt initiativ – vårens omgång")!;
        Assert.Equal("YouthInitiative", call["kind"]!.GetValue<string>());
        Assert.Equal("SEK", call["currency"]!.GetValue<string>());
        Assert.Matches(@"/funding/calls/[0-9a-f-]{36}$", call["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Browser().GetAsync("/api/v1/calls?kind=Lottery")).StatusCode);

        var detail = JsonNode.Parse(await App.Browser().GetStringAsync($"/api/v1/calls/{call["id"]!.GetValue<string>()}"))!;
        Assert.Contains("InformalGroup", detail["legalForms"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(5, detail["questions"]!.AsArray().Count);
        Assert.Equal(13, detail["ageFrom"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_call_page_says_who_may_apply_what_is_asked_and_gives_the_deadline_as_icalendar()
    {
        var id = await CallIdAsync("Grundbidrag " + (DateTime.UtcNow.Year + 1));
        var page = await App.Browser().HtmlAsync($"/funding/calls/{id}");
        Assert.Contains("Kan sökas av: Ideell förening", page);
        Assert.Contains("Minst 10 medlemmar", page);
        Assert.Contains("Beskriv föreningens verksamhet under året som gått", page);
        Assert.Contains("Revisionsberättelse", page);
        Assert.Contains("Verksamhet för barn och unga", page);
        Assert.Contains("I delbetalningar: 60 % och 40 %", page);
        Assert.Contains("minskas med 10 % per påbörjad vecka", page);
        Assert.Contains("laglighetsprövning", page);

        var english = await App.Browser().HtmlAsync($"/funding/calls/{id}?culture=en");
        Assert.Contains("Who may apply?", english);
        Assert.Contains("At least 10 members", english);

        var ics = await App.Browser().GetAsync($"/api/v1/calls/{id}/deadline.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Matches(@"DTSTART;VALUE=DATE:\d{8}", text);
        Assert.Contains($"/funding/calls/{id}", text.Replace("\r\n ", ""));
        Assert.Contains("Sista dag att ansöka", text);
    }

    private async Task<string> CallIdAsync(string title)
    {
        var board = await App.Browser().HtmlAsync("/funding?pageSize=100");
        var id = Regex.Match(board, $"/funding/calls/([0-9a-f-]{{36}})\">{Regex.Escape(title)}<").Groups[1].Value;
        Assert.NotEmpty(id);
        return id;
    }

    [Fact]
    public async Task An_officer_sets_up_a_programme_with_its_form_and_opens_a_call_that_stays_a_draft_until_published()
    {
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var name = "Lokalbidrag " + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = name, ["Input.Kind"] = "PremisesGrant", ["Input.DepartmentId"] = "", ["Input.Purpose"] = "Hjälp med hyran för föreningar med egen lokal.",
            ["Input.LegalForms"] = "NonProfitAssociation", ["Input.LocalOnly"] = "true", ["Input.Budget"] = "300000", ["Input.Currency"] = "SEK",
            ["Input.PaymentSchedule"] = "50,40", ["Input.Recurrence"] = "Yearly", ["Input.Decider"] = "DelegatedOfficer", ["Input.Late"] = "Refused",
            ["Input.ReportDueDays"] = "60",
        };
        var bad = await officer.SubmitAsync("/municipalities/2081/funding/programmes/new", fields);
        Assert.Contains("som tillsammans blir 100", await bad.Content.ReadAsStringAsync());
        fields["Input.PaymentSchedule"] = "50, 50";
        var saved = await officer.SubmitAsync("/municipalities/2081/funding/programmes/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var form = saved.Headers.Location!.OriginalString;
        Assert.Matches(@"^/municipalities/2081/funding/programmes/[0-9a-f-]{36}/form$", form);
        var programmeId = form.Split('/')[^2];

        // A choice needs options; then the question and a criterion are on the form page.
        var noOptions = await officer.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Question.Group"] = "Lokalen", ["Question.Label"] = "Vilken sorts lokal?", ["Question.Kind"] = "Choice", ["Question.Required"] = "true",
        }, form + "?handler=addQuestion");
        Assert.Contains("minst två alternativ", await noOptions.Content.ReadAsStringAsync());
        var added = await officer.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Question.Group"] = "Lokalen", ["Question.Label"] = "Vilken sorts lokal?", ["Question.Kind"] = "Choice", ["Question.Required"] = "true",
            ["Question.Choices"] = "Hyrd\nÄgd",
        }, form + "?handler=addQuestion");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        var criterion = await officer.SubmitAsync(form, new Dictionary<string, string> { ["Criterion.Title"] = "Lokalen används av många", ["Criterion.Weight"] = "2" }, form + "?handler=addCriterion");
        Assert.Equal(HttpStatusCode.Redirect, criterion.StatusCode);
        var formPage = await officer.HtmlAsync(form);
        Assert.Contains("Vilken sorts lokal?", formPage);
        Assert.Contains("Hyrd · Ägd", formPage);
        Assert.Contains("Lokalen används av många", formPage);

        // A call larger than the budget, or closing before it opens, is refused with the reason.
        var call = new Dictionary<string, string>
        {
            ["Input.ProgrammeId"] = programmeId, ["Input.Title"] = name + " – ansökan", ["Input.Description"] = "Sök bidrag till hyran.",
            ["Input.Pot"] = "400000", ["Input.Opens"] = Day(0), ["Input.Closes"] = Day(-1), ["go"] = "save",
        };
        var refused = await officer.SubmitAsync($"/municipalities/2081/funding/calls/new?programme={programmeId}", call, "/municipalities/2081/funding/calls/new");
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("mer än programmets budget, 300", refusedHtml);
        Assert.Contains("kan inte vara före den dag utlysningen öppnar", refusedHtml);
        call["Input.Pot"] = "300000";
        call["Input.Closes"] = Day(20);
        var draft = await officer.SubmitAsync($"/municipalities/2081/funding/calls/new?programme={programmeId}", call, "/municipalities/2081/funding/calls/new");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var link = draft.Headers.Location!.OriginalString;
        var callId = link.Split('/')[^1];

        // The draft: not on the board, not found by the public or another municipality, refused on its desk.
        Assert.DoesNotContain(name, await App.Browser().HtmlAsync("/funding"));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/api/v1/calls/{callId}")).StatusCode);
        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.NotFound, (await falun.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync("/municipalities/2081/funding")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync($"/municipalities/2081/funding/calls/{callId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync(form)).StatusCode);
        Assert.Contains("Utkastet syns bara för kommunens personal", await officer.HtmlAsync(link));

        call["go"] = "publish";
        var published = await officer.SubmitAsync($"/municipalities/2081/funding/calls/{callId}", call);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains(name, await App.Browser().HtmlAsync("/funding?kind=PremisesGrant"));
        var page = await App.Browser().HtmlAsync(link);
        Assert.Contains("Vilken sorts lokal?", page);
        Assert.Contains("I delbetalningar: 50 % och 50 %", page);

        // Cancelled: off the board, the page stays and says so.
        var cancel = await officer.SubmitAsync($"/municipalities/2081/funding/calls/{callId}?confirmCancel=true", new Dictionary<string, string> { ["go"] = "cancel" },
            $"/municipalities/2081/funding/calls/{callId}");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.DoesNotContain(name, await App.Browser().HtmlAsync("/funding"));
        Assert.Contains("Utlysningen är inställd", await App.Browser().HtmlAsync(link));
    }

    [Fact]
    public async Task A_need_becomes_a_call_for_its_municipalitys_staff_only()
    {
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var needs = await officer.HtmlAsync("/needs?municipality=2081");
        var needId = Regex.Match(needs, "/needs/([0-9a-f-]{36})\">Fler unga i föreningslivet").Groups[1].Value;
        Assert.NotEmpty(needId);
        var action = $"/municipalities/2081/funding/calls/new?need={needId}";
        Assert.Contains($"href=\"{action}\"", await officer.HtmlAsync($"/needs/{needId}"));
        Assert.DoesNotContain("funding/calls/new", await App.Browser().HtmlAsync($"/needs/{needId}"));

        var prefilled = await officer.HtmlAsync(action);
        Assert.Contains("value=\"Fler unga i föreningslivet i Jakobsgårdarna och Tjärna ängar\"", prefilled);
        Assert.Contains("Fler barn och unga i stadsdelarna deltar", prefilled);
        // The need's budget as a plain number (a stored scale such as 250000.0 would not post back in Swedish).
        Assert.Contains("value=\"250000\"", prefilled);
        var programmeId = Regex.Match(prefilled, "<option value=\"([0-9a-f-]{36})\"[^>]*>Grundbidrag till föreningar<").Groups[1].Value;
        var saved = await officer.SubmitAsync(action, new Dictionary<string, string>
        {
            ["Input.ProgrammeId"] = programmeId, ["Input.Title"] = "Fler unga i föreningslivet – utlysning", ["Input.Description"] = "Från behovet.",
            ["Input.Pot"] = "250000", ["Input.Opens"] = Day(0), ["Input.Closes"] = Day(30), ["go"] = "publish",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await App.Browser().HtmlAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains($"href=\"/needs/{needId}\"", page);

        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync(action)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)] public sealed class CallsTestsOnSqlite(SqliteApp fx) : CallsTests(fx);
[Collection(PostgresCollection.Name)] public sealed class CallsTestsOnPostgres(PostgresApp fx) : CallsTests(fx);
