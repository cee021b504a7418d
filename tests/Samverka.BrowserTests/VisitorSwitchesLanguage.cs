using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

public sealed class VisitorSwitchesLanguage(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_switch_changes_the_language_and_remembers_it()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/municipalities");
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Municipalities and regions", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await BrowserApp.AssertAccessibleAsync(page, "municipalities-en");

        // Remembered on the next page, then switched back.
        await page.GetByRole(AriaRole.Link, new() { Name = "Organisations" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisations", Level = 1 })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "organisations-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisationer", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_switch_works_without_javascript()
    {
        var page = await App.NewPageWithoutJavaScriptAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
