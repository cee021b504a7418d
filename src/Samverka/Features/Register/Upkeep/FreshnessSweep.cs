using Microsoft.AspNetCore.DataProtection;
using Samverka.Platform.Email;
using Samverka.Platform.Jobs;
using Samverka.Platform.Notifications;

namespace Samverka.Features.Register.Upkeep;

public sealed class FreshnessOptions
{
    public const string Section = "Register:Freshness";

    /// How long an entry stays current after it was last confirmed.
    public TimeSpan ConfirmAfter { get; set; } = TimeSpan.FromDays(365);

    /// After the first request: when to remind, when to mark the entry "may be outdated", when to leave it out of search.
    public TimeSpan RemindAfter { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan OutdatedAfter { get; set; } = TimeSpan.FromDays(60);
    public TimeSpan DropAfter { get; set; } = TimeSpan.FromDays(180);

    /// How often the sweep runs.
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(24);
}

/// Moves entries through Current → AskedToConfirm → MayBeOutdated → Dropped as time passes without a confirmation,
/// e-mailing the organisation a confirm-or-update request and one reminder. Confirming or editing resets it.
public sealed class FreshnessSweep(AppDbContext db, FreshnessOptions options, Notifier notifier, PublicUrls urls,
    ConfirmationLinks links, IStringLocalizer<SharedResource> l, ILogger<FreshnessSweep> log)
{
    public const string KindKey = "register.freshness";

    /// The yearly "is the entry still correct?" request and its reminder, for the organisation's admins. It cannot be
    /// turned off: an entry nobody confirms leaves the default search.
    public static readonly NotificationKind Kind = new(KindKey, "Register.Notify.Freshness", "Register.NotifyWhy.Freshness",
        Audience.OrganisationAdmins, Rhythm.Immediate, [Rhythm.Immediate, Rhythm.DailyDigest, Rhythm.WeeklyDigest]);

    public const int BatchSize = 500;

    public sealed record Outcome(int Asked, int Reminded, int MarkedOutdated, int Dropped);

    public async Task<Outcome> RunAsync(DateTime now, CancellationToken ct)
    {
        var asked = 0; var reminded = 0; var outdated = 0; var dropped = 0;
        var set = db.Set<Organisation>();
        var confirmBefore = now - options.ConfirmAfter;
        foreach (var o in await set.Where(o => o.Status == VerificationStatus.Verified && o.Freshness == Freshness.Current && o.LastConfirmedAt <= confirmBefore)
                     .OrderBy(o => o.LastConfirmedAt).Take(BatchSize).ToListAsync(ct))
        {
            o.Freshness = Freshness.AskedToConfirm;
            o.ConfirmationRequestedAt = now;
            o.ConfirmationRequestsSent = 1;
            await RequestAsync(o, reminder: false, now, ct);
            asked++;
        }
        var remindBefore = now - options.RemindAfter;
        foreach (var o in await set.Where(o => o.Freshness == Freshness.AskedToConfirm && o.ConfirmationRequestsSent == 1 && o.ConfirmationRequestedAt <= remindBefore)
                     .Take(BatchSize).ToListAsync(ct))
        {
            o.ConfirmationRequestsSent = 2;
            await RequestAsync(o, reminder: true, now, ct);
            reminded++;
        }
        var outdatedBefore = now - options.OutdatedAfter;
        foreach (var o in await set.Where(o => o.Freshness == Freshness.AskedToConfirm && o.ConfirmationRequestedAt <= outdatedBefore).Take(BatchSize).ToListAsync(ct))
        {
            o.Freshness = Freshness.MayBeOutdated;
            outdated++;
        }
        var dropBefore = now - options.DropAfter;
        foreach (var o in await set.Where(o => o.Freshness == Freshness.MayBeOutdated && o.ConfirmationRequestedAt <= dropBefore).Take(BatchSize).ToListAsync(ct))
        {
            o.Freshness = Freshness.Dropped;
            dropped++;
        }
        await db.SaveChangesAsync(ct);
        if (asked + reminded + outdated + dropped > 0)
            log.LogInformation("Freshness sweep: {Asked} asked, {Reminded} reminded, {Outdated} marked outdated, {Dropped} dropped", asked, reminded, outdated, dropped);
        return new Outcome(asked, reminded, outdated, dropped);
    }

    private async Task RequestAsync(Organisation o, bool reminder, DateTime now, CancellationToken ct)
    {
        var recipients = await db.MailRecipientsAsync(o, ct);
        var confirm = urls.Absolute($"/organisations/{o.Id}/confirm?token={Uri.EscapeDataString(links.Create(o.Id))}");
        var update = urls.Absolute($"/organisations/{o.Id}/edit");
        foreach (var to in recipients)
            await notifier.NotifyAddressAsync(to, KindKey,
                l[reminder ? "Mail.FreshnessReminderSubject" : "Mail.FreshnessSubject", o.Name],
                l["Mail.FreshnessBody", o.Name, o.LastConfirmedAt.ToString("yyyy-MM-dd"), confirm, update], confirm, ct);
    }
}

/// Signed, time-limited "still correct" links: whoever holds one may confirm that entry, nothing else.
public sealed class ConfirmationLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(120);
    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Samverka.Register.Confirm").ToTimeLimitedDataProtector();

    public string Create(Guid organisationId) => Protector.Protect(organisationId.ToString(), clock.GetUtcNow() + Lifetime);

    public bool IsValidFor(string? token, Guid organisationId)
    {
        if (string.IsNullOrEmpty(token)) return false;
        try
        {
            return Protector.Unprotect(token, out var expires) == organisationId.ToString() && expires > clock.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}

/// The sweep as a recurring durable job (daily by default).
public sealed class FreshnessSweepJob(FreshnessSweep sweep, FreshnessOptions options, JobQueue jobs, AppDbContext db, TimeProvider clock)
    : RecurringJob(jobs, db, clock)
{
    public const string JobType = "register.freshness-sweep";
    public override string Type => JobType;
    protected override TimeSpan Interval => options.SweepInterval;
    protected override Task RunOnceAsync(DateTime now, CancellationToken ct) => sweep.RunAsync(now, ct);
}

public static class FreshnessConfirmation
{
    /// The entry is current again, from now.
    public static void Confirm(Organisation o, DateTime now)
    {
        o.LastConfirmedAt = now;
        o.Freshness = Freshness.Current;
        o.ConfirmationRequestsSent = 0;
        o.ConfirmationRequestedAt = null;
    }
}
