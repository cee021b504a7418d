using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Register;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Partnerships;

/// State changes of a partnership that two people can make at the same moment: approving, generating a version,
/// editing the settings. The race gate makes both requests read before either writes, every time; each test then
/// asks for one consistent outcome. Also: odd requests are refused with 400, not a crash.
public abstract class PartnershipConcurrencyTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;
    private RaceGate Gate => App.Services.GetRequiredService<RaceGate>();

    /// Borlänge's officer starts an IOP with Tjejjouren Dalia; returns the officer, Dalia's admin and the id.
    private async Task<(HttpClient Officer, HttpClient Dalia, Guid Id)> StartAsync(string title)
    {
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var (need, dalia, borlange) = App.With(db => (
            db.Needs().Single(n => n.Title == "Stöd för ungas psykiska hälsa").Id,
            db.Organisations().Single(o => o.Name == "Tjejjouren Dalia").Id,
            db.Tenants.Single(t => t.Code == "2081").Id));
        var created = await officer.SubmitAsync($"/partnerships/new?need={need}&organisation={dalia}", new Dictionary<string, string>
        {
            ["Input.OurSide"] = $"t:{borlange}", ["Input.Department"] = "Socialförvaltningen", ["Input.Title"] = title,
            ["Input.Purpose"] = "Fler unga tjejer får stöd tidigt av någon de litar på.", ["Input.Form"] = "Iop", ["Input.MyRole"] = "Kontaktperson",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var admin = App.Browser();
        await admin.SignInAsync("admin@dalia.example");
        return (officer, admin, App.With(db => db.Partnerships().Single(p => p.Title == title).Id));
    }

    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task Both_parties_approving_at_the_same_moment_freeze_the_version_once_and_activate_the_partnership()
    {
        var (officer, dalia, id) = await StartAsync(Unique("Samtidigt godkänt"));
        var agreement = $"/partnerships/{id}/agreement";
        Assert.Equal(HttpStatusCode.Redirect, (await (await officer.LoadAsync(agreement, new Dictionary<string, string>(), $"{agreement}?handler=generate"))()).StatusCode);
        var version = App.With(db => db.AgreementVersions().Single(v => v.PartnershipId == id).Id);
        var (ours, theirs) = App.With(db => (
            db.PartnershipParties().Single(p => p.PartnershipId == id && p.TenantId != null).Id,
            db.PartnershipParties().Single(p => p.PartnershipId == id && p.OrganisationId != null).Id));
        var approveOurs = await officer.LoadAsync(agreement, new Dictionary<string, string> { ["versionId"] = version.ToString(), ["partyId"] = ours.ToString() }, $"{agreement}?handler=approve");
        var approveTheirs = await dalia.LoadAsync(agreement, new Dictionary<string, string> { ["versionId"] = version.ToString(), ["partyId"] = theirs.ToString() }, $"{agreement}?handler=approve");

        using (Gate.Arm(db => db.ChangeTracker.Entries<AgreementApproval>().Any(e => e.State == EntityState.Added && e.Entity.VersionId == version)))
        {
            var answers = await Task.WhenAll(approveOurs(), approveTheirs());
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
            Assert.Equal(2, Gate.Arrived);
        }

        Assert.Equal(2, App.With(db => db.AgreementApprovals().Count(a => a.VersionId == version)));
        Assert.NotNull(App.With(db => db.AgreementVersions().Single(v => v.Id == version).FrozenAt));
        Assert.Equal(PartnershipStatus.Active, App.With(db => db.Partnerships().Single(p => p.Id == id).Status));
    }

    [Fact]
    public async Task Two_clicks_on_generate_at_the_same_moment_make_one_version_and_no_error()
    {
        var (officer, dalia, id) = await StartAsync(Unique("Dubbelklick"));
        var agreement = $"/partnerships/{id}/agreement";
        var first = await officer.LoadAsync(agreement, new Dictionary<string, string>(), $"{agreement}?handler=generate");
        var second = await dalia.LoadAsync(agreement, new Dictionary<string, string>(), $"{agreement}?handler=generate");

        using (Gate.Arm(db => db.ChangeTracker.Entries<AgreementVersion>().Any(e => e.State == EntityState.Added && e.Entity.PartnershipId == id)))
        {
            var answers = await Task.WhenAll(first(), second());
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
            Assert.Equal(2, Gate.Arrived);
        }
        Assert.Equal([1], App.With(db => db.AgreementVersions().Where(v => v.PartnershipId == id).Select(v => v.Number).ToList()));
        Assert.Equal(PartnershipStatus.Agreeing, App.With(db => db.Partnerships().Single(p => p.Id == id).Status));

        // The same form posted again later (a double click that arrives after the first finished) changes nothing either.
        var again = await first();
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("redan", await officer.HtmlAsync(agreement));
        Assert.Equal(1, App.With(db => db.AgreementVersions().Count(v => v.PartnershipId == id)));
        // A fresh form, though, asks for a new version on purpose.
        Assert.Equal(HttpStatusCode.Redirect, (await (await officer.LoadAsync(agreement, new Dictionary<string, string>(), $"{agreement}?handler=generate"))()).StatusCode);
        Assert.Equal(2, App.With(db => db.AgreementVersions().Count(v => v.PartnershipId == id)));
    }

    [Fact]
    public async Task Two_people_saving_the_settings_at_once_the_second_is_told_and_keeps_their_input()
    {
        var title = Unique("Inställningar");
        var (officer, dalia, id) = await StartAsync(title);
        var edit = $"/partnerships/{id}/edit";
        List<KeyValuePair<string, string>> Settings(string newTitle) =>
        [
            new("Input.Title", newTitle), new("Input.Purpose", "Fler unga tjejer får stöd tidigt av någon de litar på."),
            new("Input.Form", "Iop"), new("Input.Status", "Exploring"),
            .. Partnership.LadderStages.Select(_ => new KeyValuePair<string, string>("Input.Ladder", "0")),
        ];
        var ours = await officer.LoadAsync(edit, Settings(title + " (kommunen)"));
        var theirs = await dalia.LoadAsync(edit, Settings(title + " (Dalia)"));

        HttpResponseMessage[] answers;
        using (Gate.Arm(db => db.ChangeTracker.Entries<Partnership>().Any(e => e.State == EntityState.Modified && e.Entity.Id == id)))
        {
            answers = await Task.WhenAll(ours(), theirs());
            Assert.Equal(2, Gate.Arrived);
        }
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        var stored = App.With(db => db.Partnerships().Single(p => p.Id == id).Title);
        var lost = stored.EndsWith("(kommunen)") ? title + " (Dalia)" : title + " (kommunen)";
        var html = await loser.Content.ReadAsStringAsync();
        Assert.Contains("Någon annan hann spara", html);
        Assert.Contains($"value=\"{lost}\"", html);          // their input is kept in the form
        Assert.Contains($"”{stored}”", html);                  // and they see what is stored now
    }

    [Fact]
    public async Task An_answer_saved_after_someone_else_changed_it_is_refused_and_the_text_kept()
    {
        var (officer, dalia, id) = await StartAsync(Unique("Svar"));
        var page = $"/partnerships/{id}/steps/processes";
        Dictionary<string, string> Answer(string text) => new() { ["answers[conflict-route]"] = text, ["rhythm"] = "30" };
        var stale = await officer.LoadAsync(page, Answer("Kommunen avgör."), $"{page}?handler=answers");
        Assert.Equal(HttpStatusCode.Redirect, (await (await dalia.LoadAsync(page, Answer("Vi pratar först, sedan avgör styrgruppen."), $"{page}?handler=answers"))()).StatusCode);

        var told = await stale();
        Assert.Equal(HttpStatusCode.Conflict, told.StatusCode);
        var html = await told.Content.ReadAsStringAsync();
        Assert.Contains("Någon annan hann spara", html);
        Assert.Contains("”Vi pratar först, sedan avgör styrgruppen.”", html);
        Assert.Contains(">Kommunen avgör.</textarea>", html);
        Assert.Equal("Vi pratar först, sedan avgör styrgruppen.", App.With(db => db.PartnershipAnswers().Single(a => a.PartnershipId == id && a.Question == "conflict-route").Text));
    }

    [Fact]
    public async Task Benefits_saved_after_someone_else_changed_them_are_refused_and_the_text_kept()
    {
        var (officer, dalia, id) = await StartAsync(Unique("Nyttor samtidigt"));
        var page = $"/partnerships/{id}/steps/goal";
        var parties = App.With(db => db.PartnershipParties().Where(p => p.PartnershipId == id).Select(p => p.Id).ToList());
        Dictionary<string, string> Benefits(string text) => parties.SelectMany(p => new[]
            { KeyValuePair.Create($"benefits[{p}]", p == parties[0] ? text : ""), KeyValuePair.Create($"expectations[{p}]", "") }).ToDictionary();
        var stale = await officer.LoadAsync(page, Benefits("Färre placeringar."), $"{page}?handler=Benefits");
        Assert.Equal(HttpStatusCode.Redirect, (await (await dalia.LoadAsync(page, Benefits("Tjejer får stöd tidigt."), $"{page}?handler=Benefits"))()).StatusCode);

        var told = await stale();
        Assert.Equal(HttpStatusCode.Conflict, told.StatusCode);
        var html = await told.Content.ReadAsStringAsync();
        Assert.Contains("Någon annan hann spara", html);
        Assert.Contains("”Tjejer får stöd tidigt.”", html);          // what is stored now
        Assert.Contains(">Färre placeringar.</textarea>", html);      // their input kept
        Assert.Equal("Tjejer får stöd tidigt.", App.With(db => db.PartnershipParties().Single(p => p.Id == parties[0]).Benefit));

        // Saving again from the page as it is now is a deliberate overwrite.
        var again = await officer.LoadAsync(page, Benefits("Färre placeringar."), $"{page}?handler=Benefits");
        Assert.Equal(HttpStatusCode.Redirect, (await again()).StatusCode);
        Assert.Equal("Färre placeringar.", App.With(db => db.PartnershipParties().Single(p => p.Id == parties[0]).Benefit));
    }

    [Fact]
    public async Task A_RACI_matrix_saved_after_someone_else_changed_it_is_refused_and_the_choice_kept()
    {
        var (officer, dalia, id) = await StartAsync(Unique("Roller samtidigt"));
        var party = App.With(db => db.PartnershipParties().First(p => p.PartnershipId == id).Id);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/partnerships/{id}/steps/prepare",
            new Dictionary<string, string> { ["Person.PartyId"] = party.ToString(), ["Person.Name"] = "Kim Berg" }, action: $"/partnerships/{id}/steps/prepare?handler=AddPerson")).StatusCode);
        var roles = $"/partnerships/{id}/steps/roles";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(roles,
            new Dictionary<string, string> { ["Activity.Title"] = "Samtalsgrupp" }, action: $"{roles}?handler=AddActivity")).StatusCode);
        var (activity, person) = App.With(db => (db.PartnershipActivities().Single(a => a.PartnershipId == id).Id, db.PartnershipPeople().Single(p => p.PartnershipId == id && p.Name == "Kim Berg").Id));
        Dictionary<string, string> Cell(string role) => new() { [$"raci[{activity}:{person}]"] = role };
        var stale = await officer.LoadAsync(roles, Cell("Responsible"), $"{roles}?handler=Raci");
        Assert.Equal(HttpStatusCode.Redirect, (await (await dalia.LoadAsync(roles, Cell("Accountable"), $"{roles}?handler=Raci"))()).StatusCode);

        var told = await stale();
        Assert.Equal(HttpStatusCode.Conflict, told.StatusCode);
        var html = await told.Content.ReadAsStringAsync();
        Assert.Contains("Någon annan hann spara", html);
        Assert.Contains("”A – ansvarar”", html);
        Assert.Matches("<option value=\"Responsible\" selected=\"selected\"", html);
        Assert.Equal(RaciRole.Accountable, App.With(db => db.PartnershipRaci().Single(r => r.PartnershipId == id).Role));
    }

    [Fact]
    public async Task Benefits_posted_without_the_expectations_are_refused_with_400_and_nothing_changes()
    {
        var (officer, _, id) = await StartAsync(Unique("Nyttor"));
        var page = $"/partnerships/{id}/steps/goal";
        var party = App.With(db => db.PartnershipParties().First(p => p.PartnershipId == id).Id);
        var odd = await officer.SubmitAsync(page, new Dictionary<string, string> { [$"benefits[{party}]"] = "Tryggare unga." }, action: $"{page}?handler=Benefits");
        Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
        Assert.Contains("error-summary", await odd.Content.ReadAsStringAsync());
        Assert.Null(App.With(db => db.PartnershipParties().Single(p => p.Id == party).Benefit));
    }
}

[Collection(SqliteCollection.Name)] public sealed class PartnershipConcurrencyTestsOnSqlite(SqliteApp fx) : PartnershipConcurrencyTests(fx);
[Collection(PostgresCollection.Name)] public sealed class PartnershipConcurrencyTestsOnPostgres(PostgresApp fx) : PartnershipConcurrencyTests(fx);
