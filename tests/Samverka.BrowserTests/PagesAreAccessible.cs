using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;
using Samverka.Features.Partnerships;
using Samverka.Platform.Jobs;

namespace Samverka.BrowserTests;

/// Every page a person can reach, in both languages: it answers the status it should, in the language asked for, with
/// zero WCAG 2.1 A/AA violations found by axe-core, and (WCAG 1.4.10) without scrolling sideways at 320 CSS pixels.
/// One class per kind of visitor, each with its own app and one signed-in page, so the classes run side by side.
public static class PagesAreAccessible
{
    public static TheoryData<string, string> Both(params string[] urls)
    {
        var data = new TheoryData<string, string>();
        foreach (var url in urls) { data.Add(url, "sv"); data.Add(url, "en"); }
        return data;
    }

    public static string WithCulture(string url, string culture) => url + (url.Contains('?') ? "&" : "?") + "culture=" + culture;

    /// Loads the page in the language and checks it. The reflow check narrows the loaded page instead of loading it
    /// again; once per page is enough (the Swedish one, as before), as the layout does not change with the language.
    public static async Task CheckAsync(IPage page, string url, string culture, string name, int status = 200)
    {
        await page.GotoOkAsync(WithCulture(url, culture), status);
        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        await BrowserApp.AssertAccessibleAsync(page, $"{name}-{culture}");
        if (culture == "sv" && await BrowserApp.ReflowProblemAsync(page, name) is { } problem)
            Assert.Fail($"{url} at 320 CSS pixels: {problem}");
    }

    public sealed class Public(BrowserApp app) : BrowserTest(app)
    {
        public static TheoryData<string, string> Pages => Both(
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

        /// Pages that are meant to answer something else than 200: they must still be accessible.
        private static readonly Dictionary<string, int> Status = new()
        {
            ["/no-such-page"] = 404, ["/account/invitation/not-a-token"] = 404,
        };

        [Theory]
        [MemberData(nameof(Pages))]
        public async Task Public_page(string url, string culture) =>
            await CheckAsync(await App.SharedPageAsync(), url, culture, $"public{url}", Status.GetValueOrDefault(url, 200));
    }

    public sealed class SignedIn(BrowserApp app) : BrowserTest(app)
    {
        public static TheoryData<string, string> Pages => Both(
            "/account", "/account/password", "/admin", "/admin/municipalities", "/admin/municipalities?confirmDisable=2081", "/admin/jobs", "/audit",
            "/audit?tenant=2081", "/municipalities/2081/team", "/municipalities/2081/edit", "/invitations/new?tenant=2081",
            "/municipalities/2081/register", "/organisations/new", "/organisations/import",
            "/municipalities/2081/calendar", "/municipalities/2081/calendar/new", "/municipalities/2081/profile/strategies/new",
            "/municipalities/2081/profile/coordinators/new", "/municipalities/2081/profile/support/new",
            "/municipalities/2081/needs", "/municipalities/2081/needs/new", "/municipalities/2081/stakeholders", "/municipalities/2081/stakeholders/new",
            "/partnerships", "/partnerships/new", "/my");

        [Theory]
        [MemberData(nameof(Pages))]
        public async Task Signed_in_page(string url, string culture) =>
            await CheckAsync(await App.SharedPageAsync("admin@samverka.example"), url, culture, $"admin{url}");

        /// The job queue as it looks after a while: more jobs than fit on one page, and one that failed for good with
        /// a long error. Arranged here, so the page is checked in that state every time rather than only when other
        /// tests happened to leave it so (the cause of a failure that came and went with the order of the suite).
        [Theory]
        [InlineData("sv")]
        [InlineData("en")]
        public async Task Job_queue_page_with_a_failed_job_and_more_than_one_page(string culture)
        {
            await App.WithDbAsync(async db =>
            {
                if (await db.Jobs.AnyAsync(j => j.Type == "example.arranged")) return 0;
                var now = DateTime.UtcNow;
                for (var i = 0; i < 60; i++)
                    db.Jobs.Add(new Job { Type = "example.arranged", Status = JobStatus.Succeeded, Attempts = 1, RunAfter = now, CreatedAt = now.AddSeconds(-i), CompletedAt = now });
                db.Jobs.Add(new Job
                {
                    Type = "email.send", Status = JobStatus.Failed, Attempts = 5, MaxAttempts = 5, RunAfter = now, CreatedAt = now.AddSeconds(1), CompletedAt = now,
                    LastError = "System.IO.DirectoryNotFoundException: Could not find a part of the path '/var/lib/samverka/mail-pickup/20261202T061200123-0123456789abcdef0123456789abcdef.eml.tmp'.",
                });
                return await db.SaveChangesAsync();
            });
            await CheckAsync(await App.SharedPageAsync("admin@samverka.example"), "/admin/jobs", culture, "admin/admin/jobs-failed-and-paged");
        }
    }

