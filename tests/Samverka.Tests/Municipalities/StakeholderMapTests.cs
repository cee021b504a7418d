using System.Net;
using System.Text.RegularExpressions;
using Samverka.Features.Municipalities.Stakeholders;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Municipalities;

/// The stakeholder map: staff place people and bodies on influence × interest, drawn as SVG with a table, edited
/// with plain forms; nobody outside the municipality sees it.
public abstract class StakeholderMapTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    [Fact]
    public async Task Staff_see_the_map_as_a_picture_and_a_table()
    {
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var html = await officer.HtmlAsync("/municipalities/2081/stakeholders");
        Assert.Contains("<svg", html);
        Assert.Contains("role=\"img\"", html);
        Assert.Contains("aria-labelledby=\"map-title map-desc\"", html);
        Assert.Matches("<th scope=\"row\">Socialnämnden", html);
        // Socialnämnden has influence 5 and interest 4: the top right quadrant.
        Assert.Matches(new Regex("Socialnämnden\\s*<br>\\s*<span class=\"muted\">[^<]+</span>\\s*</th>\\s*<td>5</td>\\s*<td>4</td>\\s*<td>Involvera nära</td>"), html);
        Assert.Contains("Håll koll", html); // the local businesses, low and low
    }

    [Fact]
    public async Task Nobody_outside_the_municipality_sees_or_changes_the_map()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await App.Browser().GetAsync("/municipalities/2081/stakeholders")).StatusCode);
        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync("/municipalities/2081/stakeholders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync("/municipalities/2081/stakeholders/new")).StatusCode);
        var member = App.Browser();
        await member.SignInAsync("admin@dalia.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/municipalities/2081/stakeholders")).StatusCode);
        var some = App.With(db => db.Set<Stakeholder>().First().Id);
        var forged = await falun.PostAsync($"/municipalities/2081/stakeholders/{some}?handler=delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Web.Token(await falun.HtmlAsync("/municipalities/2080/stakeholders")),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.True(App.With(db => db.Set<Stakeholder>().Any(s => s.Id == some)));
    }

    [Fact]
    public async Task A_stakeholder_is_added_with_validation_moved_and_removed_after_confirmation()
    {
        var officer = App.Browser();
        await officer.SignInAsync("samordnare@borlange.example");
        var bad = await officer.SubmitAsync("/municipalities/2081/stakeholders/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Influence"] = "7", ["Input.Interest"] = "3",
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("error-summary", html);
        Assert.Contains("Input_Name-error", html);
        Assert.Contains("Input_Influence-error", html);

        var name = "Föräldranätverket " + Guid.NewGuid().ToString("N")[..6];
        var saved = await officer.SubmitAsync("/municipalities/2081/stakeholders/new", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Role"] = "Föräldrar i stadsdelen", ["Input.Influence"] = "2", ["Input.Interest"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = App.With(db => db.Set<Stakeholder>().Single(s => s.Name == name).Id);
        Assert.Contains("Håll informerade", await officer.HtmlAsync("/municipalities/2081/stakeholders"));

        await officer.SubmitAsync($"/municipalities/2081/stakeholders/{id}", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Influence"] = "4", ["Input.Interest"] = "5",
        });
        var moved = App.With(db => db.Set<Stakeholder>().Single(s => s.Id == id));
        Assert.Equal((4, 5, StakeholderStrategy.ManageClosely), (moved.Influence, moved.Interest, moved.Strategy));

        var confirm = await officer.HtmlAsync($"/municipalities/2081/stakeholders/{id}?confirmDelete=true");
        Assert.Contains($"Vill du ta bort ”{name}” från kartan?", confirm);
        var removed = await officer.SubmitAsync($"/municipalities/2081/stakeholders/{id}?confirmDelete=true", new Dictionary<string, string>(),
            action: $"/municipalities/2081/stakeholders/{id}?handler=delete");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(App.With(db => db.Set<Stakeholder>().Any(s => s.Id == id)));
    }
}

[Collection(SqliteCollection.Name)] public sealed class StakeholderMapTestsOnSqlite(SqliteApp fx) : StakeholderMapTests(fx);
[Collection(PostgresCollection.Name)] public sealed class StakeholderMapTestsOnPostgres(PostgresApp fx) : StakeholderMapTests(fx);
