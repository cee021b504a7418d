using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Samverka.Features.Needs;
using Samverka.Features.Register;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;
using Samverka.Platform.Modules;
using Samverka.Platform.Notifications;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// The notifications building block: each person's choice per kind is honoured (immediately, in a digest, or not at
/// all), the digest is one e-mail with pending notices and "my work", sent once, and the settings page saves choices.
/// Every test uses its own people, so the demo accounts keep their defaults.
public abstract class NotificationTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private Guid Dalia => App.With(db => db.Set<Organisation>().Where(o => o.Name == "Tjejjouren Dalia").Select(o => o.Id).Single());

    private async Task<IReadOnlyList<MimeMessage>> MailsToAsync(string address)
    {
        await App.WaitForMailQueueAsync();
        var found = new List<MimeMessage>();
        if (!Directory.Exists(App.PickupFolder)) return found;
        foreach (var file in Directory.GetFiles(App.PickupFolder, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase))) found.Add(message);
        }
        return found;
    }

    private async Task<int> DigestAsync(DateTime at, params string[] userIds)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDigest>().RunAsync(at, default, userIds);
    }

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient client, IDictionary<string, string> choices) =>
        client.SubmitAsync(NotificationSettings.Address, choices);

    /// An open need of Borlänge's of the test's own, followed by the given people.
    private async Task<Need> FollowedNeedAsync(params string[] followers) => await App.WithAsync(async db =>
    {
        var borlange = await db.Tenants.SingleAsync(t => t.Code == "2081");
        var now = DateTime.UtcNow;
        var need = new Need
        {
            TenantId = borlange.Id, Title = "Läxhjälp på biblioteket " + Guid.NewGuid().ToString("N")[..6], Problem = "Unga behöver hjälp med läxor.",
            Areas = ["education"], TargetGroups = ["youth"], DesiredOutcome = "Fler klarar skolan.", Forms = ["grant"],
            ContactName = "Kultur", ContactEmail = "kultur@borlange.example", Status = NeedStatus.Open, PublishedAt = now,
            Closes = DateOnly.FromDateTime(now).AddDays(30), CreatedAt = now, UpdatedAt = now,
        };
        db.Add(need);
        foreach (var f in followers) db.Add(new NeedFollower { NeedId = need.Id, UserId = f, CreatedAt = now });
        await db.SaveChangesAsync();
        return need;
    });

    [Fact]
    public async Task Each_persons_choice_for_a_kind_is_honoured_immediately_in_the_digest_once_or_not_at_all()
    {
        var dalia = Dalia;
        var (_, nowEmail, nowId) = await App.SignedInAsync(Role.OrganisationMember, dalia);
        var (dailyClient, dailyEmail, dailyId) = await App.SignedInAsync(Role.OrganisationMember, dalia);
        var (offClient, offEmail, offId) = await App.SignedInAsync(Role.OrganisationMember, dalia);
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(dailyClient, new Dictionary<string, string> { ["needs.followed"] = "DailyDigest" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(offClient, new Dictionary<string, string> { ["needs.followed"] = "Off" })).StatusCode);
        var start = DateTime.UtcNow;
        await DigestAsync(start, dailyId); // first seen: the daily rhythm counts from here

        var need = await FollowedNeedAsync(nowId, dailyId, offId);
        using (var scope = App.Services.CreateScope())
        {
            var notifications = scope.ServiceProvider.GetRequiredService<NeedNotifications>();
            Assert.Equal(2, await notifications.NotifyFollowersAsync(need, NeedNotifications.Change.Updated, null, default));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        // Immediate (the default): the e-mail now, saying why and where to change it.
        var mail = await App.WaitForMailAsync(nowEmail, m => m.Subject.Contains(need.Title));
        Assert.Contains("Du följer behovet", mail.TextBody);
        Assert.Contains("http://localhost/my/notifications", mail.TextBody);
        // Daily digest: kept for the digest, no e-mail of its own; off: nothing at all.
        Assert.Equal(1, App.With(db => db.PendingNotifications().Count(p => p.UserId == dailyId && p.Kind == "needs.followed")));
        Assert.Empty(await MailsToAsync(dailyEmail));
        Assert.False(App.With(db => db.PendingNotifications().Any(p => p.UserId == offId)));

        // Not yet a day: nothing. A day on: one digest with the notice. The next day: nothing again.
        Assert.Equal(0, await DigestAsync(start.AddHours(12), dailyId));
        Assert.Equal(1, await DigestAsync(start.AddDays(1), dailyId));
        var digest = Assert.Single(await MailsToAsync(dailyEmail));
        Assert.Contains(need.Title, digest.TextBody);
        Assert.Contains($"http://localhost/needs/{need.Id}", digest.TextBody);
        Assert.Contains("http://localhost/my/notifications", digest.TextBody);
        Assert.False(App.With(db => db.PendingNotifications().Any(p => p.UserId == dailyId)));
        Assert.Equal(0, await DigestAsync(start.AddDays(2), dailyId));
        Assert.Single(await MailsToAsync(dailyEmail));
        Assert.Empty(await MailsToAsync(offEmail));
    }

    [Fact]
    public async Task The_digest_is_one_email_with_pending_notices_and_my_work_on_the_default_weekly_rhythm()
    {
        // An officer of a municipality with no work in the demo data, so that the features' own sources add nothing.
        var vansbro = App.With(db => db.Tenants.Single(t => t.Code == "2021").Id);
        var (client, email, userId) = await App.SignedInAsync(Role.Officer, tenantId: vansbro);
        TestMyWork.Items[userId] =
        [
            new MyWorkItem("test.questions", "Frågor att svara på", "Svara på frågan om lokaler", "/needs", DateTime.UtcNow.AddDays(-3)),
            new MyWorkItem("test.checkins", "Avstämningar", "Avstämning i Läxhjälpen", "/partnerships", Due: DateTime.UtcNow.AddDays(2)),
        ];
        await ChooseAsync(client, new Dictionary<string, string> { ["needs.followed"] = "WeeklyDigest" });
        var start = DateTime.UtcNow;
        Assert.Equal(0, await DigestAsync(start, userId)); // first seen

        var need = await FollowedNeedAsync(userId);
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NeedNotifications>().NotifyFollowersAsync(need, NeedNotifications.Change.Closed, null, default);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        // No choice made for "my work": the weekly default. A day on nothing is due; a week on, one e-mail.
        Assert.Equal(0, await DigestAsync(start.AddDays(1), userId));
        Assert.Empty(await MailsToAsync(email));
        Assert.Equal(1, await DigestAsync(start.AddDays(7), userId));
        var digest = Assert.Single(await MailsToAsync(email));
        Assert.Equal("Din sammanfattning från Samverka", digest.Subject);
        var body = digest.TextBody;
        Assert.Contains("Frågor att svara på", body);
        Assert.Contains("Svara på frågan om lokaler", body);
        Assert.Contains("Avstämningar", body);
        Assert.Contains("http://localhost/partnerships", body);
        Assert.Contains("Nytt om behov du följer", body);
        Assert.Contains(need.Title, body);
        Assert.Contains("http://localhost/my\n", body.ReplaceLineEndings("\n"));
        Assert.True(body.IndexOf("Frågor att svara på", StringComparison.Ordinal) < body.IndexOf("Svara på frågan om lokaler", StringComparison.Ordinal));

        // My work stays (it is what waits), but it goes again only a week later; with nothing there, nothing goes.
        Assert.Equal(0, await DigestAsync(start.AddDays(8), userId));
        TestMyWork.Items.TryRemove(userId, out _);
        Assert.Equal(0, await DigestAsync(start.AddDays(14), userId));
        Assert.Single(await MailsToAsync(email));
    }

    [Fact]
    public async Task A_member_who_opts_in_to_fitting_needs_gets_them_in_the_one_digest_once()
    {
        var dalia = Dalia;
        var (client, email, userId) = await App.SignedInAsync(Role.OrganisationAdmin, dalia);
        // The shortcut on the organisation's needs page sets the person's choice for the kind "needs.fitting".
        var on = await client.SubmitAsync($"/organisations/{dalia}/needs", new Dictionary<string, string> { ["subscribe"] = "true" },
            action: $"/organisations/{dalia}/needs?handler=digest");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Contains("Sluta skicka veckobrev", await client.HtmlAsync($"/organisations/{dalia}/needs"));
        Assert.Equal(Rhythm.WeeklyDigest, App.With(db => db.NotificationPreferences().Single(p => p.UserId == userId && p.Kind == "needs.fitting").Rhythm));
        await ChooseAsync(client, new Dictionary<string, string> { ["platform.my-work"] = "Off" });
        var start = DateTime.UtcNow;
        await DigestAsync(start, userId);

        var title = "Samtalsstöd för unga tjejer på lovet " + Guid.NewGuid().ToString("N")[..6];
        var other = "Snöröjning med hjälp av föreningar " + Guid.NewGuid().ToString("N")[..6];
        await App.WithAsync(async db =>
        {
            var borlange = await db.Tenants.SingleAsync(t => t.Code == "2081");
            var now = start.AddMinutes(1);
            db.Set<Need>().AddRange(
                new Need
                {
                    TenantId = borlange.Id, Title = title, Problem = "Unga tjejer mår dåligt under loven och har ingen att prata med om psykisk ohälsa.",
                    Areas = ["mental-health", "youth"], TargetGroups = ["girls-and-women", "youth"], AgeFrom = 13, AgeTo = 19, DesiredOutcome = "Fler får stöd.",
                    Forms = ["grant"], ContactName = "Socialförvaltningen", ContactEmail = "soc@borlange.example", Status = NeedStatus.Open,
                    PublishedAt = now, Closes = DateOnly.FromDateTime(now).AddDays(20), CreatedAt = now, UpdatedAt = now,
                },
                new Need
                {
                    TenantId = borlange.Id, Title = other, Problem = "Trottoarer behöver skottas.", Areas = ["environment"], TargetGroups = ["seniors"],
                    AgeFrom = 70, DesiredOutcome = "Framkomliga trottoarer.", Forms = ["procurement"], ContactName = "Gatukontoret", ContactEmail = "gata@borlange.example",
                    Status = NeedStatus.Open, PublishedAt = now, Closes = DateOnly.FromDateTime(now).AddDays(20), CreatedAt = now, UpdatedAt = now,
                });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(1, await DigestAsync(start.AddDays(7), userId));
        var digest = Assert.Single(await MailsToAsync(email));
        Assert.Contains("Nya behov som passar Tjejjouren Dalia", digest.TextBody);
        Assert.Contains(title, digest.TextBody);
        Assert.DoesNotContain(other, digest.TextBody);
        Assert.DoesNotContain("Stöd för ungas psykiska hälsa", digest.TextBody); // published before the choice

        // Nothing new: nothing sent the next week. Stopping sets the choice to off.
        Assert.Equal(0, await DigestAsync(start.AddDays(14), userId));
        await client.SubmitAsync($"/organisations/{dalia}/needs", new Dictionary<string, string> { ["subscribe"] = "false" }, action: $"/organisations/{dalia}/needs?handler=digest");
        Assert.Equal(Rhythm.Off, App.With(db => db.NotificationPreferences().Single(p => p.UserId == userId && p.Kind == "needs.fitting").Rhythm));
        Assert.Single(await MailsToAsync(email));
    }

    [Fact]
    public async Task The_settings_page_lists_the_kinds_for_the_persons_roles_and_saves_with_antiforgery()
    {
        var anonymous = await App.Browser().GetAsync(NotificationSettings.Address);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString());

        var (client, _, userId) = await App.SignedInAsync(Role.OrganisationMember, Dalia);
        var html = await client.HtmlAsync(NotificationSettings.Address);
        Assert.Contains("Nytt om behov du följer", html);
        Assert.Contains("Nya behov som passar din organisation", html);
        Assert.Contains("Det som väntar på dig", html);
        Assert.DoesNotContain("Inbjudningar att svara på ett behov", html); // for organisation admins
        Assert.Contains("Du följer behovet", html); // why

        // Without the antiforgery token: refused, nothing saved.
        var forged = await client.PostAsync(NotificationSettings.Address, new FormUrlEncodedContent(new Dictionary<string, string> { ["needs.followed"] = "Off" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(App.With(db => db.NotificationPreferences().Any(p => p.UserId == userId)));

        // A choice the kind does not offer: a clear message, nothing saved.
        var invalid = await ChooseAsync(client, new Dictionary<string, string> { ["needs.fitting"] = "Immediate", ["needs.followed"] = "Off" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Välj ett av alternativen för ”Nya behov som passar din organisation”", await invalid.Content.ReadAsStringAsync());
        Assert.False(App.With(db => db.NotificationPreferences().Any(p => p.UserId == userId)));

        var saved = await ChooseAsync(client, new Dictionary<string, string> { ["needs.followed"] = "Off", ["needs.fitting"] = "DailyDigest", ["platform.my-work"] = "WeeklyDigest" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await client.HtmlAsync(NotificationSettings.Address);
        Assert.Contains("Dina val för e-post är sparade.", after);
        Assert.Matches("id=\"needs_followed-Off\" name=\"needs.followed\" value=\"Off\" checked", after);
        // Only what changed is stored; "my work" stayed at its default and follows it.
        Assert.Equal(new[] { ("needs.fitting", Rhythm.DailyDigest), ("needs.followed", Rhythm.Off) },
            App.With(db => db.NotificationPreferences().Where(p => p.UserId == userId).OrderBy(p => p.Kind).Select(p => new { p.Kind, p.Rhythm }).ToList())
                .Select(p => (p.Kind, p.Rhythm)).ToArray());
    }

    [Fact]
    public async Task A_persons_notification_data_is_exported_and_erased()
    {
        var (client, _, userId) = await App.SignedInAsync(Role.OrganisationMember, Dalia);
        await ChooseAsync(client, new Dictionary<string, string> { ["needs.followed"] = "WeeklyDigest" });
        var need = await FollowedNeedAsync(userId);
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NeedNotifications>().NotifyFollowersAsync(need, NeedNotifications.Change.Updated, null, default);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }
        await DigestAsync(DateTime.UtcNow, userId);

        await App.WithAsync(async db =>
        {
            var export = await NotificationData.ExportAsync(db, userId, default);
            Assert.Equal("WeeklyDigest", Assert.Single(export.Preferences).Rhythm);
            Assert.Contains(need.Title, Assert.Single(export.Pending).Subject);
            Assert.NotNull(export.WeeklyDigestSentUpTo);
            await NotificationData.EraseAsync(db, userId, default);
            return 0;
        });
        Assert.False(App.With(db => db.NotificationPreferences().Any(p => p.UserId == userId)
            || db.PendingNotifications().Any(p => p.UserId == userId) || db.NotificationDigestStates().Any(s => s.UserId == userId)));
    }

    /// The migration's data rewrite (kept outside the generated migration): a member's digest subscriptions become
    /// one weekly choice for "needs.fitting", their digest continues from where the old one stopped, subscriptions
    /// of people who no longer exist are left behind, and the old job's pending run goes. Run here against a copy of
    /// the old table, since this database has already been migrated past it.
    [Fact]
    public async Task The_needs_digest_subscriptions_become_choices_for_fitting_needs()
    {
        var (_, _, userId) = await App.SignedInAsync(Role.OrganisationMember, Dalia);
        var dalia = Dalia;
        var lastSent = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
        await App.WithAsync(async db =>
        {
            var pg = db.Database.IsNpgsql();
            await db.Database.ExecuteSqlRawAsync(pg
                ? "CREATE TABLE \"NeedDigestSubscriptions\" (\"OrganisationId\" uuid NOT NULL, \"UserId\" text NOT NULL, \"CreatedAt\" timestamp with time zone NOT NULL, \"LastSentUpTo\" timestamp with time zone NOT NULL)"
                : "CREATE TABLE \"NeedDigestSubscriptions\" (\"OrganisationId\" TEXT NOT NULL, \"UserId\" TEXT NOT NULL, \"CreatedAt\" TEXT NOT NULL, \"LastSentUpTo\" TEXT NOT NULL)");
            try
            {
                const string insert = "INSERT INTO \"NeedDigestSubscriptions\" (\"OrganisationId\", \"UserId\", \"CreatedAt\", \"LastSentUpTo\") VALUES ({0}, {1}, {2}, {3})";
                await db.Database.ExecuteSqlRawAsync(insert, dalia, userId, lastSent.AddDays(-30), lastSent);
                await db.Database.ExecuteSqlRawAsync(insert, Guid.NewGuid(), userId, lastSent.AddDays(-10), lastSent.AddDays(1));
                await db.Database.ExecuteSqlRawAsync(insert, dalia, "no-such-user-" + Guid.NewGuid(), lastSent, lastSent);
                var old = db.Jobs.Add(new Samverka.Platform.Jobs.Job { Type = "needs.digest", Payload = "\"next\"", RunAfter = DateTime.UtcNow.AddDays(300), CreatedAt = DateTime.UtcNow }).Entity;
                await db.SaveChangesAsync();

                var migration = new Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder(db.Database.ProviderName);
                NotificationsDataMigration.MoveNeedsDigest(migration);
                foreach (var sql in migration.Operations.OfType<Microsoft.EntityFrameworkCore.Migrations.Operations.SqlOperation>())
                    await db.Database.ExecuteSqlRawAsync(sql.Sql);

                var choice = await db.NotificationPreferences().AsNoTracking().SingleAsync(p => p.UserId == userId);
                Assert.Equal(("needs.fitting", Rhythm.WeeklyDigest), (choice.Kind, choice.Rhythm));
                var state = await db.NotificationDigestStates().AsNoTracking().SingleAsync(s => s.UserId == userId);
                Assert.Equal(lastSent, state.WeeklySentUpTo);
                Assert.False(await db.NotificationPreferences().AnyAsync(p => p.UserId.StartsWith("no-such-user-")));
                Assert.False(await db.Jobs.AnyAsync(j => j.Id == old.Id));
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("DROP TABLE \"NeedDigestSubscriptions\"");
            }
            return 0;
        });
    }
}

[Collection(SqliteCollection.Name)] public sealed class NotificationTestsOnSqlite(SqliteApp fx) : NotificationTests(fx);
[Collection(PostgresCollection.Name)] public sealed class NotificationTestsOnPostgres(PostgresApp fx) : NotificationTests(fx);