    /// Every page of the demo IOP, as an officer of a party.
    public sealed class Partnership(BrowserApp app) : BrowserTest(app)
    {
        public static TheoryData<string, string> Pages => Both(
            "", "/steps/prepare", "/steps/goal", "/steps/strategies", "/steps/roles", "/steps/processes", "/steps/follow-up",
            "/steps/continuation", "/agreement", "/follow-up", "/edit", "/steps/prepare?partyq=kod", "/steps/roles?remove=activity&item=");

        [Theory]
        [MemberData(nameof(Pages))]
        public async Task Partnership_page(string path, string culture)
        {
            // The demo IOP; the removal confirmation names its first activity.
            var (id, activity) = await App.WithDbAsync(async db =>
            {
                var p = await db.Partnerships().SingleAsync(x => x.Title == "Kompisar i Borlänge – IOP om inkludering");
                var a = await db.PartnershipActivities().FirstAsync(x => x.PartnershipId == p.Id);
                return (p.Id, a.Id);
            });
            var url = $"/partnerships/{id}{path}" + (path.EndsWith("item=") ? activity.ToString() : "");
            await CheckAsync(await App.SharedPageAsync("samordnare@borlange.example"), url, culture, $"partnership{path}");
        }
    }

    /// The pages around an organisation, for someone outside it, for an officer and for its own admin.
    public sealed class Organisation(BrowserApp app) : BrowserTest(app)
    {
        [Fact]
        public async Task Claim_page_for_someone_outside_the_organisation()
        {
            var page = await App.SharedPageAsync("handlaggare@falun.example");
            await page.GotoOkAsync("/organisations?q=kompis&culture=sv");
            await page.GetByRole(AriaRole.Link, new() { Name = "Kompis Sverige" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Företräder du organisationen? Gör anspråk på den." }).ClickAsync();
            var send = page.GetByRole(AriaRole.Button, new() { Name = "Skicka till kommunen" });
            await Assertions.Expect(send).ToBeVisibleAsync();
            await BrowserApp.AssertAccessibleAsync(page, "org-claim-sv");
            await send.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await BrowserApp.AssertAccessibleAsync(page, "org-claim-errors-sv");
            await page.GotoOkAsync(page.Url.Split('?')[0] + "?culture=en");
            await BrowserApp.AssertAccessibleAsync(page, "org-claim-en");
        }

        [Theory]
        [InlineData("sv")]
        [InlineData("en")]
        public async Task Officer_pages_for_an_organisation(string culture)
        {
            var page = await App.SharedPageAsync("handlaggare@borlange.example");
            var id = await App.WithDbAsync(db => db.Set<Samverka.Features.Register.Organisation>().Where(o => o.Name == "Kompis Sverige").Select(o => o.Id).SingleAsync());
            foreach (var (url, name) in new[] { ($"/organisations/{id}/merge", "merge"), ($"/organisations/{id}/merge?q=a", "merge-search") })
            {
                await page.GotoOkAsync(WithCulture(url, culture));
                await BrowserApp.AssertAccessibleAsync(page, $"officer-{name}-{culture}");
            }
        }

        [Fact]
        public async Task Organisation_pages_for_its_admin()
        {
            var page = await App.SharedPageAsync("admin@dalia.example");
            await page.GotoOkAsync("/account");
            await page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" }).ClickAsync();
            await page.WaitForURLAsync("**/team");
            await BrowserApp.AssertAccessibleAsync(page, "org-team-sv");
            var id = page.Url.Split('/')[^2];
            foreach (var (url, name) in new[] { ($"/organisations/{id}", "org-details"), ($"/organisations/{id}/edit", "org-edit"), ($"/invitations/new?organisation={id}", "org-invite"), ($"/audit?organisation={id}", "org-audit"),
                ($"/organisations/{id}/services", "org-services"), ($"/organisations/{id}/contacts", "org-contacts"), ($"/organisations/{id}/confirm", "org-confirm") })
            {
                foreach (var culture in new[] { "sv", "en" })
                {
                    await page.GotoOkAsync(WithCulture(url, culture));
                    await BrowserApp.AssertAccessibleAsync(page, $"{name}-{culture}");
                }
            }
        }
    }
}
