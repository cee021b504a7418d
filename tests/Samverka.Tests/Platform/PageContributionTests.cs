using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Register;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// Pages of lower features show what higher ones contribute (IPageContribution, IStatisticsContributor) exactly where
/// and as they showed it when the links were written into the pages: same addresses, texts, order and audience.
/// The layout's menus come from the manifests in the same order.
public abstract class PageContributionTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private static string Flat(string html) => Regex.Replace(html, @">\s+<", "><");

    private async Task<HttpClient> AsAsync(string email)
    {
        var client = App.Browser();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task The_organisation_page_offers_a_partnership_to_municipal_staff_and_fitting_needs_to_members()
    {
        var dalia = App.With(db => db.Organisations().Single(o => o.Name == "Tjejjouren Dalia").Id);
        var start = $"<p><a href=\"/partnerships/new?organisation={dalia}\">Starta ett partnerskap med Tjejjouren Dalia</a></p>";

        var officer = Flat(await (await AsAsync("handlaggare@borlange.example")).HtmlAsync($"/organisations/{dalia}"));
        Assert.Contains(start, officer);
        Assert.DoesNotContain($"/organisations/{dalia}/needs", officer);

        var visitor = Flat(await App.Browser().HtmlAsync($"/organisations/{dalia}"));
        Assert.DoesNotContain("/partnerships/new", visitor);

        var member = Flat(await (await AsAsync("medlem@dalia.example")).HtmlAsync($"/organisations/{dalia}"));
        Assert.DoesNotContain("/partnerships/new", member); // an organisation does not start one with itself
        Assert.Contains($"<ul class=\"plain-list\"><li><a href=\"/organisations/{dalia}/needs\">Behov som passar er</a></li><li><a href=\"/organisations/{dalia}/team\">", member);
    }

    [Fact]
    public async Task The_municipality_page_lists_needs_and_partnerships_in_place()
    {
        const string calendar = "<li><a href=\"/municipalities/2081/calendar\">";
        const string needs = "<li><a href=\"/needs?municipality=2081\">Kommunens öppna behov</a></li>";
        const string funding = "<li><a href=\"/funding?municipality=2081\">Bidrag att söka</a></li>";
        const string partnerships = "<li><a href=\"/partnerships?municipality=2081\">Partnerskap i Borlänge</a></li>";
        const string start = "<li><a href=\"/partnerships/new?municipality=2081\">Starta ett partnerskap med Borlänge</a></li>";
        const string knowledge = "<li><a href=\"/knowledge/prepare\">";

        var visitor = Flat(await App.Browser().HtmlAsync("/municipalities/2081"));
        Assert.Matches(Regex.Escape(calendar) + "[^<]*</a></li>" + Regex.Escape(needs + funding + partnerships + knowledge), visitor);
        Assert.DoesNotContain("/municipalities/2081/needs\"", visitor);

        var member = Flat(await (await AsAsync("medlem@dalia.example")).HtmlAsync("/municipalities/2081"));
        Assert.Contains(needs + funding + partnerships + start + knowledge, member);

        var officer = Flat(await (await AsAsync("handlaggare@borlange.example")).HtmlAsync("/municipalities/2081"));
        Assert.DoesNotContain("/partnerships/new", officer); // staff do not start one with their own municipality
        Assert.Matches("<li><a href=\"/municipalities/2081/team\">[^<]*</a></li><li><a href=\"/municipalities/2081/needs\">Kommunens behov</a></li><li><a href=\"/municipalities/2081/funding\">Bidrag – handläggning</a></li><li><a href=\"/municipalities/2081/stakeholders\">", officer);
    }

    [Fact]
    public async Task The_municipality_page_states_the_median_response_time_of_the_needs_board()
    {
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var question = App.With(db =>
        {
            var need = db.Needs().First(n => n.Status == NeedStatus.Open && db.Tenants.Any(t => t.Id == n.TenantId && t.Code == "2081"));
            var q = new NeedQuestion
            {
                NeedId = need.Id, TenantId = need.TenantId, AskedByUserId = "page-contribution-test", Text = "Hur?",
                AskedAt = now.AddDays(-2), Answer = "Så.", AnsweredAt = now.AddDays(-2).AddHours(3),
            };
            db.NeedQuestions().Add(q);
            db.SaveChanges();
            return q.Id;
        });
        try
        {
            // Other tests answer Borlänge's questions too: the sentence states the median of all of them.
            var median = await App.WithAsync(db => db.MedianResponseTimeAsync(
                db.Tenants.Single(t => t.Code == "2081").Id, App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, default));
            Assert.NotNull(median);
            var (hours, days) = (Math.Max(1, (int)Math.Round(median.Value.TotalHours)), (int)Math.Round(median.Value.TotalDays));
            var time = median.Value.TotalHours < 48 ? $"{hours} {(hours == 1 ? "timme" : "timmar")}" : $"{days} {(days == 1 ? "dag" : "dagar")}";
            var html = Flat(await App.Browser().HtmlAsync("/municipalities/2081"));
            Assert.Contains($"<h2>Samverka med kommunen</h2><p>Kommunen svarar på frågor och förslag om behov på i median {time}.</p><ul class=\"plain-list\">", html);
        }
        finally
        {
            App.With(db => db.NeedQuestions().Where(q => q.Id == question).ExecuteDelete());
        }
    }

    [Fact]
    public async Task The_region_page_has_an_open_needs_column()
    {
        var html = Flat(await App.Browser().HtmlAsync("/regions/20"));
        Assert.Contains("<tr><th scope=\"col\">Kommun</th><th scope=\"col\">Samordnare</th><th scope=\"col\" class=\"num\">Öppna behov</th></tr>", html);
        Assert.Matches("<td class=\"num\"><a href=\"/needs\\?municipality=2081\">[1-9][0-9]*<span class=\"visually-hidden\"> Öppna behov, Borlänge</span></a></td>", html);
        Assert.Contains("<td class=\"num\"><span>0</span></td>", html);
    }

    [Fact]
    public async Task Saved_advice_offers_to_start_a_partnership()
    {
        const string iop = "country=SE&year=2026&legal-form=non-profit-association&profit-distributing=no&purpose=solve-together&market=no&initiative=organisation&both-contribute=yes&yearly-value=800000&duration=more-than-three-years&compact=yes&track-record=established";
        var client = App.Browser();
        var result = await client.HtmlAsync("/advisor/result?" + iop);
        var form = result[result.IndexOf("handler=save", StringComparison.Ordinal)..];
        var saved = await client.PostAsync("/advisor/result?" + iop + "&handler=save",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Web.Token(form) }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var link = saved.Headers.Location!.OriginalString;
        var token = link["/advisor/saved/".Length..];
        var page = Flat(await App.Browser().HtmlAsync(link));
        Assert.Contains($"<p><a class=\"button\" href=\"/partnerships/new?advice={token}\">Starta ett partnerskap med den här formen</a></p>", page);
    }

    [Fact]
    public async Task The_menus_come_from_the_manifests_in_order()
    {
        var html = Flat(await App.Browser().HtmlAsync("/municipalities/2081"));
        Assert.Contains("<ul class=\"container nav__list\">"
            + "<li><a href=\"/\">Start</a></li>"
            + "<li><a href=\"/municipalities\" aria-current=\"page\">Kommuner</a></li>"
            + "<li><a href=\"/organisations\">Organisationer</a></li>"
            + "<li><a href=\"/needs\">Behov</a></li>"
            + "<li><a href=\"/funding\">Bidrag</a></li>"
            + "<li><a href=\"/partnerships\">Partnerskap</a></li>"
            + "<li><a href=\"/advisor\">Samverkansform</a></li>"
            + "<li><a href=\"/knowledge\">Kunskapsbank</a></li></ul>", html);
        Assert.Contains("<ul class=\"footer__links\"><li><a href=\"/accessibility\">Tillgänglighet</a></li><li><a href=\"/api/v1/municipalities\">Öppna data (API)</a></li></ul>", html);
        Assert.DoesNotContain("href=\"/admin\"", html);
        Assert.Contains("<li><a href=\"/\" aria-current=\"page\">Start</a></li>", Flat(await App.Browser().HtmlAsync("/")));

        var admin = Flat(await (await AsAsync("admin@samverka.example")).HtmlAsync("/admin"));
        Assert.Contains("<ul class=\"account-nav__list\"><li><a href=\"/my\">Mitt arbete</a></li><li><a href=\"/admin\" aria-current=\"page\">Administration</a></li><li><a href=\"/account\">Mitt konto</a></li>", admin);
    }
}

[Collection(SqliteCollection.Name)] public sealed class PageContributionTestsOnSqlite(SqliteApp fx) : PageContributionTests(fx);
[Collection(PostgresCollection.Name)] public sealed class PageContributionTestsOnPostgres(PostgresApp fx) : PageContributionTests(fx);
