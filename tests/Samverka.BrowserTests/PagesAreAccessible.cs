using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// Every page a person can reach, in both languages, with zero WCAG 2.1 A/AA violations found by axe-core.
[Collection(BrowserCollection.Name)]
public sealed class PagesAreAccessible(BrowserApp app)
{
    public static TheoryData<string, string> PublicPages => Both(
        "/", "/municipalities", "/municipalities/2081", "/organisations", "/organisations?q=zzzz-nothing", "/organisations?q=unga&area=youth&sort=name",
        "/account/login", "/account/register", "/account/forgot-password", "/account/check-email",
        "/account/confirm-email", "/account/invitation/not-a-token", "/accessibility", "/no-such-page",
        "/advisor", "/advisor/q/legal-form?country=SE&year=2026&go=1", "/advisor/q/yearly-value?country=PT&year=2024&legal-form=company&purpose=buy-service&market=yes&initiative=joint&both-contribute=no",
        "/advisor/check?" + IopAnswers, "/advisor/result?" + IopAnswers,
        "/knowledge", "/knowledge?q=partnerskap", "/knowledge?q=xyzzy", "/knowledge/iop", "/knowledge/participation-ladder",
        "/knowledge/prepare", "/knowledge/case-tjejjouren-dalia", "/municipalities/2081/calendar", "/municipalities/2081/calendar?past=true",
        "/needs", "/needs?area=mental-health", "/needs?municipality=9999", "/regions/20",
        "/partnerships", "/partnerships?municipality=2081&status=active");

    private const string IopAnswers = "country=SE&year=2026&legal-form=non-profit-association&profit-distributing=no&purpose=solve-together&market=no&initiative=organisation&both-contribute=yes&yearly-value=800000&duration=more-than-three-years&compact=yes&track-record=established";

    public static TheoryData<string, string> AdminPages => Both(
        "/account", "/account/password", "/admin", "/admin/municipalities", "/admin/municipalities?confirmDisable=2081", "/admin/jobs", "/audit",
        "/audit?tenant=2081", "/municipalities/2081/team", "/municipalities/2081/edit", "/invitations/new?tenant=2081",
        "/municipalities/2081/register", "/organisations/new", "/organisations/import",
        "/municipalities/2081/calendar", "/municipalities/2081/calendar/new", "/municipalities/2081/profile/strategies/new",
        "/municipalities/2081/profile/coordinators/new", "/municipalities/2081/profile/support/new",
        "/municipalities/2081/needs", "/municipalities/2081/needs/new", "/municipalities/2081/stakeholders", "/municipalities/2081/stakeholders/new",
        "/partnerships", "/partnerships/new");

    private static TheoryData<string, string> Both(params string[] urls)
    {
        var data = new TheoryData<string, string>();
        foreach (var url in urls) { data.Add(url, "sv"); data.Add(url, "en"); }
        return data;
    }

    private static string WithCulture(string url, string culture) => url + (url.Contains('?') ? "&" : "?") + "culture=" + culture;

    [Fact]
    public async Task Public_pages_reflow_at_320_css_pixels() =>
        await AssertReflowAsync(await app.NewPageAsync(width: 320), "public", Urls(PublicPages).Select(url => (url, url)));

    [Fact]
    public async Task Signed_in_pages_reflow_at_320_css_pixels()
    {
        var page = await app.NewPageAsync(width: 320);
        await page.SignInAsync("admin@samverka.example");
        await AssertReflowAsync(page, "admin", Urls(AdminPages).Select(url => (url, url)));
    }

    private static IEnumerable<string> Urls(TheoryData<string, string> pages) => pages.Select(row => (string)row[0]).Distinct();

