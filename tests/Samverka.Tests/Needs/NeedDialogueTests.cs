using System.Net;
using System.Text.RegularExpressions;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Needs;

/// Questions with public answers, organisations' responses, officers' replies with waiting times, and the median
/// response time on the municipality's page.
public abstract class NeedDialogueTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private async Task<string> MentalHealthNeedAsync() =>
        Regex.Match(await App.Browser().HtmlAsync("/needs"), "href=\"/needs/([0-9a-f-]{36})\">Stöd för ungas psykiska hälsa").Groups[1].Value;

    [Fact]
    public async Task A_question_is_answered_in_public_and_a_response_is_replied_to()
    {
        var id = await MentalHealthNeedAsync();
        var question = "Kan flera föreningar svara tillsammans? " + Guid.NewGuid().ToString("N")[..6];

        var dalia = App.Browser();
        await dalia.SignInAsync("admin@dalia.example");
        var tooShort = await dalia.SubmitAsync($"/needs/{id}", new Dictionary<string, string> { ["QuestionText"] = "Hej?" }, action: $"/needs/{id}?handler=ask");
        Assert.Contains("Skriv frågan med 10–1 000 tecken", await tooShort.Content.ReadAsStringAsync());
        var asked = await dalia.SubmitAsync($"/needs/{id}", new Dictionary<string, string> { ["QuestionText"] = question }, action: $"/needs/{id}?handler=ask");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains(question, await dalia.HtmlAsync($"/needs/{id}")); // the asker sees it waiting
        Assert.DoesNotContain(question, await App.Browser().HtmlAsync($"/needs/{id}")); // the public does not, yet

        var respond = await dalia.SubmitAsync($"/needs/{id}", new Dictionary<string, string>
        {
            ["OrganisationId"] = Regex.Match(await dalia.HtmlAsync($"/needs/{id}"), "<option value=\"([0-9a-f-]{36})\"[^>]*>Tjejjouren Dalia").Groups[1].Value,
            ["Kind"] = "Proposal", ["ResponseText"] = "Vi driver stödchatt och skolutbildningar för tjejer 10–30 och vill göra det långsiktigt.",
        }, action: $"/needs/{id}?handler=respond");
        Assert.Equal(HttpStatusCode.Redirect, respond.StatusCode);

        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var desk = await officer.HtmlAsync($"/needs/{id}");
        Assert.Contains("väntat 0 timmar", desk);
        Assert.Contains("Vi driver stödchatt", desk);
        var questionId = Regex.Match(desk, "name=\"ItemId\" value=\"([0-9a-f-]{36})\">\\s*<div class=\"field\">\\s*<label class=\"label\" for=\"answer-").Groups[1].Value;
        Assert.NotEmpty(questionId);
        var answered = await officer.SubmitAsync($"/needs/{id}", new Dictionary<string, string>
        {
            ["ItemId"] = questionId, ["ReplyText"] = "Ja, gärna som ett kluster med en samordnande förening.",
        }, action: $"/needs/{id}?handler=answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var publicPage = await App.Browser().HtmlAsync($"/needs/{id}");
        Assert.Contains("Ja, gärna som ett kluster med en samordnande förening.", publicPage);
        Assert.DoesNotContain("Vi driver stödchatt", publicPage); // responses are not public

        var responseId = Regex.Match(await officer.HtmlAsync($"/needs/{id}"), "name=\"ItemId\" value=\"([0-9a-f-]{36})\">\\s*<div class=\"field\">\\s*<label class=\"label\" for=\"reply-").Groups[1].Value;
        var replied = await officer.SubmitAsync($"/needs/{id}", new Dictionary<string, string>
        {
            ["ItemId"] = responseId, ["ReplyText"] = "Tack! Vi bjuder in till ett möte i januari.",
        }, action: $"/needs/{id}?handler=reply");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        Assert.Contains("Tack! Vi bjuder in till ett möte i januari.", await dalia.HtmlAsync($"/needs/{id}"));
        Assert.Contains("Kommunen svarar på frågor och förslag om behov på i median", await App.Browser().HtmlAsync("/municipalities/2081"));
    }

    /// The dialogue refuses markup under the same rule as every other form: a plain "<" in a comparison is text.
    [Fact]
    public async Task A_question_may_compare_ages_but_carries_no_markup()
    {
        var id = await MentalHealthNeedAsync();
        var dalia = App.Browser();
        await dalia.SignInAsync("admin@dalia.example");
        var markup = await dalia.SubmitAsync($"/needs/{id}", new Dictionary<string, string> { ["QuestionText"] = "Får svaret innehålla <b>fet</b> text?" },
            action: $"/needs/{id}?handler=ask");
        Assert.Contains("Din fråga får inte innehålla HTML-kod", await markup.Content.ReadAsStringAsync());
        var question = "Gäller behovet även barn < 12 år? " + Guid.NewGuid().ToString("N")[..6];
        var asked = await dalia.SubmitAsync($"/needs/{id}", new Dictionary<string, string> { ["QuestionText"] = question }, action: $"/needs/{id}?handler=ask");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains(question.Replace("<", "&lt;"), await dalia.HtmlAsync($"/needs/{id}"));
    }

    [Fact]
    public async Task Only_staff_answer_and_only_members_respond_for_their_organisation()
    {
        var id = await MentalHealthNeedAsync();
        var dalia = App.Browser();
        await dalia.SignInAsync("admin@dalia.example");
        var forbidden = await dalia.SubmitAsync($"/needs/{id}", new Dictionary<string, string>
        {
            ["ItemId"] = Guid.NewGuid().ToString(), ["ReplyText"] = "Jag svarar själv",
        }, action: $"/needs/{id}?handler=answer");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        var notMine = await falun.SubmitAsync($"/needs/{id}", new Dictionary<string, string>
        {
            ["ItemId"] = Guid.NewGuid().ToString(), ["ReplyText"] = "Svar från fel kommun",
        }, action: $"/needs/{id}?handler=answer");
        Assert.Equal(HttpStatusCode.Forbidden, notMine.StatusCode);

        // Someone who is not a member cannot respond in an organisation's name.
        var stranger = App.Browser();
        await stranger.SignInAsync("handlaggare@falun.example");
        var response = await stranger.SubmitAsync($"/needs/{id}", new Dictionary<string, string>
        {
            ["OrganisationId"] = Guid.NewGuid().ToString(), ["Kind"] = "Interest", ["ResponseText"] = "Vi vill gärna vara med i detta.",
        }, action: $"/needs/{id}?handler=respond");
        Assert.Contains("Välj en organisation som du hör till", await response.Content.ReadAsStringAsync());

        var anonymous = await App.Browser().PostAsync($"/needs/{id}?handler=ask", new FormUrlEncodedContent(new Dictionary<string, string> { ["QuestionText"] = "En fråga utan konto" }));
        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode); // no antiforgery token, no account
    }
}

[Collection(SqliteCollection.Name)] public sealed class NeedDialogueTestsOnSqlite(SqliteApp fx) : NeedDialogueTests(fx);
[Collection(PostgresCollection.Name)] public sealed class NeedDialogueTestsOnPostgres(PostgresApp fx) : NeedDialogueTests(fx);
