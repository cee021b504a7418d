using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// An organisation finds a need, asks a question and sends a proposal; the officer answers in public and replies.
public sealed class OrganisationTakesPartInNeed(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Dalia_asks_and_proposes_and_the_officer_answers()
    {
        var org = await App.NewPageAsync();
        await org.SignInAsync("admin@dalia.example");
        await org.GotoAsync("/needs");
        await org.GetByRole(AriaRole.Link, new() { Name = "Stöd för ungas psykiska hälsa" }).ClickAsync();
        var needUrl = org.Url;

        await org.GetByLabel("Din fråga").FillAsync("Går det att söka tillsammans med en annan förening?");
        await org.GetByRole(AriaRole.Button, new() { Name = "Skicka frågan" }).ClickAsync();
        await Assertions.Expect(org.GetByText("Frågan är skickad.")).ToBeVisibleAsync();

        await org.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }).ClickAsync();
        await Assertions.Expect(org.GetByRole(AriaRole.Alert)).ToContainTextAsync("Skriv svaret med 10–4 000 tecken");
        await BrowserApp.AssertAccessibleAsync(org, "need-respond-errors-sv");
        await org.GetByLabel("Förslag: så här skulle vi kunna bidra").CheckAsync();
        await org.GetByLabel("Ert svar").FillAsync("Vi har stödchatt och skolutbildningar och vill bygga ut dem i Borlänge.");
        await org.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }).ClickAsync();
        await Assertions.Expect(org.GetByText("Svaret är skickat till kommunen.")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(org, "need-organisation-sv");

        var officer = await App.NewPageAsync();
        await officer.SignInAsync("handlaggare@borlange.example");
        await officer.GotoAsync(needUrl);
        await Assertions.Expect(officer.GetByText("väntat 0 timmar").First).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(officer, "need-desk-sv");
        await officer.GetByLabel("Svar", new() { Exact = true }).First.FillAsync("Ja, gärna tillsammans.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Publicera svaret" }).First.ClickAsync();
        await Assertions.Expect(officer.GetByText("Svaret är publicerat.")).ToBeVisibleAsync();

        var resident = await App.NewPageAsync("en-GB");
        await resident.GotoAsync(needUrl + "?culture=en");
        await Assertions.Expect(resident.GetByText("Ja, gärna tillsammans.")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(resident, "need-public-qa-en");
    }
}
