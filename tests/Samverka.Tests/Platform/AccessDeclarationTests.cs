using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Municipalities.Stakeholders;
using Samverka.Platform.Data;
using Samverka.Platform.Modules;
using Samverka.Platform.Tenancy;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// Deny by default: every page and endpoint says who may use it (a policy, [Authorize] or [AllowAnonymous]); one that
/// says nothing is refused to everyone by the fallback policy.
public static class AccessDeclarations
{
    /// The endpoints that declare no access at all, by route.
    public static List<string> Undeclared(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Distinct().Order().ToList();
}

public abstract class AccessDeclarationTests(AppFixture fx)
{
    [Fact]
    public void Every_page_and_endpoint_declares_its_access()
    {
        var endpoints = fx.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 60, $"only {endpoints.Count} endpoints found");
        var undeclared = AccessDeclarations.Undeclared(fx.App.Services);
        Assert.True(undeclared.Count == 0, "Declare access on:\n" + string.Join("\n", undeclared));
    }

    /// The route's tenant is resolved before anything else: an unknown code is 404 for everyone, a region's code on a
    /// municipality's page is 404, and a known municipality's page refuses another municipality's staff with 403.
    [Theory]
    [InlineData("/municipalities/0000/stakeholders", HttpStatusCode.NotFound)]
    [InlineData("/municipalities/20/stakeholders", HttpStatusCode.NotFound)]
    [InlineData("/municipalities/20/needs", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/municipalities/0000/team", HttpStatusCode.NotFound)]
    [InlineData("/municipalities/2081/stakeholders", HttpStatusCode.Forbidden)]
    [InlineData("/municipalities/2081/register", HttpStatusCode.Forbidden)]
    [InlineData("/municipalities/2080/stakeholders", HttpStatusCode.OK)]
    public async Task The_route_tenant_is_resolved_before_access_is_decided(string url, HttpStatusCode expected)
    {
        var falun = fx.App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(expected, (await falun.GetAsync(url)).StatusCode);
    }

    /// Tenant scope by default, outside a request: a context entered for Borlänge sees only Borlänge's stakeholders,
    /// whatever the query asks for; `.AcrossTenants()` sees Falun's again.
    [Fact]
    public async Task A_context_entered_for_one_municipality_sees_only_its_rows_unless_it_goes_across_tenants()
    {
        var falunsOwn = await TenantRows.AddStakeholderAsync(fx.App, "2080");
        var borlangesOwn = await TenantRows.AddStakeholderAsync(fx.App, "2081");
        try
        {
            using var scope = fx.App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var borlange = await db.Tenants.AsNoTracking().SingleAsync(t => t.Code == "2081");
            Assert.True(await db.Stakeholders().AnyAsync(s => s.Id == falunsOwn), "without a tenant nothing is narrowed");

            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(borlange);
            Assert.Equal([borlange.Id], await db.Stakeholders().Select(s => s.TenantId).Distinct().ToListAsync());
            Assert.False(await db.Stakeholders().AnyAsync(s => s.Id == falunsOwn));
            Assert.True(await db.Stakeholders().AnyAsync(s => s.Id == borlangesOwn));
            Assert.True(await db.Stakeholders().AcrossTenants().AnyAsync(s => s.Id == falunsOwn));
        }
        finally
        {
            await TenantRows.RemoveStakeholdersAsync(fx.App, falunsOwn, borlangesOwn);
        }
    }
}

[Collection(SqliteCollection.Name)] public sealed class AccessDeclarationTestsOnSqlite(SqliteApp fx) : AccessDeclarationTests(fx);
[Collection(PostgresCollection.Name)] public sealed class AccessDeclarationTestsOnPostgres(PostgresApp fx) : AccessDeclarationTests(fx);

/// The tests of the tests, in an app with endpoints that only a test maps: one that declares nothing, and one that
/// lists the municipalities whose needs a request for `{code}` sees.
public abstract class DenyByDefaultTests(Provider provider) : IAsyncLifetime
{
    private readonly SamverkaFactory _app = new(provider, services => services.AddSingleton<IModule, TestEndpoints>(),
        new() { ["Jobs:Enabled"] = "false" });

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() { _app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task An_endpoint_that_declares_no_access_is_found_and_refused_even_to_a_platform_admin()
    {
        Assert.Equal(["/api/test/undeclared", "/test/undeclared"], AccessDeclarations.Undeclared(_app.Services));

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Browser().GetAsync("/api/test/undeclared")).StatusCode);
        var admin = _app.Browser();
        await admin.SignInAsync("admin@samverka.example");
        var response = await admin.GetAsync("/test/undeclared");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("undeclared-secret", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_for_one_municipality_sees_only_its_rows_and_the_way_out_sees_all()
    {
        var browser = _app.Browser();
        var falunsOwn = await TenantRows.AddStakeholderAsync(_app, "2080");
        var borlangesOwn = await TenantRows.AddStakeholderAsync(_app, "2081");

        var scoped = await browser.GetStringAsync("/test/stakeholders/2081");
        Assert.Contains(borlangesOwn.ToString(), scoped);
        Assert.DoesNotContain(falunsOwn.ToString(), scoped);
        var across = await browser.GetStringAsync("/test/stakeholders/2081?across=true");
        Assert.Contains(borlangesOwn.ToString(), across);
        Assert.Contains(falunsOwn.ToString(), across);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/test/stakeholders/no-such-code")).StatusCode);
    }

    private sealed class TestEndpoints : IModule
    {
        public Samverka.Platform.Modules.ModuleManifest Manifest { get; } = new(Samverka.Platform.Modules.FeatureTable.Home);
        public void AddServices(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration config) { }

        public void MapEndpoints(IEndpointRouteBuilder endpoints)
        {
            // Says neither who may use it nor that anyone may.
            endpoints.MapGet("/test/undeclared", () => "undeclared-secret");
            endpoints.MapGet("/api/test/undeclared", () => "undeclared-secret");
            // No Where on the tenant: the filter alone keeps the answer to the route's municipality.
            endpoints.MapGet("/test/stakeholders/{code}", async (AppDbContext db, bool? across) =>
                string.Join("\n", await (across == true ? db.Stakeholders().AcrossTenants() : db.Stakeholders())
                    .Select(s => s.Id).ToListAsync())).AllowAnonymous();
        }
    }
}

[Collection(SqliteCollection.Name)] public sealed class DenyByDefaultTestsOnSqlite() : DenyByDefaultTests(Provider.Sqlite);
[Collection(PostgresCollection.Name)] public sealed class DenyByDefaultTestsOnPostgres() : DenyByDefaultTests(Provider.Postgres);

internal static class TenantRows
{
    public static Task<Guid> AddStakeholderAsync(SamverkaFactory app, string code) => app.WithAsync(async db =>
    {
        var s = new Stakeholder
        {
            TenantId = await db.Tenants.Where(t => t.Code == code).Select(t => t.Id).SingleAsync(),
            Name = "Scope test " + Guid.NewGuid().ToString("N")[..8], UpdatedAt = DateTime.UtcNow,
        };
        db.Stakeholders().Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    });

    public static Task RemoveStakeholdersAsync(SamverkaFactory app, params Guid[] ids) => app.WithAsync(async db =>
        await db.Stakeholders().Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync());
}