    /// Loads each page and fails once, listing every page that scrolls sideways (BrowserApp.ReflowProblemAsync).
    private static async Task AssertReflowAsync(Microsoft.Playwright.IPage page, string prefix, IEnumerable<(string Name, string Url)> pages)
    {
        var problems = new List<string>();
        foreach (var (name, url) in pages)
        {
            await page.GotoAsync(url);
            if (await BrowserApp.ReflowProblemAsync(page, prefix + name) is { } problem) problems.Add($"{name}: {problem}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_page(string url, string culture)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(WithCulture(url, culture));
        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        await BrowserApp.AssertAccessibleAsync(page, $"public{url}-{culture}");
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Signed_in_page(string url, string culture)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("admin@samverka.example");
        await page.GotoAsync(WithCulture(url, culture));
        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        await BrowserApp.AssertAccessibleAsync(page, $"admin{url}-{culture}");
    }

    public static TheoryData<string, string> PartnershipPages => Both(
        "", "/steps/prepare", "/steps/goal", "/steps/strategies", "/steps/roles", "/steps/processes", "/steps/follow-up",
        "/steps/continuation", "/agreement", "/follow-up", "/edit", "/steps/prepare?partyq=kod", "/steps/roles?remove=activity&item=");

    [Fact]
    public async Task Partnership_pages_reflow_at_320_css_pixels()
    {
        var (id, activity) = await DemoIopAsync();
        var page = await app.NewPageAsync(width: 320);
        await page.SignInAsync("samordnare@borlange.example");
        await AssertReflowAsync(page, "partnership", Urls(PartnershipPages).Select(path => (path, PartnershipUrl(id, activity, path))));
    }

    /// A page of the demo IOP; the removal confirmation names its first activity.
    private static string PartnershipUrl(Guid id, Guid activity, string path) =>
        $"/partnerships/{id}{path}" + (path.EndsWith("item=") ? activity.ToString() : "");

    private Task<(Guid Id, Guid Activity)> DemoIopAsync() => app.WithDbAsync(async db =>
    {
        var p = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Samverka.Features.Partnerships.PartnershipData.Partnerships(db), x => x.Title == "Kompisar i Borlänge – IOP om inkludering");
        var a = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            Samverka.Features.Partnerships.PartnershipData.PartnershipActivities(db), x => x.PartnershipId == p.Id);
        return (p.Id, a.Id);
    });

    /// Every page of the demo IOP, as an officer of a party.
    [Theory]
    [MemberData(nameof(PartnershipPages))]
    public async Task Partnership_page(string path, string culture)
    {
        var (id, activity) = await DemoIopAsync();
        var page = await app.NewPageAsync();
        await page.SignInAsync("samordnare@borlange.example");
        var url = PartnershipUrl(id, activity, path);
        await page.GotoAsync(WithCulture(url, culture));
        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        await BrowserApp.AssertAccessibleAsync(page, $"partnership{path}-{culture}");
    }

    [Fact]
    public async Task Claim_page_for_someone_outside_the_organisation()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("handlaggare@falun.example");
        await page.GotoAsync("/organisations?q=kompis");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Kompis Sverige" }).ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Företräder du organisationen? Gör anspråk på den." }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(page, "org-claim-sv");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Skicka till kommunen" }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(page, "org-claim-errors-sv");
        await page.GotoAsync(page.Url.Split('?')[0] + "?culture=en");
        await BrowserApp.AssertAccessibleAsync(page, "org-claim-en");
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Officer_pages_for_an_organisation(string culture)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("handlaggare@borlange.example");
        await page.GotoAsync("/organisations?q=kompis");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Kompis Sverige" }).ClickAsync();
        var id = page.Url.Split('/')[^1].Split('?')[0];
        foreach (var (url, name) in new[] { ($"/organisations/{id}/merge", "merge"), ($"/organisations/{id}/merge?q=a", "merge-search") })
        {
            await page.GotoAsync(url + (url.Contains('?') ? "&" : "?") + "culture=" + culture);
            await BrowserApp.AssertAccessibleAsync(page, $"officer-{name}-{culture}");
        }
    }

    [Fact]
    public async Task Organisation_pages_for_its_admin()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("admin@dalia.example");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Tjejjouren Dalia" }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(page, "org-team-sv");
        var teamUrl = page.Url;
        var id = teamUrl.Split('/')[^2];
        foreach (var (url, name) in new[] { ($"/organisations/{id}", "org-details"), ($"/organisations/{id}/edit", "org-edit"), ($"/invitations/new?organisation={id}", "org-invite"), ($"/audit?organisation={id}", "org-audit"),
            ($"/organisations/{id}/services", "org-services"), ($"/organisations/{id}/contacts", "org-contacts"), ($"/organisations/{id}/confirm", "org-confirm") })
        {
            foreach (var culture in new[] { "sv", "en" })
            {
                await page.GotoAsync(WithCulture(url, culture));
                await BrowserApp.AssertAccessibleAsync(page, $"{name}-{culture}");
            }
        }
    }
}
