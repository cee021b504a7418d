using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Needs;

/// Two people editing the same need: whoever saves second is told that someone else saved first, sees what
/// changed, and keeps what they wrote. Nothing is silently lost, whether they race or one simply loaded earlier.
public abstract class NeedConcurrencyTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;
    private RaceGate Gate => App.Services.GetRequiredService<RaceGate>();

    private static List<KeyValuePair<string, string>> Fields(string title, string problem) =>
    [
        new("Input.Title", title), new("Input.DepartmentId", ""), new("Input.Problem", problem),
        new("Input.TargetGroup", "Elever"), new("Input.AgeFrom", "12"), new("Input.AgeTo", "19"),
        new("Input.DesiredOutcome", "Fler klarar skolan."), new("Input.Timeframe", ""), new("Input.Budget", ""),
        new("Input.ContactName", "Biblioteket"), new("Input.ContactEmail", "bibliotek@borlange.example"),
        new("Input.Closes", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd")),
        new("Input.Areas", "education"), new("Input.Forms", "grant"), new("go", "save"),
    ];

    private async Task<(HttpClient Officer, HttpClient Coordinator, string Page, Guid Id, string Title)> DraftAsync()
    {
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var coordinator = App.Browser();
        await coordinator.SignInAsync("samordnare@borlange.example");
        var title = "Samtidig redigering " + Guid.NewGuid().ToString("N")[..6];
        var created = await (await officer.LoadAsync("/municipalities/2081/needs/new", Fields(title, "Många elever saknar stöd hemma.")))();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = App.With(db => db.Needs().Single(n => n.Title == title).Id);
        return (officer, coordinator, $"/municipalities/2081/needs/{id}", id, title);
    }

    [Fact]
    public async Task Two_editors_saving_at_the_same_moment_one_wins_and_the_other_is_told_with_their_input_kept()
    {
        var (officer, coordinator, page, id, title) = await DraftAsync();
        var first = await officer.LoadAsync(page, Fields(title + " A", "Många elever saknar stöd hemma."));
        var second = await coordinator.LoadAsync(page, Fields(title + " B", "Många elever saknar stöd hemma."));

        HttpResponseMessage[] answers;
        using (Gate.Arm(db => db.ChangeTracker.Entries<Need>().Any(e => e.State == EntityState.Modified && e.Entity.Id == id)))
        {
            answers = await Task.WhenAll(first(), second());
            Assert.Equal(2, Gate.Arrived);
        }
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        var stored = App.With(db => db.Needs().Single(n => n.Id == id).Title);
        var lost = stored == title + " A" ? title + " B" : title + " A";
        var html = await loser.Content.ReadAsStringAsync();
        Assert.Contains("Någon annan hann spara", html);
        Assert.Contains($"value=\"{lost}\"", html);
        Assert.Contains($"”{stored}”", html);
    }

    [Fact]
    public async Task An_editor_who_loaded_before_someone_else_saved_sees_which_fields_changed_and_can_save_over_them()
    {
        var (officer, coordinator, page, id, title) = await DraftAsync();
        var stale = await officer.LoadAsync(page, Fields(title + " ny titel", "Många elever saknar stöd hemma."));
        const string problem = "Eleverna saknar både stöd hemma och en lugn plats att plugga på.";
        Assert.Equal(HttpStatusCode.Redirect, (await (await coordinator.LoadAsync(page, Fields(title, problem)))()).StatusCode);

        var told = await stale();
        Assert.Equal(HttpStatusCode.Conflict, told.StatusCode);
        var html = await told.Content.ReadAsStringAsync();
        Assert.Contains("Någon annan hann spara", html);
        var summary = Regex.Match(html, "<div class=\"error-summary\".*?</div>", RegexOptions.Singleline).Value;
        Assert.Contains($"”{problem}”", summary);     // the field someone else changed, with its value now
        Assert.DoesNotContain("Rubrik", summary);       // the title was not changed by anyone else
        Assert.Contains($"value=\"{title} ny titel\"", html);
        Assert.Equal(problem, App.With(db => db.Needs().Single(n => n.Id == id).Problem));

        // Having seen the change, saving again (the form now carries the newer version) goes through.
        var form = new List<KeyValuePair<string, string>>(Fields(title + " ny titel", problem));
        foreach (Match m in Regex.Matches(html, "<input type=\"hidden\" name=\"(Stamp\\.[A-Za-z]+)\" value=\"([^\"]*)\""))
            form.Add(new(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        form.Add(new("__RequestVerificationToken", Web.Token(html)));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync(page, new FormUrlEncodedContent(form))).StatusCode);
        Assert.Equal((title + " ny titel", problem), App.With(db => db.Needs().Where(n => n.Id == id).Select(n => new { n.Title, n.Problem }).AsEnumerable().Select(n => (n.Title, n.Problem)).Single()));
    }
}

[Collection(SqliteCollection.Name)] public sealed class NeedConcurrencyTestsOnSqlite(SqliteApp fx) : NeedConcurrencyTests(fx);
[Collection(PostgresCollection.Name)] public sealed class NeedConcurrencyTestsOnPostgres(PostgresApp fx) : NeedConcurrencyTests(fx);
