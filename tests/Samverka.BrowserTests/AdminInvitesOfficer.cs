using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

public sealed class AdminInvitesOfficer(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Municipality_admin_invites_a_new_officer_who_creates_an_account_from_the_email()
    {
        var admin = await App.NewPageAsync();
        await admin.SignInAsync("kommunadmin@borlange.example");
        await admin.GotoAsync("/municipalities/2081/team");
        await BrowserApp.AssertAccessibleAsync(admin, "team-borlange-admin-sv");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Bjud in en person" }).ClickAsync();
        await admin.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/invitations/new\\?"));
        await BrowserApp.AssertAccessibleAsync(admin, "invite-sv");

        // Empty form first: both problems are listed.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-postadress måste fyllas i.");
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Roll: välj ett alternativ.");
        await BrowserApp.AssertAccessibleAsync(admin, "invite-errors-sv");

        var email = $"ny-{Guid.NewGuid():N}@borlange.example";
        await admin.GetByLabel("E-postadress").FillAsync(email);
        await admin.GetByLabel("Roll").SelectOptionAsync(new SelectOptionValue { Label = "handläggare" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Inbjudan är skickad till {email}");
        await BrowserApp.AssertAccessibleAsync(admin, "team-borlange-invited-sv");
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true })).ToBeVisibleAsync();

        var link = BrowserApp.FirstLink(await App.WaitForMailAsync(email), "/account/invitation/");
        var invitee = await App.NewPageAsync();
        await invitee.GotoAsync(link);
        await Assertions.Expect(invitee.GetByText("Du är inbjuden som handläggare i Borlänge.")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(invitee, "invitation-sv");
        await invitee.GetByLabel("Namn").FillAsync("Nora Ny");
        await invitee.GetByLabel("Nytt lösenord", new() { Exact = true }).FillAsync("ett långt lösenord");
        await invitee.GetByLabel("Upprepa lösenordet").FillAsync("ett långt lösenord");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Skapa konto och tacka ja" }).ClickAsync();
        await Assertions.Expect(invitee.GetByRole(AriaRole.Status)).ToContainTextAsync("Du är nu handläggare i Borlänge.");
        await BrowserApp.AssertAccessibleAsync(invitee, "account-new-officer-sv");

        await admin.ReloadAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell, new() { Name = "Nora Ny", Exact = true })).ToBeVisibleAsync();
    }
}
