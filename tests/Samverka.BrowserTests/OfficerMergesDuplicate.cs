using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;
using Samverka.Features.Register;

namespace Samverka.BrowserTests;

public sealed class OfficerMergesDuplicate(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Officer_finds_the_duplicate_checks_the_merge_and_confirms()
    {
        var (dalia, twin) = await App.WithDbAsync(async db =>
        {
            var original = await db.Set<Organisation>().SingleAsync(o => o.Name == "Tjejjouren Dalia");
            var now = DateTime.UtcNow;
            var copy = new Organisation
            {
                Name = "Tjejjouren Dalla", Description = "Stöd för tjejer i Borlänge.", LegalForm = LegalForm.NonProfitAssociation,
                HomeMunicipalityId = original.HomeMunicipalityId, Status = VerificationStatus.Verified, LastConfirmedAt = now, CreatedAt = now, UpdatedAt = now,
            };
            copy.Services.Add(new OrganisationService { OrganisationId = copy.Id, Name = "Sommarläger", Description = "En vecka i juli." });
            db.Add(copy);
            await db.SaveChangesAsync();
            return (original.Id, copy.Id);
        });

        var officer = await App.NewPageAsync();
        await officer.SignInAsync("handlaggare@borlange.example");
        await officer.GotoAsync($"/organisations/{dalia}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Slå ihop dubbletter" }).ClickAsync();
        await officer.WaitForURLAsync($"**/organisations/{dalia}/merge");
        await BrowserApp.AssertAccessibleAsync(officer, "merge-candidates-sv");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Tjejjouren Dalla" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("1 verksamhet, 0 platser, 0 kontakter, 0 personer")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(officer, "merge-check-sv");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Slå ihop", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Tjejjouren Dalla är ihopslagen med Tjejjouren Dalia.");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Sommarläger" })).ToBeVisibleAsync();

        var old = await officer.GotoAsync($"/organisations/{twin}");
        Assert.EndsWith($"/organisations/{dalia}", old!.Url);
    }
}
