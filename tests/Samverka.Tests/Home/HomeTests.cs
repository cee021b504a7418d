using System.Net;
using System.Text.RegularExpressions;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Home;

/// The home page leads somewhere (search, open needs by municipality, the advisor's first question, municipalities,
/// partnerships; a signed-in person's own work first), and a municipality's page leads its staff to the register desk.
public abstract class HomeTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, @">\s+<", "><"));

    [Fact]
    public async Task The_home_page_searches_the_register_lists_open_needs_and_starts_the_advisor()
    {
        var home = Text(await App.Browser().HtmlAsync("/"));
        Assert.Contains("<form method=\"get\" action=\"/organisations\" role=\"search\"", home);
        Assert.Contains("name=\"q\"", home);
        Assert.Contains("<form method=\"get\" action=\"/\"", home);
        Assert.Contains("<option value=\"2081\">Borlänge</option>", home);
        Assert.Contains("Stöd för ungas psykiska hälsa", home);
        Assert.Matches("<form method=\"get\" action=\"/advisor/q/[a-z-]+\" novalidate>", home);
        Assert.Contains("<a href=\"/municipalities/2081\">Borlänge</a>", home);
        Assert.Contains("Kompisar i Borlänge – IOP om inkludering", home);
        Assert.Contains("<a class=\"button\" href=\"/account/register\">", home);
        Assert.DoesNotContain("href=\"/my\"", home);

        // Choosing a municipality is a plain GET: Falun has no open needs in the demo data, Borlänge has.
        var falun = Text(await App.Browser().HtmlAsync("/?municipality=2080"));
        Assert.Contains("Öppna behov i Falun", falun);
        Assert.Contains("<option value=\"2080\" selected=\"selected\">Falun</option>", falun);
        Assert.DoesNotContain("Stöd för ungas psykiska hälsa", falun);
        Assert.Contains("<a href=\"/needs?municipality=2080\">", falun);
    }

    [Fact]
    public async Task A_signed_in_person_sees_their_own_work_first()
    {
        var client = App.Browser();
        await client.SignInAsync("handlaggare@borlange.example");
        var home = Text(await client.HtmlAsync("/"));
        var work = home.IndexOf("<h2 id=\"home-work\">Ditt arbete</h2>", StringComparison.Ordinal);
        Assert.True(work > 0 && work < home.IndexOf("id=\"home-search\"", StringComparison.Ordinal));
        Assert.Contains("Skolutbildning om psykisk hälsa – Tjejjouren Dalia", home[work..]);
        Assert.Matches("<a href=\"/my\">(Se allt ditt arbete \\(\\d+\\)|Till Mitt arbete)</a>", home);
        // Staff see their own municipality's open needs without choosing.
        Assert.Contains("Öppna behov i Borlänge", home);
    }

    [Fact]
    public async Task The_municipality_page_links_its_staff_to_the_register_desk()
    {
        const string desk = "<li><a href=\"/municipalities/2081/register\">Granska registret</a></li>";
        foreach (var email in new[] { "handlaggare@borlange.example", "samordnare@borlange.example", "kommunadmin@borlange.example" })
        {
            var client = App.Browser();
            await client.SignInAsync(email);
            Assert.Contains(desk, Text(await client.HtmlAsync("/municipalities/2081")));
        }
        Assert.DoesNotContain("/municipalities/2081/register", Text(await App.Browser().HtmlAsync("/municipalities/2081")));
        foreach (var email in new[] { "handlaggare@falun.example", "medlem@dalia.example" })
        {
            var client = App.Browser();
            await client.SignInAsync(email);
            Assert.DoesNotContain("/municipalities/2081/register", Text(await client.HtmlAsync("/municipalities/2081")));
        }
    }
}

[Collection(SqliteCollection.Name)] public sealed class HomeTestsOnSqlite(SqliteApp fx) : HomeTests(fx);
[Collection(PostgresCollection.Name)] public sealed class HomeTestsOnPostgres(PostgresApp fx) : HomeTests(fx);
