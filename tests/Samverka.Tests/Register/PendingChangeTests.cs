using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Features.Register;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

/// A verified entry keeps its verified name and home municipality until the (new) home municipality's staff approve
/// a change the organisation asked for; other fields change at once, as before.
public abstract class PendingChangeTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private async Task<(Organisation Org, HttpClient Admin, string AdminEmail)> VerifiedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var borlange = App.With(db => db.Tenants.Single(t => t.Code == "2081").Id);
        var org = new Organisation
        {
            Name = $"Verifierade föreningen {tag}", LegalForm = LegalForm.NonProfitAssociation, HomeMunicipalityId = borlange,
            Description = "Vi ordnar läxhjälp för unga i stadsdelen varje vecka.", Areas = ["education"], Status = VerificationStatus.Verified,
            VerifiedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, LastConfirmedAt = DateTime.UtcNow,
        };
        await App.WithAsync(async db => { db.Organisations().Add(org); return await db.SaveChangesAsync(); });
        var (admin, email, _) = await App.SignedInAsync(Role.OrganisationAdmin, organisationId: org.Id);
        return (org, admin, email);
    }

    private static Dictionary<string, string> Fields(string name, string home, string description) => new()
    {
        ["Input.Name"] = name, ["Input.LegalForm"] = "NonProfitAssociation", ["Input.CountryCode"] = "SE", ["Input.OrganisationNumber"] = "",
        ["Input.HomeMunicipality"] = home, ["Input.Description"] = description, ["Input.Areas"] = "education",
    };

    private Task<Organisation> ReloadAsync(Guid id) => App.WithAsync(db => db.Organisations().AsNoTracking().Include(o => o.HomeMunicipality).SingleAsync(o => o.Id == id));

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient officer, string code, Guid id, bool approve, string reason = "")
    {
        var desk = await officer.HtmlAsync($"/municipalities/{code}/register");
        return await officer.PostAsync($"/municipalities/{code}/register?handler=Change", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision.Id"] = id.ToString(), ["Decision.Approve"] = approve ? "true" : "false", ["Decision.Reason"] = reason,
            ["__RequestVerificationToken"] = Web.Token(desk),
        }));
    }

    [Fact]
    public async Task A_new_name_and_home_wait_for_the_new_home_municipality_while_the_public_sees_the_verified_entry()
    {
        var (org, admin, adminEmail) = await VerifiedAsync();
        var newName = org.Name.Replace("Verifierade", "Flyttade");
        var saved = await admin.SubmitAsync($"/organisations/{org.Id}/edit", Fields(newName, "2080", "Vi ordnar läxhjälp och spelkvällar för unga i Falun."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var now = await ReloadAsync(org.Id);
        Assert.Equal(org.Name, now.Name);
        Assert.Equal("2081", now.HomeMunicipality!.Code);
        Assert.Equal(VerificationStatus.Verified, now.Status);
        Assert.Equal("Vi ordnar läxhjälp och spelkvällar för unga i Falun.", now.Description); // other fields change at once

        // The public page and the API keep the verified name and municipality.
        var page = await App.Browser().HtmlAsync($"/organisations/{org.Id}");
        Assert.Contains(org.Name, page);
        Assert.DoesNotContain(newName, page);
        using (var api = JsonDocument.Parse(await App.Browser().GetStringAsync($"/api/v1/organisations/{org.Id}")))
        {
            Assert.Equal(org.Name, api.RootElement.GetProperty("name").GetString());
            Assert.Equal("Borlänge", api.RootElement.GetProperty("municipality").GetString());
        }
        Assert.Contains("\"total\":0", await App.Browser().GetStringAsync($"/api/v1/organisations?q={Uri.EscapeDataString(newName)}"));

        // The organisation sees what waits, and saving again keeps the proposal.
        var edit = await admin.HtmlAsync($"/organisations/{org.Id}/edit");
        Assert.Contains("väntar på granskning av Falun", edit);
        Assert.Contains($"value=\"{newName}\"", edit);

        // Falun, the new home, decides; Borlänge's desk does not offer the decision.
        var borlange = App.Browser();
        await borlange.SignInAsync("handlaggare@borlange.example");
        Assert.DoesNotContain(newName, await borlange.HtmlAsync("/municipalities/2081/register"));
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(borlange, "2081", org.Id, approve: true)).StatusCode);
        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        await App.WaitForMailAsync("handlaggare@falun.example", m => m.Subject.Contains(org.Name));
        Assert.Contains(newName, await falun.HtmlAsync("/municipalities/2080/register"));
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(falun, "2080", org.Id, approve: true)).StatusCode);

        now = await ReloadAsync(org.Id);
        Assert.Equal(newName, now.Name);
        Assert.Equal("2080", now.HomeMunicipality!.Code);
        Assert.Null(now.PendingName);
        Assert.Null(now.PendingHomeMunicipalityId);
        Assert.Contains(org.Name, now.OtherNames); // the former name still finds it
        Assert.Contains(newName, await App.Browser().HtmlAsync($"/organisations/{org.Id}"));
        await App.WaitForMailAsync(adminEmail, m => m.Subject.Contains(newName));
    }

    [Fact]
    public async Task A_rejected_rename_leaves_the_entry_as_verified_and_the_reason_goes_to_the_organisation()
    {
        var (org, admin, adminEmail) = await VerifiedAsync();
        var newName = org.Name + " Omdöpt";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/organisations/{org.Id}/edit", Fields(newName, "2081", org.Description))).StatusCode);
        Assert.Equal(newName, (await ReloadAsync(org.Id)).PendingName);
        Assert.Equal(org.Name, (await ReloadAsync(org.Id)).Name);

        var officer = App.Browser();
        await officer.SignInAsync("samordnare@borlange.example");
        Assert.Contains(newName, await officer.HtmlAsync("/municipalities/2081/register"));
        var noReason = await DecideAsync(officer, "2081", org.Id, approve: false);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Skriv ett skäl till avslaget.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(newName, (await ReloadAsync(org.Id)).PendingName);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(officer, "2081", org.Id, approve: false, "Namnet finns redan i kommunen.")).StatusCode);
        var now = await ReloadAsync(org.Id);
        Assert.Equal(org.Name, now.Name);
        Assert.Null(now.PendingName);
        Assert.Equal(VerificationStatus.Verified, now.Status);
        var mail = await App.WaitForMailAsync(adminEmail, m => m.TextBody.Contains("Namnet finns redan i kommunen."));
        Assert.Contains(newName, mail.TextBody);
    }

    [Fact]
    public async Task A_platform_admin_renames_directly_and_an_unverified_entry_changes_at_once()
    {
        var (org, _, _) = await VerifiedAsync();
        var platform = App.Browser();
        await platform.SignInAsync("admin@samverka.example");
        var renamed = org.Name + " Rättat";
        Assert.Equal(HttpStatusCode.Redirect, (await platform.SubmitAsync($"/organisations/{org.Id}/edit", Fields(renamed, "2081", org.Description))).StatusCode);
        Assert.Equal((renamed, (string?)null), ((await ReloadAsync(org.Id)).Name, (await ReloadAsync(org.Id)).PendingName));

        // An entry still waiting for its first verification is verified as it stands, so its edits apply directly.
        var (pending, admin, _) = await VerifiedAsync();
        await App.WithAsync(async db => { (await db.Organisations().SingleAsync(o => o.Id == pending.Id)).Status = VerificationStatus.Pending; return await db.SaveChangesAsync(); });
        var newName = pending.Name + " Ny";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/organisations/{pending.Id}/edit", Fields(newName, "2080", pending.Description))).StatusCode);
        var now = await ReloadAsync(pending.Id);
        Assert.Equal((newName, "2080", (string?)null), (now.Name, now.HomeMunicipality!.Code, now.PendingName));
    }
}

[Collection(SqliteCollection.Name)] public sealed class PendingChangeTestsOnSqlite(SqliteApp fx) : PendingChangeTests(fx);
[Collection(PostgresCollection.Name)] public sealed class PendingChangeTestsOnPostgres(PostgresApp fx) : PendingChangeTests(fx);
