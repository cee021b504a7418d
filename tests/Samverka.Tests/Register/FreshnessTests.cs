using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Register;
using Samverka.Features.Register.Upkeep;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

public abstract class FreshnessTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private async Task<FreshnessSweep.Outcome> SweepAsync(DateTime now)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FreshnessSweep>().RunAsync(now, CancellationToken.None);
    }

    private Task<Organisation> GetAsync(Guid id) => App.WithAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == id));

    private async Task<string> TotalForAsync(string word) => await App.Browser().GetStringAsync($"/api/v1/organisations?q={word}");

    [Fact]
    public async Task An_unconfirmed_entry_is_asked_reminded_marked_and_dropped_then_one_click_brings_it_back()
    {
        var word = "kanotpolo" + Guid.NewGuid().ToString("N")[..5];
        var contact = Web.UniqueEmail("fresh");
        var start = DateTime.UtcNow;
        var id = await App.WithAsync(async db =>
        {
            var o = new Organisation
            {
                Name = "Kanotklubben " + word, Description = $"Paddling och {word} för alla åldrar.", LegalForm = LegalForm.NonProfitAssociation,
                HomeMunicipalityId = (await db.Tenants.SingleAsync(t => t.Code == "2081")).Id, ContactEmail = contact,
                Status = VerificationStatus.Verified, LastConfirmedAt = start.AddDays(-400), CreatedAt = start, UpdatedAt = start,
            };
            db.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });

        await SweepAsync(start);
        Assert.Equal(Freshness.AskedToConfirm, (await GetAsync(id)).Freshness);
        var request = await App.WaitForMailAsync(contact, m => m.Subject.StartsWith("Stämmer uppgifterna"));

        await SweepAsync(start.AddDays(31));
        await App.WaitForMailAsync(contact, m => m.Subject.StartsWith("Påminnelse"));
        Assert.Equal(2, (await GetAsync(id)).ConfirmationRequestsSent);

        await SweepAsync(start.AddDays(61));
        Assert.Equal(Freshness.MayBeOutdated, (await GetAsync(id)).Freshness);
        Assert.Contains("\"mayBeOutdated\":true", await TotalForAsync(word));
        Assert.Contains("kan vara inaktuella", await App.Browser().HtmlAsync($"/organisations/{id}"));

        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        Assert.Contains("Kanotklubben " + word, await officer.HtmlAsync("/municipalities/2081/register"));

        await SweepAsync(start.AddDays(181));
        Assert.Equal(Freshness.Dropped, (await GetAsync(id)).Freshness);
        Assert.Contains("\"total\":0", await TotalForAsync(word));

        // A forged link changes nothing; the real one, with its button, brings the entry back.
        var anonymous = App.Browser();
        var forged = await anonymous.GetAsync($"/organisations/{id}/confirm?token=forged");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var link = Web.LinkIn(request, "/confirm?token=");
        var page = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(Freshness.Dropped, (await GetAsync(id)).Freshness); // opening the link alone confirms nothing
        var token = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!;
        var confirmed = await anonymous.PostAsync($"/organisations/{id}/confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token, ["__RequestVerificationToken"] = Web.Token(await page.Content.ReadAsStringAsync()),
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after = await GetAsync(id);
        Assert.Equal(Freshness.Current, after.Freshness);
        Assert.Equal(0, after.ConfirmationRequestsSent);
        Assert.Contains("\"total\":1", await TotalForAsync(word));
    }
}

[Collection(SqliteCollection.Name)] public sealed class FreshnessTestsOnSqlite(SqliteApp fx) : FreshnessTests(fx);
[Collection(PostgresCollection.Name)] public sealed class FreshnessTestsOnPostgres(PostgresApp fx) : FreshnessTests(fx);
