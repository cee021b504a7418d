using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// Issue 17: an officer sets up a programme with a question and a criterion and turns a need into a call, by
/// clicking from the municipality's page; a resident finds the call on the board in English. Axe on every page.
public sealed class OfficerOpensACall(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task An_officer_sets_up_a_programme_and_turns_a_need_into_a_call_that_a_resident_finds()
    {
        var page = await App.NewPageAsync();
        await page.SignInAsync("handlaggare@borlange.example");
        await page.GotoAsync("/municipalities/2081");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bidrag – handläggning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grundbidrag till föreningar" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "funding-desk-sv");

        // A programme: refused first with the reasons, then saved and on to its form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt bidragsprogram" }).ClickAsync();
        await page.GetByLabel("Utbetalning").FillAsync("70,20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("som tillsammans blir 100");
        await BrowserApp.AssertAccessibleAsync(page, "funding-programme-errors-sv");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Sommarlovsbidrag");
        await page.GetByLabel("Typ av bidrag").SelectOptionAsync(new SelectOptionValue { Label = "Projektbidrag" });
        await page.GetByLabel("Syfte").FillAsync("Aktiviteter för barn och unga under sommarlovet.");
        await page.GetByLabel("Budget", new() { Exact = true }).FillAsync("500000");
        await page.GetByLabel("Utbetalning").FillAsync("70,30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ansökningsformulär och bedömning" })).ToBeVisibleAsync();

        await page.GetByLabel("Sida i formuläret").FillAsync("Aktiviteten");
        await page.GetByLabel("Fråga", new() { Exact = true }).FillAsync("Vad ska ni göra i sommar?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till fråga" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Vad ska ni göra i sommar?" })).ToBeVisibleAsync();
        await page.GetByLabel("Bedömningsgrund", new() { Exact = true }).FillAsync("Når barn som annars inte är med");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till bedömningsgrund" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Når barn som annars inte är med" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "funding-form-sv");
        Assert.Null(await BrowserApp.ReflowProblemAsync(page, "funding-form"));

        // The need becomes a call of the new programme.
        await page.GotoAsync("/needs?municipality=2081");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fler unga i föreningslivet i Jakobsgårdarna och Tjärna ängar" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bli en utlysning" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Rubrik")).ToHaveValueAsync("Fler unga i föreningslivet i Jakobsgårdarna och Tjärna ängar");
        await page.GetByLabel("Bidragsprogram").SelectOptionAsync(new SelectOptionValue { Label = "Sommarlovsbidrag" });
        await page.GetByLabel("Rubrik").FillAsync("Sommarlov i Jakobsgårdarna");
        await BrowserApp.AssertAccessibleAsync(page, "funding-call-edit-sv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sommarlov i Jakobsgårdarna", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Vad ska ni göra i sommar?")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "funding-call-sv");

        var resident = await App.NewPageAsync("en-GB");
        await resident.GotoAsync("/funding?culture=en");
        await resident.GetByLabel("Kind of grant").SelectOptionAsync(new SelectOptionValue { Label = "Project grant" });
        await resident.GetByRole(AriaRole.Button, new() { Name = "Show calls" }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(resident, "funding-board-en");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Sommarlov i Jakobsgårdarna" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Who may apply?" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(resident, "funding-call-en");
        Assert.Null(await BrowserApp.ReflowProblemAsync(resident, "funding-call"));
    }

    [Fact]
    public async Task The_board_works_without_javascript_and_says_when_nothing_fits()
    {
        var page = await App.NewPageWithoutJavaScriptAsync();
        await page.GotoAsync("/funding");
        await page.GetByLabel("Typ av bidrag").SelectOptionAsync(new SelectOptionValue { Label = "Lokalbidrag" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa utlysningar" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Inga utlysningar passar filtret")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "funding-board-empty-sv");
        await page.GotoAsync("/funding");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ungt initiativ – vårens omgång" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vem kan söka?" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "funding-call-youth-sv");
    }
}
