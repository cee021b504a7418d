using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// Issue 16, "my data": a member looks at what Samverka holds about them, changes their address through the link
/// sent to the new one, and deletes their account — without JavaScript, each page checked with axe and at 320 px.
/// (This class has its own database, so the demo member may go.)
public sealed class PersonManagesTheirData(BrowserApp app) : BrowserTest(app)
{
    private static async Task AssertReflowsAsync(IPage page, string name)
    {
        if (await BrowserApp.ReflowProblemAsync(page, name) is { } problem) Assert.Fail($"{name}: {problem}");
    }

    [Fact]
    public async Task Member_reads_their_data_changes_their_address_and_deletes_their_account()
    {
        var page = await App.NewPageWithoutJavaScriptAsync();
        await page.SignInAsync("medlem@dalia.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mina uppgifter" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina uppgifter", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dina roller" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Vilka e-postmeddelanden du får och varför" })).ToHaveAttributeAsync("href", "/my/notifications");
        await BrowserApp.AssertAccessibleAsync(page, "my-data-sv");
        // The download (an attachment: PersonalDataTests reads it) is offered as a file.
        await Assertions.Expect(page.Locator("a[href='/my/data.json'][download]")).ToHaveCountAsync(1);

        // A new address: the form first refuses what is missing, then sends the link.
        await page.GetByRole(AriaRole.Link, new() { Name = "Byt e-postadress" }).First.ClickAsync();
        await BrowserApp.AssertAccessibleAsync(page, "my-email-sv");
        await AssertReflowsAsync(page, "my-email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka länken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "my-email-error-sv");
        const string newAddress = "mira.ny@dalia.example";
        await page.GetByLabel("Ny e-postadress").FillAsync(newAddress);
        await page.GetByLabel("Nuvarande lösenord").FillAsync(PageExtensions.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka länken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(newAddress);

        var mail = await App.WaitForMailAsync(newAddress);
        await page.GotoOkAsync(BrowserApp.FirstLink(mail, "/my/email/confirm"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Din e-postadress är bytt" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "my-email-changed-sv");

        // Deleting: told first, then the password.
        await page.SignInAsync(newAddress);
        await page.GotoOkAsync("/my/delete");
        await Assertions.Expect(page.GetByText("Det går inte att ångra.")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "my-delete-sv");
        await AssertReflowsAsync(page, "my-delete");
        await page.GetByLabel("Nuvarande lösenord").FillAsync(PageExtensions.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort mitt konto för alltid" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ditt konto är borttaget" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "my-delete-done-sv");
        Assert.False(await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == newAddress)));
    }

    [Fact]
    public async Task The_last_administrator_is_sent_to_the_team_page_instead()
    {
        var page = await App.NewPageWithoutJavaScriptAsync();
        await page.SignInAsync("admin@dalia.example");
        await page.GotoOkAsync("/my/delete");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du är den enda administratören" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ta bort mitt konto för alltid" })).ToHaveCountAsync(0);
        await BrowserApp.AssertAccessibleAsync(page, "my-delete-last-admin-sv");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/organisations/.+/team$"));
    }
}
