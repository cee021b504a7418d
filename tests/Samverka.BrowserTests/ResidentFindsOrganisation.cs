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

        // Narrow with two facets, each applied as soon as it is ticked (no button, no scrolling past the groups);
        // the address keeps the whole search so it can be shared, and focus stays on the box that was ticked.
        await page.GetByRole(AriaRole.Group, new() { Name = "Kommun" }).GetByLabel("Borlänge").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("municipality=2081"));
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Kommun" }).GetByLabel("Borlänge")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Språk" }).GetByLabel("Arabiska").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("language=ar"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 organisation" })).ToBeVisibleAsync();
        Assert.Contains("municipality=2081", page.Url);
        await BrowserApp.AssertAccessibleAsync(page, "register-facets-sv");

        // Ages 10–15 as the person says them, with the other filters kept.
        await page.GetByRole(AriaRole.Group, new() { Name = "Ålder i år" }).GetByLabel("Från").FillAsync("10");
        await page.GetByRole(AriaRole.Group, new() { Name = "Ålder i år" }).GetByLabel("Till").FillAsync("15");
        await page.GetByRole(AriaRole.Group, new() { Name = "Ålder i år" }).GetByLabel("Till").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("ageFrom=10") && url.Contains("ageTo=15"));
        Assert.Contains("language=ar", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "register-ages-sv");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stödchatt" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "organisation-dalia-sv");
    }

    [Fact]
    public async Task Facets_and_search_work_in_english_without_javascript()
    {
        var page = await App.NewPageWithoutJavaScriptAsync();
        await page.GotoAsync("/organisations?culture=en");
        // The button comes before the facet groups, not only after all six of them.
        Assert.Equal("BUTTON", await page.Locator(".search__facets > :not(h2)").First.EvaluateAsync<string>("e => e.tagName"));
        var areas = page.GetByRole(AriaRole.Group, new() { Name = "Areas of work" });
        if (!await areas.GetByLabel("Sport").IsVisibleAsync()) await areas.Locator("summary").ClickAsync();
        await areas.GetByLabel("Sport").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Fryshuset Malmö" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" })).ToHaveCountAsync(0);

        // A wrong age range is explained beside the fields, in English, and the search still answers.
        // (The switch remembers English; ?culture= holds for one page only.)
        await page.GotoAsync("/organisations?area=sport");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisations", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Age in years" }).GetByLabel("From").FillAsync("15");
        await page.GetByRole(AriaRole.Group, new() { Name = "Age in years" }).GetByLabel("To").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Age to must be the same as or higher than age from.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Fryshuset Malmö" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "register-ages-error-en");
    }
}
