using System.Net;
using System.Text.RegularExpressions;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Municipalities;

/// The municipality profile: public sections kept by admins and coordinators, each list asking for what it needs.
public abstract class ProfileTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    [Fact]
    public async Task The_public_profile_shows_organisation_coordinators_strategies_support_and_compacts()
    {
        var html = await App.Browser().HtmlAsync("/municipalities/2081");
        foreach (var text in new[] { "Så är kommunen organiserad", "Kultur- och fritidsnämnden", "Samordnare för civilsamhället",
                     "samordnare@borlange.example", "Dalarnas ungdomsstrategi 2021–2024", "Unga har en god och jämlik fysisk, psykisk och social hälsa.",
                     "Stöd till organisationer", "Så ber ni om det:", "Överenskommelser och principer", "/municipalities/2081/calendar" })
            Assert.Contains(text, html);
        Assert.DoesNotContain("/profile/", html); // no edit links for visitors
        var english = await App.Browser().HtmlAsync("/municipalities/2081?culture=en");
        Assert.Contains("How the municipality is organised", english);
    }

    [Fact]
    public async Task A_coordinator_adds_a_strategy_with_goals_and_bad_input_is_explained()
    {
        var client = App.Browser();
        await client.SignInAsync("samordnare@borlange.example");
        var name = "Fritidsplan " + Guid.NewGuid().ToString("N")[..6];

        var bad = await client.SubmitAsync("/municipalities/2081/profile/strategies/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.Text"] = "Syfte", ["Input.FromYear"] = "2027", ["Input.ToYear"] = "2025",
            ["Input.Url"] = "javascript:alert(1)", ["Input.Goals"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Namn måste fyllas i", errors);
        Assert.Contains("Slutåret kan inte vara före startåret", errors);
        Assert.Contains("https://", errors); // the web address rule explains the expected form

        var ok = await client.SubmitAsync("/municipalities/2081/profile/strategies/new", new Dictionary<string, string>
        {
            ["Input.Title"] = name, ["Input.Text"] = "Fler unga i föreningslivet.", ["Input.FromYear"] = "2026", ["Input.ToYear"] = "2028",
            ["Input.Goals"] = "Fler unga är med i en förening\nFler tjejer idrottar", ["Input.Url"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await App.Browser().HtmlAsync("/municipalities/2081");
        Assert.Contains(name, page);
        Assert.Contains("Fler tjejer idrottar", page);

        // Editing keeps the goals that did not change (their ids are what others link to).
        var own = await client.HtmlAsync("/municipalities/2081");
        var id = Regex.Match(own, "/municipalities/2081/profile/strategies/([0-9a-f-]{36})\">Ändra<span class=\"visually-hidden\"> " + name).Groups[1].Value;
        var goalId = Regex.Match(own, "id=\"goal-([0-9a-f-]{36})\">Fler unga är med i en förening").Groups[1].Value;
        Assert.NotEmpty(goalId);
        var edited = await client.SubmitAsync($"/municipalities/2081/profile/strategies/{id}", new Dictionary<string, string>
        {
            ["Input.Title"] = name, ["Input.Text"] = "Fler unga i föreningslivet.", ["Input.FromYear"] = "2026", ["Input.ToYear"] = "2028",
            ["Input.Goals"] = "Fler unga är med i en förening\nFler unga leder själva", ["Input.Url"] = "",
        });
        Assert.True(edited.StatusCode == HttpStatusCode.Redirect, await edited.Content.ReadAsStringAsync());
        var after = await App.Browser().HtmlAsync("/municipalities/2081");
        Assert.Contains($"id=\"goal-{goalId}\">Fler unga är med i en förening", after);
        Assert.DoesNotContain("Fler tjejer idrottar", after);

        // Removing asks first.
        Assert.Contains("Det går inte att ångra", await client.HtmlAsync($"/municipalities/2081/profile/strategies/{id}?confirmDelete=true"));
        var removed = await client.SubmitAsync($"/municipalities/2081/profile/strategies/{id}?confirmDelete=true", new Dictionary<string, string>(),
            action: $"/municipalities/2081/profile/strategies/{id}?handler=delete");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(name, await App.Browser().HtmlAsync("/municipalities/2081"));
    }

    [Fact]
    public async Task Each_list_asks_for_its_own_required_fields()
    {
        var client = App.Browser();
        await client.SignInAsync("kommunadmin@borlange.example");
        var response = await client.SubmitAsync("/municipalities/2081/profile/coordinators/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Ny samordnare", ["Input.Detail"] = "", ["Input.Email"] = "inte-en-adress", ["Input.Phone"] = "ring mig",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Roll måste fyllas i", html);
        Assert.Contains("Skriv en e-postadress i rätt format", html);
        Assert.Contains("Skriv ett telefonnummer med siffror", html);

        var support = await client.SubmitAsync("/municipalities/2081/profile/support/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Council", ["Input.Title"] = "Något", ["Input.Text"] = "Text", ["Input.Detail"] = "Mejla oss",
        });
        Assert.Contains("Typ av stöd: välj ett alternativ", await support.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/municipalities/2081/profile/secrets/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/municipalities/2081/profile/3/new")).StatusCode);
    }

    [Fact]
    public async Task Only_the_municipalitys_admins_and_coordinators_change_its_profile()
    {
        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync("/municipalities/2081/profile/support/new")).StatusCode);
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/municipalities/2081/profile/support/new")).StatusCode);
        var anonymous = await App.Browser().GetAsync("/municipalities/2081/profile/support/new");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
    }
}

[Collection(SqliteCollection.Name)] public sealed class ProfileTestsOnSqlite(SqliteApp fx) : ProfileTests(fx);
[Collection(PostgresCollection.Name)] public sealed class ProfileTestsOnPostgres(PostgresApp fx) : ProfileTests(fx);
