using Samverka.Platform.Email;
using Samverka.Platform.Jobs;
using Samverka.Platform.Notifications;

namespace Samverka.Features.Partnerships.Running;

public sealed class ReminderOptions
{
    public const string Section = "Partnerships:Reminders";

    /// How often the reminder run looks for due check-ins, actions and renewal talks.
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

/// Tells the partnership's named people (those who gave an address) when a check-in is due, an action's owner
/// when the action is due tomorrow or late, and everyone when renewal talks should start, through the Notifier (kind
/// "partnerships.reminders": a person with an account on their chosen rhythm, an address without one at once).
/// Each reminder goes once: the date it went is kept, so a daily run never repeats itself.
public sealed class Reminders(AppDbContext db, Notifier notifier, PublicUrls urls, IStringLocalizer<SharedResource> l)
{
    public const string KindKey = "partnerships.reminders";

    public static readonly NotificationKind Kind = new(KindKey, "Partnerships.Notify.Reminders", "Partnerships.NotifyWhy.Reminders",
        Audience.OrganisationMembers | Audience.TenantStaff, Rhythm.Immediate, NotificationKind.AnyRhythm);

    private async Task<int> TellAsync(IEnumerable<string> addresses, string subject, string body, string link, CancellationToken ct)
    {
        var told = 0;
        foreach (var to in addresses)
            if (await notifier.NotifyAddressAsync(to, KindKey, subject, body, link, ct) != Rhythm.Off) told++;
        return told;
    }

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var sent = 0;
        var running = await db.Partnerships()
            .Where(p => p.Status == PartnershipStatus.Active || p.Status == PartnershipStatus.Renewing).ToListAsync(ct);
        foreach (var p in running)
        {
            var people = await db.PartnershipPeople().Where(x => x.PartnershipId == p.Id).ToListAsync(ct);
            var addresses = people.Select(x => x.Email).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var path = $"/partnerships/{p.Id}/follow-up";
            var link = urls.Absolute(path);

            var last = await db.CheckIns().Where(c => c.PartnershipId == p.Id).MaxAsync(c => (DateOnly?)c.HeldOn, ct);
            if ((last ?? p.StartsOn)?.AddDays(p.CheckInEveryDays) is { } due && due <= today && (p.CheckInReminderSentOn is null || p.CheckInReminderSentOn < due))
            {
                sent += await TellAsync(addresses, l["Mail.CheckInSubject", p.Title], l["Mail.CheckInBody", p.Title, due.ToString("yyyy-MM-dd"), link], path, ct);
                p.CheckInReminderSentOn = today;
            }

            var actions = await db.FollowUpActions()
                .Where(a => a.PartnershipId == p.Id && a.DoneOn == null && a.ReminderSentOn == null && a.DueOn <= today.AddDays(1)).ToListAsync(ct);
            foreach (var a in actions)
            {
                if (people.FirstOrDefault(x => x.Id == a.OwnerPersonId)?.Email is { } to)
                    sent += await TellAsync([to], l["Mail.ActionSubject", p.Title], l["Mail.ActionBody", a.Text, a.DueOn.ToString("yyyy-MM-dd"), p.Title, link], path, ct);
                a.ReminderSentOn = today;
            }

            if (p.Status == PartnershipStatus.Active && p.EndsOn is { } ends && p.RenewalTalksStartedOn is null
                && p.RenewalReminderSentOn is null && ends.AddMonths(-p.RenewalMonthsBefore) <= today)
            {
                sent += await TellAsync(addresses, l["Mail.RenewalSubject", p.Title],
                    l["Mail.RenewalBody", p.Title, ends.ToString("yyyy-MM-dd"), urls.Absolute($"/partnerships/{p.Id}")], $"/partnerships/{p.Id}", ct);
                p.RenewalReminderSentOn = today;
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }
}

/// The reminders as a recurring durable job (daily by default).
public sealed class ReminderJob(Reminders reminders, ReminderOptions options, JobQueue jobs, AppDbContext db, TimeProvider clock)
    : RecurringJob(jobs, db, clock)
{
    public const string JobType = "partnerships.reminders";
    public override string Type => JobType;
    protected override TimeSpan Interval => options.Interval;
    protected override Task RunOnceAsync(DateTime now, CancellationToken ct) => reminders.RunAsync(DateOnly.FromDateTime(now), ct);
}
