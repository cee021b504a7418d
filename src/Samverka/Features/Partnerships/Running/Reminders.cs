using Samverka.Platform.Email;
using Samverka.Platform.Jobs;

namespace Samverka.Features.Partnerships.Running;

public sealed class ReminderOptions
{
    public const string Section = "Partnerships:Reminders";

    /// How often the reminder run looks for due check-ins, actions and renewal talks.
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

/// E-mails the partnership's named people (those who gave an address) when a check-in is due, an action's owner
/// when the action is due tomorrow or late, and everyone when renewal talks should start. Each reminder goes once:
/// the date it went is kept, so a daily run never repeats itself.
public sealed class Reminders(AppDbContext db, MailQueue mail, PublicUrls urls, IStringLocalizer<SharedResource> l)
{
    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var sent = 0;
        var running = await db.Partnerships()
            .Where(p => p.Status == PartnershipStatus.Active || p.Status == PartnershipStatus.Renewing).ToListAsync(ct);
        foreach (var p in running)
        {
            var people = await db.PartnershipPeople().Where(x => x.PartnershipId == p.Id).ToListAsync(ct);
            var addresses = people.Select(x => x.Email).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var link = urls.Absolute($"/partnerships/{p.Id}/follow-up");

            var last = await db.CheckIns().Where(c => c.PartnershipId == p.Id).MaxAsync(c => (DateOnly?)c.HeldOn, ct);
            if ((last ?? p.StartsOn)?.AddDays(p.CheckInEveryDays) is { } due && due <= today && (p.CheckInReminderSentOn is null || p.CheckInReminderSentOn < due))
            {
                foreach (var to in addresses)
                    mail.Enqueue(new OutgoingMail(to, l["Mail.CheckInSubject", p.Title], l["Mail.CheckInBody", p.Title, due.ToString("yyyy-MM-dd"), link]));
                p.CheckInReminderSentOn = today;
                sent += addresses.Count;
            }

            var actions = await db.FollowUpActions()
                .Where(a => a.PartnershipId == p.Id && a.DoneOn == null && a.ReminderSentOn == null && a.DueOn <= today.AddDays(1)).ToListAsync(ct);
            foreach (var a in actions)
            {
                if (people.FirstOrDefault(x => x.Id == a.OwnerPersonId)?.Email is { } to)
                {
                    mail.Enqueue(new OutgoingMail(to, l["Mail.ActionSubject", p.Title], l["Mail.ActionBody", a.Text, a.DueOn.ToString("yyyy-MM-dd"), p.Title, link]));
                    sent++;
                }
                a.ReminderSentOn = today;
            }

            if (p.Status == PartnershipStatus.Active && p.EndsOn is { } ends && p.RenewalTalksStartedOn is null
                && p.RenewalReminderSentOn is null && ends.AddMonths(-p.RenewalMonthsBefore) <= today)
            {
                foreach (var to in addresses)
                    mail.Enqueue(new OutgoingMail(to, l["Mail.RenewalSubject", p.Title],
                        l["Mail.RenewalBody", p.Title, ends.ToString("yyyy-MM-dd"), urls.Absolute($"/partnerships/{p.Id}")]));
                p.RenewalReminderSentOn = today;
                sent += addresses.Count;
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
