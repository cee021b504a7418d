using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Features.Register;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

/// The organisation's admins keep its activities and contacts; nobody else can.
public abstract class PartsTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private Task<Guid> KodcentrumAsync() => App.WithAsync(db => db.Set<Organisation>().Where(o => o.Name == "Kodcentrum").Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task Admin_adds_changes_and_removes_an_activity_and_a_contact()
    {
        var id = await App.WithAsync(db => db.Set<Organisation>().Where(o => o.Name == "Tjejjouren Dalia").Select(o => o.Id).SingleAsync());
        var admin = App.Browser();
        await admin.SignInAsync("admin@dalia.example");
        var name = "Sommarträff " + Guid.NewGuid().ToString("N")[..5];

        var bad = await admin.SubmitAsync($"/organisations/{id}/services", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Description"] = "Träffar i juli.", ["Input.IsFree"] = "false", ["Input.Cost"] = "",
        }, action: $"/organisations/{id}/services?handler=Save");
        Assert.Contains("Skriv vad det kostar", await bad.Content.ReadAsStringAsync());

        var added = await admin.SubmitAsync($"/organisations/{id}/services", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Description"] = "Träffar i juli.", ["Input.IsFree"] = "true",
        }, action: $"/organisations/{id}/services?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var service = await App.WithAsync(db => db.Set<OrganisationService>().AsNoTracking().SingleAsync(s => s.Name == name));
        Assert.Contains(name, await App.Browser().HtmlAsync($"/organisations/{id}"));
        Assert.Contains("\"total\":1", await App.Browser().GetStringAsync($"/api/v1/organisations?q={Uri.EscapeDataString(name.Split(' ')[1])}"));

        var confirm = await admin.HtmlAsync($"/organisations/{id}/services?confirmDelete={service.Id}");
        Assert.Contains("Det går inte att ångra", confirm);
        var removed = await admin.PostAsync($"/organisations/{id}/services?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["serviceId"] = service.Id.ToString(), ["__RequestVerificationToken"] = Web.Token(confirm),
        }));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await App.WithAsync(db => db.Set<OrganisationService>().AnyAsync(s => s.Id == service.Id)));

        var noWay = await admin.SubmitAsync($"/organisations/{id}/contacts", new Dictionary<string, string> { ["Input.Role"] = "Kassör" },
            action: $"/organisations/{id}/contacts?handler=Save");
        Assert.Contains("Ange e-post eller telefon.", await noWay.Content.ReadAsStringAsync());
        var contact = await admin.SubmitAsync($"/organisations/{id}/contacts", new Dictionary<string, string> { ["Input.Role"] = "Kassör", ["Input.Phone"] = "0243-11 22 33" },
            action: $"/organisations/{id}/contacts?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        Assert.Contains("0243-11 22 33", await App.Browser().HtmlAsync($"/organisations/{id}"));
    }

    [Fact]
    public async Task Others_cannot_change_an_organisations_activities_or_contacts()
    {
        var id = await KodcentrumAsync();
        var admin = App.Browser();
        await admin.SignInAsync("admin@dalia.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/organisations/{id}/services")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/organisations/{id}/contacts")).StatusCode);
        var token = Web.Token(await admin.HtmlAsync("/"));
        var post = await admin.PostAsync($"/organisations/{id}/services?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Intrång", ["Input.Description"] = "Ska inte sparas.", ["Input.IsFree"] = "true", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await App.WithAsync(db => db.Set<OrganisationService>().AnyAsync(s => s.Name == "Intrång")));
    }
}

[Collection(SqliteCollection.Name)] public sealed class PartsTestsOnSqlite(SqliteApp fx) : PartsTests(fx);
[Collection(PostgresCollection.Name)] public sealed class PartsTestsOnPostgres(PostgresApp fx) : PartsTests(fx);
