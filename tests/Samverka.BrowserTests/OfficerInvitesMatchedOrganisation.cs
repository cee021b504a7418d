using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// The officer sees the organisations that fit a need, with the reasons, and invites one; the organisation finds the
/// invitation among the needs that fit it, follows the need and turns on the weekly digest.
public sealed class OfficerInvitesMatchedOrganisation(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_officer_invites_Dalia_from_the_matches_and_Dalia_finds_the_invitation()
    {
        var officer = await App.NewPageAsync();
        await officer.SignInAsync("handlaggare@borlange.example");
        await officer.GotoAsync("/needs");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Stöd för ungas psykiska hälsa" }).ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Se organisationer som passar" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Organisationer som passar", Exact = false, Level = 1 })).ToBeVisibleAsync();

        var dalia = officer.Locator("li.match", new() { Has = officer.GetByRole(AriaRole.Heading, new() { Name = "Tjejjouren Dalia" }) });
        await Assertions.Expect(dalia).ToContainTextAsync("Verkar i Borlänge");
        await Assertions.Expect(dalia).ToContainTextAsync("Arbetar med psykisk hälsa");
        // Dalia is among the first five.
        var names = await officer.Locator("li.match h2").AllInnerTextsAsync();
        Assert.Contains("Tjejjouren Dalia", names.Take(5));
        await BrowserApp.AssertAccessibleAsync(officer, "need-matches-sv");

        // Dalia has already responded to this need in another journey, so the invitation goes out for the other open need.
        await officer.GotoAsync("/needs");
        await officer.GetByRole(AriaRole.Link, new() { Name = LeisureNeed }).ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Se organisationer som passar" }).ClickAsync();
        dalia = officer.Locator("li.match", new() { Has = officer.GetByRole(AriaRole.Heading, new() { Name = "Tjejjouren Dalia" }) });
        await dalia.GetByRole(AriaRole.Button, new() { Name = "Bjud in att svara" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Tjejjouren Dalia är inbjuden att svara.")).ToBeVisibleAsync();
        await Assertions.Expect(dalia).ToContainTextAsync("Inbjuden");
        await officer.GotoAsync(officer.Url.Split('?')[0].Split('#')[0] + "?culture=en");
        await Assertions.Expect(officer.GetByText("Works in Borlänge").First).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(officer, "need-matches-en");

        var org = await App.NewPageAsync();
        await org.SignInAsync("admin@dalia.example");
        await org.GotoAsync("/organisations?q=Tjejjouren+Dalia");
        await org.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalia" }).First.ClickAsync();
        await org.GetByRole(AriaRole.Link, new() { Name = "Behov som passar er" }).ClickAsync();
        await Assertions.Expect(org.GetByRole(AriaRole.Heading, new() { Name = "Ni är inbjudna att svara på" })).ToBeVisibleAsync();
        await Assertions.Expect(org.GetByRole(AriaRole.Link, new() { Name = "Stöd för ungas psykiska hälsa" }).First).ToBeVisibleAsync(); // fits
        await org.GetByRole(AriaRole.Button, new() { Name = "Ja, skicka veckobrev" }).ClickAsync();
        await Assertions.Expect(org.GetByText("Veckobrevet är på.")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(org, "organisation-needs-sv");

        await org.GetByRole(AriaRole.Link, new() { Name = LeisureNeed }).First.ClickAsync();
        await Assertions.Expect(org.GetByText("Borlänge har bjudit in Tjejjouren Dalia att svara på behovet.")).ToBeVisibleAsync();
        await org.GetByRole(AriaRole.Button, new() { Name = "Följ behovet" }).ClickAsync();
        await Assertions.Expect(org.GetByText("Du följer nu behovet.")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(org, "need-invited-following-sv");
    }

    private const string LeisureNeed = "Fler unga i föreningslivet i Jakobsgårdarna och Tjärna ängar";
}
