using System.Text;
using Samverka.Platform.Email;
using Samverka.Platform.Jobs;
using Samverka.Platform.Modules;
using Samverka.Platform.Privacy;

namespace Samverka.Platform.Notifications;

/// The page that shows a person everything waiting for them, registered by the feature that owns it
/// (services.AddSingleton(new MyWorkPage(address))); the digest links to it. The platform does not name a feature's page.
public sealed record MyWorkPage(string Address);

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// How often the digest run looks for people whose daily or weekly digest is due.
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromHours(1);
}

/// A kind whose items are worked out when a digest is made instead of being raised as they happen (the needs that
/// fit a person's organisations, published since their last digest). Registered with AddScoped<IDigestSource, …>;
/// the digest asks it only when the person's rhythm for Kind is due.
public interface IDigestSource
{
    string Kind { get; }

    /// What happened for the person after `since` up to `until`, as items grouped by GroupTitle in the e-mail.
    Task<IReadOnlyList<MyWorkItem>> ForAsync(string userId, DateTime since, DateTime until, CancellationToken ct);
}

/// One e-mail per person whose daily or weekly rhythm is due: their pending notifications of the kinds on that
/// rhythm, the digest sources' items, and their "my work" when that kind's rhythm is due, grouped by heading, with
/// links to /my and to the settings. Nothing is sent when nothing is there. Up to when each rhythm was sent is
/// recorded with the queued mail and the removal of the pending items, in one save, so nothing goes twice.
public sealed class NotificationDigest(AppDbContext db, NotificationCatalogue kinds, MyWork myWork, IEnumerable<IDigestSource> sources,
    IEnumerable<MyWorkPage> myWorkPages, MailQueue mail, PublicUrls urls, NotificationOptions options, IStringLocalizer<SharedResource> l)
{
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// Runs for everyone, or only for the given people. Returns how many digests were queued.
    public async Task<int> RunAsync(DateTime now, CancellationToken ct, IReadOnlyCollection<string>? onlyUserIds = null)
    {
        var people = db.Users.AsNoTracking().Where(u => u.Email != null)
            .Where(u => onlyUserIds == null || onlyUserIds.Contains(u.Id));
        // First seen: start counting from now. A person's first digest comes one period later and covers only what
        // happened after this, as a new subscription always has.
        var unseen = await people.Where(u => !db.NotificationDigestStates().Any(s => s.UserId == u.Id)).Select(u => u.Id).ToListAsync(ct);
        foreach (var id in unseen)
            db.NotificationDigestStates().Add(new NotificationDigestState { UserId = id, DailySentUpTo = now, WeeklySentUpTo = now });
        await db.SaveChangesAsync(ct);

        var slack = options.DigestInterval / 2;
        var dailyCut = now + slack - Day;
        var weeklyCut = now + slack - Week;
        var due = await people
            .Join(db.NotificationDigestStates(), u => u.Id, s => s.UserId, (u, s) => new { u.Id, u.Email, u.DisplayName, s.DailySentUpTo, s.WeeklySentUpTo })
            .Where(x => x.DailySentUpTo == null || x.DailySentUpTo <= dailyCut || x.WeeklySentUpTo == null || x.WeeklySentUpTo <= weeklyCut)
            .OrderBy(x => x.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var person in due)
        {
            var state = await db.NotificationDigestStates().SingleAsync(s => s.UserId == person.Id, ct);
            var dailyDue = state.DailySentUpTo is not { } d || d <= dailyCut;
            var weeklyDue = state.WeeklySentUpTo is not { } w || w <= weeklyCut;
            if (await RunForAsync(state, person.Email!, person.DisplayName, dailyDue, weeklyDue, now, ct)) sent++;
            // Each person's digest is its own unit of work: the mail, the sent-up-to marks and the removed pending
            // items are saved together, and one person's failure does not resend another's.
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return sent;
    }

    private async Task<bool> RunForAsync(NotificationDigestState state, string email, string name, bool dailyDue, bool weeklyDue,
        DateTime now, CancellationToken ct)
    {
        var userId = state.UserId;
        var chosen = await db.NotificationPreferences().AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Kind, p => p.Rhythm, ct);
        Rhythm RhythmOf(NotificationKind kind) => kind.Resolve(chosen.TryGetValue(kind.Key, out var r) ? r : null);
        // A pending item whose kind has since been set to Immediate goes out with the next digest of either rhythm.
        bool IsDue(Rhythm r) => r == Rhythm.Immediate || (r == Rhythm.DailyDigest && dailyDue) || (r == Rhythm.WeeklyDigest && weeklyDue);

        var items = new List<MyWorkItem>();
        foreach (var pending in await db.PendingNotifications().Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ToListAsync(ct))
        {
            var kind = kinds.Find(pending.Kind);
            var rhythm = kind is null ? Rhythm.Off : RhythmOf(kind);
            if (rhythm == Rhythm.Off)
            {
                db.PendingNotifications().Remove(pending);
                continue;
            }
            if (!IsDue(rhythm)) continue;
            items.Add(new MyWorkItem(pending.Kind, l[kind!.LabelKey], pending.Subject, pending.Link, pending.CreatedAt));
            db.PendingNotifications().Remove(pending);
        }
        foreach (var source in sources)
        {
            var since = RhythmOf(kinds[source.Kind]) switch
            {
                Rhythm.DailyDigest when dailyDue => state.DailySentUpTo,
                Rhythm.WeeklyDigest when weeklyDue => state.WeeklySentUpTo,
                _ => null,
            };
            if (since is { } from) items.AddRange(await source.ForAsync(userId, from, now, ct));
        }
        var myWorkRhythm = RhythmOf(PlatformNotifications.MyWork);
        if (myWorkRhythm is Rhythm.DailyDigest or Rhythm.WeeklyDigest && IsDue(myWorkRhythm))
            items.AddRange(await myWork.ForUserAsync(userId, ct));

        if (dailyDue) state.DailySentUpTo = now;
        if (weeklyDue) state.WeeklySentUpTo = now;
        if (items.Count == 0) return false;
        mail.Enqueue(new OutgoingMail(email, l["Notifications.DigestSubject"], Body(name, items)));
        return true;
    }

    private string Body(string name, IReadOnlyList<MyWorkItem> items)
    {
        var text = new StringBuilder();
        text.AppendLine(l["Notifications.DigestGreeting", name]).AppendLine();
        text.AppendLine(l["Notifications.DigestIntro"]);
        foreach (var group in items.GroupBy(i => i.GroupTitle))
        {
            text.AppendLine().AppendLine(group.Key).AppendLine(new string('-', Math.Min(group.Key.Length, 60)));
            foreach (var item in group)
            {
                text.Append("- ").Append(item.Title);
                if (item.Detail is { Length: > 0 } detail) text.Append(" (").Append(detail).Append(')');
                if (item.Due is { } due) text.Append(" – ").Append(l["Notifications.DigestDue", due.ToString("yyyy-MM-dd")]);
                text.AppendLine();
                text.Append("  ").AppendLine(item.Href.StartsWith('/') ? urls.Absolute(item.Href) : item.Href);
            }
        }
        text.AppendLine();
        if (myWorkPages.FirstOrDefault() is { } page) text.AppendLine(l["Notifications.DigestAllWork", urls.Absolute(page.Address)]);
        text.AppendLine(l["Notifications.DigestSettings", urls.Absolute(NotificationSettings.Address)]);
        return text.ToString();
    }
}

/// The digest as a recurring durable job: hourly by default, each run sends the digests that have come due.
public sealed class NotificationDigestJob(NotificationDigest digest, NotificationOptions options, JobQueue jobs, AppDbContext db, TimeProvider clock)
    : RecurringJob(jobs, db, clock)
{
    public const string JobType = "notifications.digest";
    public override string Type => JobType;
    protected override TimeSpan Interval => options.DigestInterval;
    protected override Task RunOnceAsync(DateTime now, CancellationToken ct) => digest.RunAsync(now, ct);
}

public static class NotificationsModule
{
    public static IServiceCollection AddSamverkaNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions());
        services.AddSingleton<NotificationCatalogue>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationDigest>();
        services.AddPersonalDataSource<NotificationsPersonalData>();
        services.AddRecurringJob<NotificationDigestJob>(NotificationDigestJob.JobType, sp => sp.GetRequiredService<NotificationOptions>().DigestInterval);
        return services;
    }
}
