using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Platform.Data;
using Samverka.Platform.Modules;
using Samverka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Samverka.Tests.Platform;

/// Every page and endpoint, walked as outsiders with the victim's real ids: nothing private leaks and nothing refused
/// writes. Each test starts its own app, because the walk plants private text and creates users.
public abstract class RouteWalkTests(Provider provider, ITestOutputHelper output)
{
    [Fact]
    public async Task Outsiders_see_no_private_text_and_change_nothing_on_any_route()
    {
        using var app = new SamverkaFactory(provider, settings: new() { ["Jobs:Enabled"] = "false" });
        await app.InitializeAsync();
        var report = await new RouteWalker(app).WalkAsync();
        output.WriteLine($"{report.Routes} routes, {report.Requests} requests");
        foreach (var f in report.Findings) output.WriteLine(f);
        foreach (var line in report.Summary) output.WriteLine(line);
        Assert.Empty(report.Unseen);
        Assert.True(report.Routes > 60, $"only {report.Routes} routes found");
        Assert.True(report.Findings.Count == 0, $"{report.Findings.Count} findings:\n" + string.Join("\n", report.Findings));
    }

    /// The test of the test: an app with a page that shows a draft need to anyone and one that changes Borlänge's
    /// description for anyone. The walker, which is told nothing about them, must report both.
    [Fact]
    public async Task The_walker_finds_a_deliberately_unprotected_read_and_write()
    {
        using var app = new SamverkaFactory(provider, services => services.AddSingleton<IModule, HolesModule>(),
            new() { ["Jobs:Enabled"] = "false" });
        await app.InitializeAsync();
        var report = await new RouteWalker(app).WalkAsync(only: route => route.StartsWith("/test/"));
        output.WriteLine($"{report.Routes} routes, {report.Requests} requests");
        foreach (var f in report.Findings) output.WriteLine(f);
        Assert.Equal(2, report.Routes);
        Assert.Contains(report.Findings, f => f.StartsWith("LEAK GET /test/leak/2081") && f.Contains("as anonymous") && f.Contains("walksecret-draft-need-problem"));
        Assert.Contains(report.Findings, f => f.StartsWith("WRITE POST /test/write/2081") && f.Contains("as anonymous") && f.Contains("Tenants"));
        Assert.All(report.Findings, f => Assert.Contains("/test/", f));
    }

    private sealed class HolesModule : IModule
    {
        // A test harness, not a feature: placed where everything may be used, and adds no menu entries.
        public Samverka.Platform.Modules.ModuleManifest Manifest { get; } = new(Samverka.Platform.Modules.FeatureTable.Home);
        public void AddServices(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration config) { }

        public void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)
        {
            endpoints.MapGet("/test/leak/{code}", async (string code, AppDbContext db) =>
                string.Join("\n", await db.Needs().Where(n => n.Status == NeedStatus.Draft && db.Tenants.Any(t => t.Id == n.TenantId && t.Code == code))
                    .Select(n => n.Problem).ToListAsync())).AllowAnonymous();
            endpoints.MapPost("/test/write/{code}", async (string code, AppDbContext db) =>
            {
                var tenant = await db.Tenants.SingleAsync(t => t.Code == code);
                tenant.Description = "Changed by " + Guid.NewGuid();
                await db.SaveChangesAsync();
                return Results.NoContent();
            }).AllowAnonymous().DisableAntiforgery();
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RouteWalkTestsOnSqlite(ITestOutputHelper output) : RouteWalkTests(Provider.Sqlite, output);

[Collection(PostgresCollection.Name)]
public sealed class RouteWalkTestsOnPostgres(ITestOutputHelper output) : RouteWalkTests(Provider.Postgres, output);
