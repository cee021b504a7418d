using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// A user of one municipality can never read or change another municipality's non-public data.
public abstract class TenantIsolationTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    public static TheoryData<string> BorlangePrivateGets => new()
    {
        "/municipalities/2081/team",
        "/municipalities/2081/edit",
        "/audit?tenant=2081",
        "/invitations/new?tenant=2081",
        "/api/v1/municipalities/2081/team",
        "/admin",
        "/admin/municipalities",
        "/admin/jobs",
        "/audit",
    };

    [Theory]
    [MemberData(nameof(BorlangePrivateGets))]
    public async Task Falun_officer_is_refused_Borlange_private_pages_and_api(string url)
    {
        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        var response = await falun.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
            $"{url} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("handlaggare@borlange.example", body);
    }

    [Theory]
    [MemberData(nameof(BorlangePrivateGets))]
    public async Task Anonymous_visitors_must_sign_in(string url)
    {
        var response = await App.Browser().GetAsync(url);
        if (url.StartsWith("/api/"))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery());
        }
    }

    [Fact]
    public async Task Borlange_staff_see_their_own_team_but_Falun_staff_see_only_theirs()
    {
        var borlange = App.Browser();
        await borlange.SignInAsync("handlaggare@borlange.example");
        Assert.Contains("Kim Kommunadmin", await borlange.HtmlAsync("/municipalities/2081/team"));
        var api = await borlange.GetAsync("/api/v1/municipalities/2081/team");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Contains("kommunadmin@borlange.example", await api.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await borlange.GetAsync("/api/v1/municipalities/2080/team")).StatusCode);
    }

    [Fact]
    public async Task Falun_officer_cannot_change_Borlange_profile_by_posting_directly()
    {
        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        // A valid antiforgery token from a page Falun may see; the post itself targets Borlänge.
        var token = Web.Token(await falun.HtmlAsync("/"));
        var before = await App.WithAsync(db => db.Tenants.Where(t => t.Code == "2081").Select(t => t.Description).SingleAsync());
        var response = await falun.PostAsync("/municipalities/2081/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Description"] = "Hijacked", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await App.WithAsync(db => db.Tenants.Where(t => t.Code == "2081").Select(t => t.Description).SingleAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Organisation_member_cannot_edit_or_see_another_organisations_team()
    {
        var member = App.Browser();
        await member.SignInAsync("admin@dalia.example");
        var other = await App.WithAsync(db => db.Set<Samverka.Features.Register.Organisation>().SingleAsync(o => o.Name == "Kodcentrum"));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/organisations/{other.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/organisations/{other.Id}/team")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/audit?organisation={other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/municipalities/2081/team")).StatusCode);
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}

[Collection(SqliteCollection.Name)] public sealed class TenantIsolationTestsOnSqlite(SqliteApp fx) : TenantIsolationTests(fx);
[Collection(PostgresCollection.Name)] public sealed class TenantIsolationTestsOnPostgres(PostgresApp fx) : TenantIsolationTests(fx);
