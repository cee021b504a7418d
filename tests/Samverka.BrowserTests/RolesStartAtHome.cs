using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// Each kind of person starts at the home page and reaches their first task by clicking only (no address typed after
/// the home page), with axe on every page on the way. Home and /my are also checked at 320 CSS pixels.
public sealed class RolesStartAtHome(BrowserApp app) : BrowserTest(app)
{
    private static async Task CheckAsync(IPage page, string name, bool reflow = false)
    {
        await BrowserApp.AssertAccessibleAsync(page, name);
        if (reflow && await BrowserApp.ReflowProblemAsync(page, name) is { } problem) Assert.Fail($"{name} at 320 CSS pixels: {problem}");
    }

    private static async Task<IPage> HomeAsync(BrowserApp app, string name)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Samverka");
        await CheckAsync(page, name, reflow: true);
        return page;
    }

    /// Signs in through the header's link, as a person would from the home page, and comes back to it by the brand.
    private static async Task SignInFromHeaderAsync(IPage page, string email, string shot)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Konto", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Logga in" }).ClickAsync();
        await CheckAsync(page, $"{shot}-login");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync(PageExtensions.DemoPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mitt konto", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_resident_searches_the_register_from_home_and_finds_an_organisation()
    {
        var page = await HomeAsync(App, "home-resident");
        var search = page.GetByRole(AriaRole.Search, new() { Name = "Hitta föreningar och organisationer" });
        await search.GetByLabel("Vad letar du efter?").FillAsync("Dalia");
        await search.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" })).ToBeVisibleAsync();
        await CheckAsync(page, "home-resident-search");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tjejjouren Dalia", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "home-resident-organisation");
    }

    [Fact]
    public async Task A_resident_chooses_a_municipality_and_opens_one_of_its_needs_and_answers_the_advisors_first_question()
    {
        var page = await HomeAsync(App, "home-needs");
        var needs = page.GetByRole(AriaRole.Region, new() { Name = "Öppna behov" });
        await needs.GetByLabel("Kommun", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Borlänge" });
        await needs.GetByRole(AriaRole.Button, new() { Name = "Visa behov" }).ClickAsync();
        var borlange = page.GetByRole(AriaRole.Region, new() { Name = "Öppna behov i Borlänge" });
        await Assertions.Expect(borlange.GetByRole(AriaRole.Link, new() { Name = "Stöd för ungas psykiska hälsa" })).ToBeVisibleAsync();
        await CheckAsync(page, "home-needs-borlange");
        await borlange.GetByRole(AriaRole.Link, new() { Name = "Stöd för ungas psykiska hälsa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stöd för ungas psykiska hälsa", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "home-needs-need");

        // Back home by the brand: the advisor's first question is answered there and the advisor goes on.
        await page.GetByRole(AriaRole.Link, new() { Name = "Samverka", Exact = true }).ClickAsync();
        var advisor = page.GetByRole(AriaRole.Region, new() { Name = "Hur kan vi samarbeta?" });
        await advisor.GetByRole(AriaRole.Radio).First.CheckAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Fortsätt i rådgivaren" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Fråga 2 av", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAsync(page, "home-advisor-second-question");
    }

    [Fact]
    public async Task A_new_association_finds_how_to_create_an_account()
    {
        var page = await HomeAsync(App, "home-newcomer");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Skapa ett konto" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Skapa konto", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "home-newcomer-register");
    }

    [Fact]
    public async Task An_officer_goes_from_home_through_her_municipality_to_the_register_desk()
    {
        var page = await HomeAsync(App, "home-officer");
        await SignInFromHeaderAsync(page, "handlaggare@borlange.example", "home-officer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Samverka", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ditt arbete" })).ToBeVisibleAsync();
        await CheckAsync(page, "home-officer-signed-in", reflow: true);
        await page.GetByRole(AriaRole.Region, new() { Name = "Kommuner" }).GetByRole(AriaRole.Link, new() { Name = "Borlänge", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Borlänge", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "home-officer-municipality");
        await page.GetByRole(AriaRole.Link, new() { Name = "Granska registret" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Granska registret – Borlänge", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "home-officer-register-desk");
    }

    [Fact]
    public async Task A_coordinator_opens_my_work_and_reaches_a_late_check_in()
    {
        var page = await HomeAsync(App, "home-coordinator");
        await SignInFromHeaderAsync(page, "samordnare@borlange.example", "home-coordinator");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Konto", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Mitt arbete" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mitt arbete", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "my-coordinator", reflow: true);
        var checkIns = page.GetByRole(AriaRole.Region, new() { Name = "Avstämningar att hålla" });
        await Assertions.Expect(checkIns.GetByText("Skulle vara klart")).ToBeVisibleAsync();
        await checkIns.GetByRole(AriaRole.Link, new() { Name = "Skolutbildning om psykisk hälsa – Tjejjouren Dalia" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Uppföljning");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Skolutbildning om psykisk hälsa");
        await CheckAsync(page, "my-coordinator-follow-up");
    }

    [Fact]
    public async Task An_organisation_member_sees_a_fitting_need_first_on_the_home_page_and_opens_it()
    {
        var page = await HomeAsync(App, "home-member");
        await SignInFromHeaderAsync(page, "medlem@dalia.example", "home-member");
        await page.GetByRole(AriaRole.Link, new() { Name = "Samverka", Exact = true }).ClickAsync();
        var work = page.GetByRole(AriaRole.Region, new() { Name = "Ditt arbete" });
        await work.GetByRole(AriaRole.Link, new() { Name = "Stöd för ungas psykiska hälsa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stöd för ungas psykiska hälsa", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "home-member-need");

        // "My work" in English, from the account page.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Account", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "My account" }).ClickAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Needs that fit your organisation" })).ToBeVisibleAsync();
        await CheckAsync(page, "my-member-en");
    }

    [Fact]
    public async Task A_platform_administrator_goes_from_home_to_the_municipalities_on_the_platform()
    {
        var page = await HomeAsync(App, "home-admin");
        await SignInFromHeaderAsync(page, "admin@samverka.example", "home-admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Konto", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Mitt arbete" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Inget väntar på dig just nu.")).ToBeVisibleAsync();
        await CheckAsync(page, "my-admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Konto", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Kommuner på plattformen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kommuner på plattformen", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "home-admin-municipalities");
    }
}
