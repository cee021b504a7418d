using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

public sealed class OfficerSignsIn(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Officer_signs_in_sees_her_roles_and_her_municipalitys_team_then_signs_out()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/account/login");
        await BrowserApp.AssertAccessibleAsync(page, "login-sv");

        // A wrong password first: the error summary names the problem and links to the field.
        await page.GetByLabel("E-postadress").FillAsync("handlaggare@borlange.example");
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fel e-postadress eller lösenord");
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("document.activeElement.className"));
        await BrowserApp.AssertAccessibleAsync(page, "login-error-sv");

        await page.SignInAsync("handlaggare@borlange.example");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "handläggare", Exact = true })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "account-officer-sv");

        await page.GetByRole(AriaRole.Link, new() { Name = "Borlänge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Personer och roller – Borlänge" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Kim Kommunadmin", Exact = true })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "team-borlange-officer-sv");

        // Another municipality's page is refused.
        var refused = await page.GotoAsync("/municipalities/2080/team");
        Assert.Equal(403, refused!.Status);
        await BrowserApp.AssertAccessibleAsync(page, "forbidden-sv");

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Du är utloggad");
    }
}
