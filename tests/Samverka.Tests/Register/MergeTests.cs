using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Features.Register;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

public abstract class MergeTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private async Task<(Guid Target, Guid Source)> TwinsAsync(string tag)
    {
        return await App.WithAsync(async db =>
        {
            var borlange = (await db.Tenants.SingleAsync(t => t.Code == "2081")).Id;
            var user = await db.Users.SingleAsync(u => u.Email == "medlem@dalia.example");
            var now = DateTime.UtcNow;
            var target = new Organisation
            {
                Name = $"Borlänge Bågskytte {tag}", Description = "Bågskytte för alla.", LegalForm = LegalForm.NonProfitAssociation, HomeMunicipalityId = borlange,
                Areas = ["sport"], Languages = ["sv"], LastConfirmedAt = now.AddDays(-100), CreatedAt = now, UpdatedAt = now,
            };
            var source = new Organisation
            {
                Name = $"Borlänge Bågskytteklubb {tag}", Description = "Bågskytte i Borlänge.", LegalForm = LegalForm.NonProfitAssociation, HomeMunicipalityId = borlange,
                Areas = ["leisure"], Languages = ["en"], Website = "https://example.org/bage", LastConfirmedAt = now.AddDays(-10), CreatedAt = now, UpdatedAt = now,
                OrganisationNumber = SwedishOrganisationNumber.WithCheckDigit("802555111"),
            };
            source.Services.Add(new OrganisationService { OrganisationId = source.Id, Name = "Nybörjarkurs", Description = "Fem kvällar." });
            source.Contacts.Add(new OrganisationContact { OrganisationId = source.Id, Role = "Kassör", Email = "kassor@bage.example" });
            db.AddRange(target, source);
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.OrganisationAdmin, OrganisationId = source.Id, CreatedAt = now });
            await db.SaveChangesAsync();
            return (target.Id, source.Id);
        });
    }

    [Fact]
    public async Task An_officer_merges_a_duplicate_without_losing_services_contacts_people_or_history()
    {
        var tag = Guid.NewGuid().ToString("N")[..5];
        var (targetId, sourceId) = await TwinsAsync(tag);
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var check = await officer.HtmlAsync($"/organisations/{targetId}/merge?with={sourceId}");
        Assert.Contains("1 verksamhet, 0 platser, 1 kontakt, 1 person", WebUtility.HtmlDecode(check));
        var merged = await officer.PostAsync($"/organisations/{targetId}/merge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["With"] = sourceId.ToString(), ["__RequestVerificationToken"] = Web.Token(check),
        }));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var target = await App.WithAsync(db => db.Set<Organisation>().AsNoTracking().Include(o => o.Services).Include(o => o.Contacts).SingleAsync(o => o.Id == targetId));
        Assert.False(await App.WithAsync(db => db.Set<Organisation>().AnyAsync(o => o.Id == sourceId)));
        Assert.Equal("Nybörjarkurs", Assert.Single(target.Services).Name);
        Assert.Equal("kassor@bage.example", Assert.Single(target.Contacts).Email);
        Assert.Contains($"Borlänge Bågskytteklubb {tag}", target.OtherNames);
        Assert.Equal(["sport", "leisure"], target.Areas);
        Assert.Equal("https://example.org/bage", target.Website);
        Assert.NotNull(target.OrganisationNumber);
        Assert.True(target.LastConfirmedAt > DateTime.UtcNow.AddDays(-11));
        Assert.True(await App.WithAsync(db => db.RoleAssignments.AnyAsync(r => r.OrganisationId == targetId && r.User!.Email == "medlem@dalia.example")));

        // The old address leads to the survivor, and the history holds both entries (the organisation's log is for its
        // admins and platform admins; the officer is neither).
        var old = await App.Browser().GetAsync($"/organisations/{sourceId}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        var platformAdmin = App.Browser();
        await platformAdmin.SignInAsync("admin@samverka.example");
        var history = await platformAdmin.HtmlAsync($"/audit?organisation={targetId}");
        Assert.Contains($"Borlänge Bågskytteklubb {tag}", history);
        Assert.Contains(targetId.ToString(), await App.Browser().GetStringAsync($"/api/v1/organisations?q={tag}"));
    }

    [Fact]
    public async Task Officers_of_another_municipality_and_members_cannot_merge()
    {
        var (targetId, sourceId) = await TwinsAsync(Guid.NewGuid().ToString("N")[..5]);
        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync($"/organisations/{targetId}/merge?with={sourceId}")).StatusCode);
        var member = App.Browser();
        await member.SignInAsync("medlem@dalia.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/organisations/{targetId}/merge")).StatusCode);
        var token = Web.Token(await member.HtmlAsync("/"));
        var post = await member.PostAsync($"/organisations/{targetId}/merge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["With"] = sourceId.ToString(), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.True(await App.WithAsync(db => db.Set<Organisation>().AnyAsync(o => o.Id == sourceId)));
    }
}

[Collection(SqliteCollection.Name)] public sealed class MergeTestsOnSqlite(SqliteApp fx) : MergeTests(fx);
[Collection(PostgresCollection.Name)] public sealed class MergeTestsOnPostgres(PostgresApp fx) : MergeTests(fx);
