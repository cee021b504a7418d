using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

public sealed class OrganisationRegistersAndIsVerified(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task An_organisation_registers_the_officer_verifies_it_and_the_organisation_edits_its_entry()
    {
        var name = $"Borlänge schackklubb {Guid.NewGuid().ToString("N")[..4]}";
        var org = await App.NewPageAsync();
        await org.SignInAsync("medlem@dalia.example");
        await org.GotoAsync("/organisations");
        await org.GetByRole(AriaRole.Link, new() { Name = "Saknas er organisation? Registrera den här." }).ClickAsync();
        await org.WaitForURLAsync("**/organisations/new");
        await BrowserApp.AssertAccessibleAsync(org, "organisation-new-sv");

        // Submitting an empty form lists what is missing.
        await org.GetByRole(AriaRole.Button, new() { Name = "Registrera organisationen" }).ClickAsync();
        await Assertions.Expect(org.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Organisationens namn måste fyllas i.");
        await BrowserApp.AssertAccessibleAsync(org, "organisation-new-errors-sv");

        await org.GetByLabel("Organisationens namn").FillAsync(name);
        await org.GetByLabel("Organisationsform").SelectOptionAsync(new SelectOptionValue { Label = "Ideell förening" });
        await org.GetByLabel("Hemkommun").SelectOptionAsync(new SelectOptionValue { Label = "Borlänge (Sverige)" });
        await org.GetByLabel("Beskrivning").FillAsync("Schack för barn och vuxna varje onsdag i Folkets hus.");
        await org.GetByRole(AriaRole.Group, new() { Name = "Verksamhetsområden" }).GetByLabel("Fritid").CheckAsync();
        await org.GetByRole(AriaRole.Button, new() { Name = "Registrera organisationen" }).ClickAsync();
        await Assertions.Expect(org.GetByRole(AriaRole.Status)).ToContainTextAsync("väntar på att kommunen ska granska den");
        await BrowserApp.AssertAccessibleAsync(org, "organisation-pending-sv");

        var officer = await App.NewPageAsync();
        await officer.SignInAsync("handlaggare@borlange.example");
        await officer.GotoAsync("/municipalities/2081/team");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Granska registret" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = $"Godkänn – {name}" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(officer, "register-review-sv");
        await officer.GetByRole(AriaRole.Button, new() { Name = $"Godkänn – {name}" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} är godkänd");

        await org.GotoAsync("/account");
        await org.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await org.WaitForURLAsync("**/team");
        await org.GotoAsync(org.Url.Replace("/team", "/edit"));
        await BrowserApp.AssertAccessibleAsync(org, "organisation-edit-sv");
        await org.GetByRole(AriaRole.Group, new() { Name = "Språk" }).GetByLabel("Engelska").CheckAsync();
        await org.GetByRole(AriaRole.Button, new() { Name = "Spara och bekräfta" }).ClickAsync();
        await Assertions.Expect(org.GetByRole(AriaRole.Status)).ToContainTextAsync("Ändringarna är sparade.");
        await Assertions.Expect(org.GetByText("Svenska, Engelska").Or(org.GetByText("Engelska"))).ToBeVisibleAsync();

        var resident = await App.NewPageAsync();
        await resident.GotoAsync("/organisations?q=schack&language=en");
        await Assertions.Expect(resident.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
    }
}
