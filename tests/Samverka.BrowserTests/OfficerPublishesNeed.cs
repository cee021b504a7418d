using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// An officer publishes a need from a draft; a resident finds it on the board, in both languages.
public sealed class OfficerPublishesNeed(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task An_officer_publishes_a_need_that_a_resident_then_finds()
    {
        var page = await App.NewPageAsync();
        await page.SignInAsync("handlaggare@borlange.example");
        await page.GotoAsync("/municipalities/2081");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kommunens behov", Exact = true }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Publicera ett behov" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Välj minst ett område");
        await BrowserApp.AssertAccessibleAsync(page, "need-errors-sv");

        await page.GetByLabel("Rubrik").FillAsync("Sommarjobb för unga i föreningar");
        await page.GetByLabel("Förvaltning eller nämnd").SelectOptionAsync(new SelectOptionValue { Label = "Kultur- och fritidsförvaltningen" });
        await page.GetByLabel("Samhällsproblemet").FillAsync("Få unga i kommunen får ett första sommarjobb.");
        await page.GetByLabel("Vad vi vill uppnå").FillAsync("Fler unga får sin första arbetslivserfarenhet.");
        await page.GetByRole(AriaRole.Group, new() { Name = "Område" }).GetByLabel("Unga", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Öppet för" }).GetByLabel("Bidrag").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sommarjobb för unga i föreningar" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "need-published-sv");

        var resident = await App.NewPageAsync("en-GB");
        await resident.GotoAsync("/needs?culture=en");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Sommarjobb för unga i föreningar" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "The societal problem" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(resident, "need-details-en");
    }
}
