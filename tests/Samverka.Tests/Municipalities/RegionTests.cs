using System.Net;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Municipalities;

/// A region's page brings its municipalities together: coordinators, open needs, upcoming budget dates.
public abstract class RegionTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    [Fact]
    public async Task Region_dalarna_shows_its_municipalities_with_coordinators_needs_and_dates()
    {
        var html = await App.Browser().HtmlAsync("/regions/20");
        Assert.Contains("Dalarna", html);
        Assert.Contains("Kommuner på Samverka (15)", html);
        Assert.Contains("href=\"/municipalities/2081\">Borlänge", html);
        Assert.Contains("samordnare@borlange.example", html);
        Assert.Matches("href=\"/needs\\?municipality=2081\">[2-9]<", html);
        Assert.Contains("Budgetramar", html);
        Assert.DoesNotContain("Genomgång av föreningsbidragen", html); // an internal date stays inside Borlänge
        Assert.Contains("href=\"/regions/20\"", await App.Browser().HtmlAsync("/municipalities/2081"));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync("/regions/2081")).StatusCode); // a municipality, not a region
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync("/regions/01")).StatusCode); // not active
    }
}

[Collection(SqliteCollection.Name)] public sealed class RegionTestsOnSqlite(SqliteApp fx) : RegionTests(fx);
[Collection(PostgresCollection.Name)] public sealed class RegionTestsOnPostgres(PostgresApp fx) : RegionTests(fx);
