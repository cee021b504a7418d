using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// A member finds "E-post från Samverka" from their account page and chooses how often they hear about needs they
/// follow: by keyboard, in Swedish and English, at 320 px, and without JavaScript.
public sealed class PersonChoosesNotifications(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Member_chooses_a_daily_digest_for_followed_needs_by_keyboard()
    {
        var page = await App.NewPageAsync();
        await page.SignInAsync("medlem@dalia.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "E-post från Samverka" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/my/notifications");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "E-post från Samverka", Level = 1 })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "notifications-sv");
        Assert.Null(await BrowserApp.ReflowProblemAsync(page, "notifications-sv"));

        // Each kind is a group of radio buttons named by the kind; arrow keys move the choice within the group.
        var followed = page.GetByRole(AriaRole.Group, new() { Name = "Nytt om behov du följer" });
        await Assertions.Expect(followed.GetByRole(AriaRole.Radio, new() { Name = "Direkt (förval)" })).ToBeCheckedAsync();
        await followed.GetByRole(AriaRole.Radio, new() { Name = "Direkt (förval)" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(followed.GetByRole(AriaRole.Radio, new() { Name = "Samlat en gång om dagen" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dina val för e-post är sparade.");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Nytt om behov du följer" })
            .GetByRole(AriaRole.Radio, new() { Name = "Samlat en gång om dagen" })).ToBeCheckedAsync();
        await BrowserApp.AssertAccessibleAsync(page, "notifications-saved-sv");

        await page.GotoOkAsync("/my/notifications?culture=en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "E-mail from Samverka", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "News about needs you follow" })
            .GetByRole(AriaRole.Radio, new() { Name = "Gathered once a day" })).ToBeCheckedAsync();
        await BrowserApp.AssertAccessibleAsync(page, "notifications-en");
        Assert.Null(await BrowserApp.ReflowProblemAsync(page, "notifications-en"));
    }

    [Fact]
    public async Task The_choice_is_saved_without_JavaScript()
    {
        var page = await App.NewPageWithoutJavaScriptAsync();
        await page.SignInAsync("admin@dalia.example");
        await page.GotoOkAsync("/my/notifications");
        var fitting = page.GetByRole(AriaRole.Group, new() { Name = "Nya behov som passar din organisation" });
        await fitting.GetByRole(AriaRole.Radio, new() { Name = "Samlat en gång i veckan" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dina val för e-post är sparade.");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Nya behov som passar din organisation" })
            .GetByRole(AriaRole.Radio, new() { Name = "Samlat en gång i veckan" })).ToBeCheckedAsync();
    }
}
