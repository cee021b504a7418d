using System.Text;
using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

public sealed class OfficerImportsOrganisations(BrowserApp app) : BrowserTest(app)
{
    private const string Header = "name,legal_form,home_municipality,description,areas\n";

    [Fact]
    public async Task Officer_sees_every_bad_row_fixes_the_file_and_imports_it()
    {
        var page = await App.NewPageAsync();
        await page.SignInAsync("handlaggare@borlange.example");
        await page.GotoAsync("/organisations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Importera organisationer" }).ClickAsync();
        await page.WaitForURLAsync("**/organisations/import");
        await BrowserApp.AssertAccessibleAsync(page, "import-sv");

        var tag = Guid.NewGuid().ToString("N")[..5];
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "foreningar.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(Header + $"Badminton {tag},NonProfitAssociation,2081,Badminton för alla.,sport\n,NonProfitAssociation,2081,Namn saknas.,\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera filen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Filen har 1 problem. Inget har sparats.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "3 name Värde saknas." })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "import-problems-sv");

        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "foreningar.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(Header + $"Badminton {tag},NonProfitAssociation,2081,Badminton för alla.,sport\nBordtennis {tag},NonProfitAssociation,2081,Pingis.,sport\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera filen" }).ClickAsync();
        var import = page.GetByRole(AriaRole.Button, new() { Name = "Importera 2 organisationer" });
        await Assertions.Expect(import).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page, "import-ready-sv");
        await import.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 organisationer är importerade.");

        await page.GotoAsync($"/organisations?q={tag}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2 organisationer" })).ToBeVisibleAsync();
    }
}
