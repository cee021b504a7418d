using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Tenancy;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Municipalities;

public abstract class MunicipalitiesTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    public sealed record Municipality(string Code, string Name, string Region, string RegionCode, string Country);

    [Fact]
    public async Task Reference_data_holds_Swedens_21_regions_and_290_municipalities_and_the_partners()
    {
        var counts = await App.WithAsync(async db => new
        {
            Regions = await db.Tenants.CountAsync(t => t.CountryCode == "SE" && t.Kind == TenantKind.Region),
            Municipalities = await db.Tenants.CountAsync(t => t.CountryCode == "SE" && t.Kind == TenantKind.Municipality),
            Orphans = await db.Tenants.CountAsync(t => t.Kind == TenantKind.Municipality && t.ParentId == null),
        });
        Assert.Equal(21, counts.Regions);
        Assert.Equal(290, counts.Municipalities);
        Assert.Equal(0, counts.Orphans);
        var partners = await App.WithAsync(db => db.Tenants.Where(t => t.Kind == TenantKind.Municipality && t.CountryCode != "SE")
            .Select(t => t.Name + "/" + t.CountryCode).ToListAsync());
        Assert.Equal(["Agios Dometios/CY", "Aglantzia/CY", "Braga/PT", "Talsi/LV", "Trakai/LT"], partners.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task The_api_lists_active_municipalities_with_code_name_region_and_country()
    {
        var list = await App.Browser().GetFromJsonAsync<List<Municipality>>("/api/v1/municipalities");
        Assert.NotNull(list);
        Assert.Contains(list, m => m is { Code: "2081", Name: "Borlänge", Region: "Region Dalarna", RegionCode: "20", Country: "SE" });
        Assert.Contains(list, m => m is { Name: "Trakai", Country: "LT" });
        Assert.Equal(15, list.Count(m => m.RegionCode == "20"));
        Assert.DoesNotContain(list, m => m.Code == "0180"); // Stockholm is not on the platform in the demo.
    }

    [Fact]
    public async Task Platform_admin_enables_a_municipality_which_then_appears_publicly_and_can_be_disabled_again()
    {
        var admin = App.Browser();
        await admin.SignInAsync("admin@samverka.example");
        Assert.DoesNotContain("Uppsala", await App.Browser().HtmlAsync("/municipalities"));

        var enable = await admin.SubmitAsync("/admin/municipalities?q=Uppsala", new Dictionary<string, string> { ["code"] = "0380", ["q"] = "Uppsala" },
            action: "/admin/municipalities?handler=Enable");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        var page = await App.Browser().HtmlAsync("/municipalities");
        Assert.Contains("Region Uppsala", page);
        Assert.Contains("/municipalities/0380", page);

        var confirm = await admin.HtmlAsync("/admin/municipalities?q=Uppsala&confirmDisable=0380");
        Assert.Contains("Vill du inaktivera Uppsala?", confirm);
        var disable = await admin.PostAsync("/admin/municipalities?handler=Disable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "0380", ["__RequestVerificationToken"] = Web.Token(confirm),
        }));
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.DoesNotContain("/municipalities/0380", await App.Browser().HtmlAsync("/municipalities"));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync("/municipalities/0380")).StatusCode);
    }

    [Fact]
    public async Task Inactive_municipalities_are_hidden_from_the_public()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync("/municipalities/0180")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync("/municipalities/9999")).StatusCode);
        Assert.Contains("Borlänge", await App.Browser().HtmlAsync("/municipalities/2081"));
    }
}

[Collection(SqliteCollection.Name)] public sealed class MunicipalitiesTestsOnSqlite(SqliteApp fx) : MunicipalitiesTests(fx);
[Collection(PostgresCollection.Name)] public sealed class MunicipalitiesTestsOnPostgres(PostgresApp fx) : MunicipalitiesTests(fx);
