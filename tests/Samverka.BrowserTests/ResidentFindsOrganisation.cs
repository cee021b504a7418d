using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

public sealed class ResidentFindsOrganisation(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Resident_finds_an_organisation_by_a_misspelt_word_then_narrows_by_facets()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/organisations");
        await BrowserApp.AssertAccessibleAsync(page, "register-search-sv");

        await page.GetByLabel("Sök", new() { Exact = true }).FillAsync("psykiks hälsa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" })).ToBeVisibleAsync();
        Assert.Contains("q=psykiks", page.Url);
        await BrowserApp.AssertAccessibleAsync(page, "register-misspelt-sv");

        // Narrow with two facets; the address keeps the whole search so it can be shared.
        await page.GetByRole(AriaRole.Group, new() { Name = "Kommun" }).GetByLabel("Borlänge").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Språk" }).GetByLabel("Arabiska").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 organisation" })).ToBeVisibleAsync();
        Assert.Contains("municipality=2081", page.Url);
        Assert.Contains("language=ar", page.Url);
        await BrowserApp.AssertAccessibleAsync(page, "register-facets-sv");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stödchatt" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "organisation-dalia-sv");
    }

    [Fact]
    public async Task Facets_and_search_work_in_english_without_javascript()
    {
        var page = await App.NewPageWithoutJavaScriptAsync();
        await page.GotoAsync("/organisations?culture=en");
        var areas = page.GetByRole(AriaRole.Group, new() { Name = "Areas of work" });
        if (!await areas.GetByLabel("Sport").IsVisibleAsync()) await areas.Locator("summary").ClickAsync();
        await areas.GetByLabel("Sport").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Fryshuset Malmö" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" })).ToHaveCountAsync(0);
    }
}
