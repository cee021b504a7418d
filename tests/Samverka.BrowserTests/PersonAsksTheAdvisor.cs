using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// The collaboration-form advisor as a person uses it: one question per page, a forgotten answer, going back,
/// changing an answer from the check page, the advice with reasons, saving it and opening the shared link.
public sealed class PersonAsksTheAdvisor(BrowserApp app) : BrowserTest(app)
{
    private static async Task AnswerAsync(IPage page, string question, string answer)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = question })).ToBeVisibleAsync();
        await page.GetByLabel(answer, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsätt" }).ClickAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_association_learns_that_an_iop_fits_and_saves_the_answer(bool javaScript)
    {
        var page = javaScript ? await App.NewPageAsync() : await App.NewPageWithoutJavaScriptAsync();
        // axe-core runs as a script, so the pages are checked in the run with JavaScript; the other proves the flow.
        async Task CheckAsync(IPage p, string name) { if (javaScript) await BrowserApp.AssertAccessibleAsync(p, name); }
        const string shots = "advisor";
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Samverkansform" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Land")).ToBeVisibleAsync();
        await CheckAsync(page, $"{shots}-start-sv");
        await page.GetByLabel("Land").SelectOptionAsync("SE");
        await page.GetByLabel("År", new() { Exact = true }).SelectOptionAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Börja" }).ClickAsync();

        await AnswerAsync(page, "Vilken sorts organisation är det?", "Ideell förening");
        await AnswerAsync(page, "Delar organisationen ut vinst till ägare eller medlemmar?", "Nej, överskottet går tillbaka till verksamheten");
        await AnswerAsync(page, "Vad är syftet med samverkan?", "Lösa en samhällsutmaning tillsammans");

        // Continuing without an answer keeps the person on the question with the error beside it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsätt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Välj ett av svaren");
        await CheckAsync(page, $"{shots}-question-error-sv");
        await AnswerAsync(page, "Erbjuder företag samma sak på en marknad?", "Ja");

        // Back goes to the previous question with its answer still chosen.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vem tog initiativet?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tillbaka" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Ja", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsätt" }).ClickAsync();

        await AnswerAsync(page, "Vem tog initiativet?", "Organisationen");
        await AnswerAsync(page, "Bidrar båda parter med resurser?", "Ja, båda bidrar");
        await page.GetByLabel("Ungefär hur mycket pengar per år gäller det?").FillAsync("åttahundratusen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsätt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("heltal");
        await CheckAsync(page, $"{shots}-amount-error-sv");
        await page.GetByLabel("Ungefär hur mycket pengar per år gäller det?").FillAsync("800 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsätt" }).ClickAsync();
        await AnswerAsync(page, "Hur länge ska samverkan pågå?", "Mer än tre år");
        await AnswerAsync(page, "Nämner ett politiskt program eller en överenskommelse det civila samhället?", "Ja");
        await AnswerAsync(page, "Hur beprövad är verksamheten?", "Etablerad med visade resultat");

        // The check page: change the market answer, come straight back.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kontrollera svaren" })).ToBeVisibleAsync();
        await CheckAsync(page, $"{shots}-check-sv");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra Erbjuder företag samma sak på en marknad?" }).ClickAsync();
        await AnswerAsync(page, "Erbjuder företag samma sak på en marknad?", "Nej");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kontrollera svaren" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dd", new() { HasText = "800 000 SEK" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Visa rådet" }).ClickAsync();
        var first = page.Locator(".advice").First;
        await Assertions.Expect(first.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("Idéburet offentligt partnerskap (IOP)");
        await Assertions.Expect(first).ToContainTextAsync("Båda parter bidrar");
        await Assertions.Expect(page.Locator(".excluded-list")).ToContainTextAsync("Direktupphandling");
        await CheckAsync(page, $"{shots}-result-sv");

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara svaret" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sparat råd om samverkansform" })).ToBeVisibleAsync();
        var link = await page.GetByLabel("Länk att dela").InputValueAsync();
        Assert.Matches("/advisor/saved/[A-Za-z0-9_-]{22}$", link);
        await CheckAsync(page, $"{shots}-saved-sv");

        // Someone else opens the shared link, in English.
        var other = await App.NewPageAsync("en-GB");
        await other.GotoAsync(new Uri(link).PathAndQuery + "?culture=en");
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Saved advice on the collaboration form" })).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator(".advice").First.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("Civil–public partnership (IOP)");
        await CheckAsync(other, $"{shots}-saved-en");

        // From the advice to the knowledge bank.
        await page.GetByRole(AriaRole.Link, new() { Name = "Läs mer: Idéburet offentligt partnerskap (IOP)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("IOP");
    }

    [Fact]
    public async Task A_reader_searches_the_knowledge_bank_in_both_languages()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/knowledge");
        await page.GetByLabel("Sök", new() { Exact = true }).FillAsync("fallgropar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sex fallgropar", Exact = false }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#fatigue")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "knowledge-pitfalls-sv");

        await page.GotoAsync("/knowledge?culture=en&q=reserved+contracts");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Procurement", Exact = false }).First).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "knowledge-search-en");
    }
}
