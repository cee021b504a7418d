using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Audit;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

public abstract class AuditTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    [Fact]
    public async Task A_profile_change_is_recorded_with_who_what_and_the_change_and_admins_can_browse_it()
    {
        var coordinator = App.Browser();
        await coordinator.SignInAsync("samordnare@borlange.example");
        var marker = "Audited " + Guid.NewGuid().ToString("N")[..8];
        var saved = await coordinator.SubmitAsync("/municipalities/2081/edit", new Dictionary<string, string>
        {
            ["Input.Description"] = marker, ["Input.Website"] = "https://www.borlange.se", ["Input.ContactEmail"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var entry = await App.WithAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Tenant" && a.Changes.Contains(marker)).SingleAsync());
        Assert.Equal(AuditAction.Modified, entry.Action);
        var coordinatorId = await App.WithAsync(db => db.Users.Where(u => u.Email == "samordnare@borlange.example").Select(u => u.Id).SingleAsync());
        Assert.Equal(coordinatorId, entry.UserId);
        var borlange = await App.WithAsync(db => db.Tenants.SingleAsync(t => t.Code == "2081"));
        Assert.Equal(borlange.Id, entry.TenantId);
        Assert.Contains("\"Description\"", entry.Changes);

        var admin = App.Browser();
        await admin.SignInAsync("kommunadmin@borlange.example");
        var page = await admin.HtmlAsync("/audit?tenant=2081");
        Assert.Contains(marker, page);
        // The log keeps the id; the page shows the account's name.
        var coordinatorName = await App.WithAsync(db => db.Users.Where(u => u.Id == coordinatorId).Select(u => u.DisplayName).SingleAsync());
        Assert.Contains(coordinatorName, page);

        // The coordinator may edit the profile but not browse the log.
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/audit?tenant=2081")).StatusCode);
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            entry.Changes = "{}";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", ex.Message);

        await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Role_changes_are_audited_without_secrets()
    {
        var admin = App.Browser();
        await admin.SignInAsync("kommunadmin@borlange.example");
        var email = Web.UniqueEmail("audit");
        await admin.SubmitAsync("/invitations/new?tenant=2081", new Dictionary<string, string>
        {
            ["tenant"] = "2081", ["Input.Email"] = email, ["Input.Role"] = "Officer",
        });
        // Converted here, not in SQL: SQLite keeps Guids as upper-case text, the log as .NET writes them.
        var invitationId = (await App.WithAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync())).ToString();
        var entry = await App.WithAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == "Invitation" && a.EntityId == invitationId));
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.DoesNotContain("TokenHash", entry.Changes);
    }
}

[Collection(SqliteCollection.Name)] public sealed class AuditTestsOnSqlite(SqliteApp fx) : AuditTests(fx);
[Collection(PostgresCollection.Name)] public sealed class AuditTestsOnPostgres(PostgresApp fx) : AuditTests(fx);
