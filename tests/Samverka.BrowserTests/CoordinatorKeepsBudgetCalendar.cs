using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// A coordinator publishes a date in the budget calendar; a visitor sees it and can subscribe to the feed.
public sealed class CoordinatorKeepsBudgetCalendar(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_coordinator_adds_a_dialogue_meeting_to_the_budget_calendar()
    {
        var page = await App.NewPageAsync();
        await page.SignInAsync("samordnare@borlange.example");
        await page.GotoAsync("/municipalities/2081");
        await page.GetByRole(AriaRole.Link, new() { Name = "Budgetkalender", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lägg till ett datum" }).ClickAsync();

        // Saving an empty form lists what is missing, in form order, with the fields marked.
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Rubrik måste fyllas i");
        await BrowserApp.AssertAccessibleAsync(page, "calendar-errors-sv");

        var date = DateTime.Today.AddDays(30).ToString("yyyy-MM-dd");
        await page.GetByLabel("Typ").SelectOptionAsync("PublicMeeting");
        await page.GetByLabel("Rubrik").FillAsync("Dialogmöte om ungas fritid");
        await page.GetByLabel("Vem beslutar eller möts").FillAsync("Kultur- och fritidsnämnden");
        await page.GetByLabel("Datum").FillAsync(date);
        await page.GetByLabel("Starttid").FillAsync("17:30");
        await page.GetByLabel("Sluttid").FillAsync("19:00");
        await page.GetByLabel("Plats").FillAsync("Kulturhuset");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Dialogmöte om ungas fritid Kultur- och fritidsnämnden Kulturhuset" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "calendar-coordinator-sv");

        var visitor = await App.NewPageAsync("en-GB");
        await visitor.GotoAsync("/municipalities/2081/calendar?culture=en");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Cell, new() { Name = "Dialogmöte om ungas fritid Kultur- och fritidsnämnden Kulturhuset" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Subscribe in your calendar (iCalendar)" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(visitor, "calendar-visitor-en");
    }
}
