using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// The whole IOP between Borlänge and Tjejjouren Dalia: the officer starts it from the mental-health need's matches,
/// the parties work through every step of the workflow, a health signal is raised by an activity nobody answers for
/// and cleared by the RACI matrix, the agreement is generated, both parties approve it, and a check-in is recorded.
public sealed class PartnersAgreeOnIop(BrowserApp app) : BrowserTest(app)
{
    private const string Need = "Stöd för ungas psykiska hälsa";
    private const string Activity = "Samtalsgrupper för tjejer";
    private const string NoAccountable = "Aktiviteter utan exakt en ansvarig: 1";

    private static Task Answer(IPage page, string question, string text) => page.GetByLabel(question).FillAsync(text);

    private static async Task SaveAnswers(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara svaren" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ändringarna är sparade.")).ToBeVisibleAsync();
    }

    private static async Task Step(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Steg", Exact = true }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
    }

    [Fact]
    public async Task Borlange_and_Dalia_create_and_approve_an_iop_from_a_need()
    {
        var title = "IOP Unga tjejers hälsa " + Guid.NewGuid().ToString("N")[..4];
        var officer = await App.NewPageAsync();
        await officer.SignInAsync("handlaggare@borlange.example");
        await officer.GotoAsync("/needs");
        await officer.GetByRole(AriaRole.Link, new() { Name = Need }).ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Se organisationer som passar" }).ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Starta ett partnerskap med Tjejjouren Dalia" }).ClickAsync();

        // Started from the need: its title and outcome are offered, the form is IOP.
        await Assertions.Expect(officer.GetByText("Utgår från behovet:")).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByLabel("Namn på partnerskapet")).ToHaveValueAsync(Need);
        await BrowserApp.AssertAccessibleAsync(officer, "partnership-new-sv");
        await officer.GetByLabel("Namn på partnerskapet").FillAsync(title);
        await officer.GetByLabel("Förvaltning eller avdelning").FillAsync("Socialförvaltningen");
        await officer.GetByLabel("Samarbetsform").SelectOptionAsync(new SelectOptionValue { Label = "IOP (idéburet offentligt partnerskap)" });
        await officer.GetByLabel("Din roll").FillAsync("Kontaktperson");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Starta partnerskapet" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Partnerskapet är startat.")).ToBeVisibleAsync();
        var home = officer.Url.Split("/steps/")[0];

        // 1. Prepare: the pre-meeting questions and Dalia's named person.
        await Answer(officer, "Varför vill ni samarbeta?", "Jouren når unga tjejer som kommunen inte når.");
        await Answer(officer, "Vilka målgrupper berörs, och är de organiserade?", "Tjejer 13–25 år i Borlänge.");
        await Answer(officer, "Vad handlar samarbetet om?", "Stödsamtal och samtalsgrupper för unga tjejer.");
        await Answer(officer, "Vad handlar samarbetet inte om, och vad kompromissar ni inte med?", "Jouren behåller sin anonymitet och sitt eget arbetssätt.");
        await SaveAnswers(officer);
        await officer.GetByLabel("Part", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Tjejjouren Dalia" });
        await officer.GetByLabel("Namn", new() { Exact = true }).FillAsync("Dana Dalia");
        await officer.Locator("#Person_Role").FillAsync("Ordförande");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lägg till person" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Dana Dalia är tillagd.")).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByText("Steget är klart.")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(officer, "partnership-step-prepare-sv");

        // 2. Shared goal, with each party's benefit.
        await Step(officer, "Gemensamt mål");
        await Answer(officer, "Problembild: vilket samhällsproblem vill ni lösa?", "Unga tjejer mår allt sämre och söker sällan hjälp.");
        await Answer(officer, "Målbild: hur ser det ut när ni har lyckats?", "Fler tjejer får stöd tidigt av någon de litar på.");
        await SaveAnswers(officer);
        await officer.GetByRole(AriaRole.Group, new() { Name = "Borlänge, Socialförvaltningen" }).GetByLabel("Nytta för parten").FillAsync("Färre behöver socialtjänstens insatser.");
        await officer.GetByRole(AriaRole.Group, new() { Name = "Tjejjouren Dalia" }).GetByLabel("Nytta för parten").FillAsync("Långsiktig finansiering av stödet.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Spara nytta och förväntningar" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Steget är klart.")).ToBeVisibleAsync();

        // 3. Strategies, with a contribution from each party.
        await Step(officer, "Gemensamma strategier");
        await Answer(officer, "Lösning: vad ska ni göra tillsammans?", "Samtalsgrupper varje vecka och stödchatt på kvällar.");
        await Answer(officer, "Metod: hur ska ni arbeta?", "Utbildade volontärer leder grupperna; kommunen står för lokal.");
        await SaveAnswers(officer);
        foreach (var (party, kind, what, value) in new[] { ("Borlänge, Socialförvaltningen", "Pengar", "Verksamhetsstöd", "600000"), ("Tjejjouren Dalia", "Ideella insatser", "Volontärer i samtalsgrupper", "400000") })
        {
            await officer.GetByLabel("Part", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = party });
            await officer.GetByLabel("Slag").SelectOptionAsync(new SelectOptionValue { Label = kind });
            await officer.GetByLabel("Beskrivning").FillAsync(what);
            await officer.GetByLabel("Värde (kr)").FillAsync(value);
            await officer.GetByRole(AriaRole.Button, new() { Name = "Lägg till insats" }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Cell, new() { Name = what, Exact = true })).ToBeVisibleAsync();
        }
        await Assertions.Expect(officer.GetByText("Steget är klart.")).ToBeVisibleAsync();

        // 4. Roles: an activity nobody is accountable for raises a health signal…
        await Step(officer, "Roller och ansvar");
        await Answer(officer, "Organisation: hur leds och samordnas arbetet?", "En styrgrupp med en person från varje part, varje kvartal.");
        await SaveAnswers(officer);
        await officer.GetByLabel("Aktivitet", new() { Exact = true }).FillAsync(Activity);
        await officer.GetByLabel("Börjar").FillAsync("2027-01-15");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lägg till aktivitet" }).ClickAsync();
        await officer.GotoAsync(home);
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = NoAccountable, Exact = false })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(officer, "partnership-overview-signal-sv");

        // …and choosing one accountable person in the RACI matrix clears it.
        await officer.GotoAsync(home + "/steps/roles");
        await officer.GetByLabel($"Roll för Hanna Handläggare i {Activity}").SelectOptionAsync(new SelectOptionValue { Label = "A – ansvarar" });
        await officer.GetByLabel($"Roll för Dana Dalia i {Activity}").SelectOptionAsync(new SelectOptionValue { Label = "R – utför" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Spara RACI-matrisen" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Steget är klart.")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(officer, "partnership-step-roles-sv");
        await officer.GotoAsync(home);
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = NoAccountable, Exact = false })).ToHaveCountAsync(0);

        // 5. Processes, 6. follow-up, 7. continuation.
        await officer.GotoAsync(home + "/steps/processes");
        await Answer(officer, "Vilka kanaler använder ni för att hålla kontakt?", "Månadsmöte och e-post.");
        await Answer(officer, "Hur fattar ni beslut med kort varsel?", "Kontaktpersonerna beslutar upp till 10 000 kr.");
        await Answer(officer, "Hur löser ni problem och konflikter?", "Först kontaktpersonerna, sedan styrgruppen.");
        await officer.GetByLabel("Mötesrytm för avstämningar").SelectOptionAsync(new SelectOptionValue { Label = "Var 30:e dag" });
        await SaveAnswers(officer);
        await Step(officer, "Följ upp och utvärdera");
        await Answer(officer, "Vilka kvalitetskrav har ni?", "Volontärerna har gått jourens grundutbildning.");
        await Answer(officer, "Hur rapporterar ni, och hur ofta?", "En kort rapport per halvår.");
        await SaveAnswers(officer);
        await officer.Locator("#Goal_Text").FillAsync("Fler tjejer får stöd tidigt");
        await officer.Locator("#Goal_Indicator").FillAsync("Antal tjejer i samtalsgrupper");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lägg till mål" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Steget är klart.")).ToBeVisibleAsync();
        await Step(officer, "Fortsätt eller skala upp");
        await Answer(officer, "Hur kan arbetet fortsätta efter perioden?", "Grupperna blir en del av jourens ordinarie verksamhet.");
        await officer.GetByLabel("Perioden börjar").FillAsync("2027-01-01");
        await officer.GetByLabel("Perioden slutar").FillAsync("2029-12-31");
        await SaveAnswers(officer);
        await Assertions.Expect(officer.GetByText("Steget är klart.")).ToBeVisibleAsync();

        await officer.GotoAsync(home);
        await Assertions.Expect(officer.Locator(".task-list .tag--done")).ToHaveCountAsync(7);

        // The agreement, generated and approved by Borlänge.
        await officer.GetByRole(AriaRole.Link, new() { Name = "Överenskommelse", Exact = true }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Skapa överenskommelse" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Version 1 är skapad.")).ToBeVisibleAsync();
        var docx = await officer.APIRequest.GetAsync(home + "/agreement/1.docx");
        Assert.Equal(200, docx.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Headers["content-type"]);
        // The same version as a PDF, offered beside it under its own link text.
        var pdfLink = officer.GetByRole(AriaRole.Link, new() { Name = "Ladda ner version 1 (PDF)" });
        var pdf = await officer.APIRequest.GetAsync(await pdfLink.GetAttributeAsync("href"));
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Godkänn för Borlänge" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Godkänt för Borlänge, Socialförvaltningen.")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(officer, "partnership-agreement-sv");

        // Dalia finds the partnership among its own and approves: the version is frozen and the IOP is active.
        var dalia = await App.NewPageAsync();
        await dalia.SignInAsync("admin@dalia.example");
        await dalia.GotoAsync("/partnerships");
        await dalia.GetByRole(AriaRole.Region, new() { Name = "Mina partnerskap" }).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await dalia.GetByRole(AriaRole.Link, new() { Name = "Överenskommelse", Exact = true }).ClickAsync();
        await dalia.GetByRole(AriaRole.Button, new() { Name = "Godkänn för Tjejjouren Dalia" }).ClickAsync();
        await Assertions.Expect(dalia.GetByText("Alla parter har godkänt. Versionen är låst och gäller nu.")).ToBeVisibleAsync();
        await Assertions.Expect(dalia.GetByText("Godkänd av alla parter")).ToBeVisibleAsync();

        // A check-in on the agreed rhythm.
        await dalia.GetByRole(AriaRole.Link, new() { Name = "Uppföljning", Exact = true }).ClickAsync();
        await dalia.Locator("#CheckIn_Progress").FillAsync("Första gruppen har startat med åtta tjejer.");
        await dalia.Locator("#CheckIn_Celebrate").FillAsync("Alla kom tillbaka andra veckan.");
        await dalia.GetByRole(AriaRole.Button, new() { Name = "Spara avstämningen" }).ClickAsync();
        await Assertions.Expect(dalia.GetByText("Första gruppen har startat med åtta tjejer.")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(dalia, "partnership-follow-up-sv");

        // The public sees the summary with the approved agreement; the parties' working pages stay theirs.
        var resident = await App.NewPageAsync();
        await resident.GotoAsync(home);
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(resident.GetByText("Pågår")).ToBeVisibleAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Link, new() { Name = "Version 1, godkänd", Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Hälsa", Exact = true })).ToHaveCountAsync(0);
        await BrowserApp.AssertAccessibleAsync(resident, "partnership-public-sv");

        // And all of it in English.
        await officer.GotoAsync(home + "?culture=en");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Balance between the parties" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(officer, "partnership-overview-en");
        await officer.GotoAsync(home + "/steps/roles?culture=en");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "RACI – who does what" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(officer, "partnership-step-roles-en");
    }
}
