using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

public sealed class ResidentFindsMunicipality(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Resident_goes_from_the_home_page_to_Borlange_by_keyboard()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserApp.AssertAccessibleAsync(page, "home-sv");

        // The first Tab lands on the skip link, which moves focus to the main content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hoppa till innehållet", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Kommuner" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kommuner och regioner", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Region Dalarna (Sverige)" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "municipalities-sv");

        await page.GetByRole(AriaRole.Link, new() { Name = "Borlänge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Borlänge", Level = 1 })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "municipality-borlange-sv");
    }

    [Fact]
    public async Task Organisations_are_listed_and_searchable_without_javascript()
    {
        var page = await App.NewPageWithoutJavaScriptAsync();
        await page.GotoAsync("/organisations");
        await page.GetByLabel("Sök", new() { Exact = true }).FillAsync("Dalia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("1 organisation", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tjejjouren Dalia", Level = 1 })).ToBeVisibleAsync();
    }
}
