using Samverka.Platform.Email;
using Samverka.Platform.Jobs;

namespace Samverka.Features.Needs.Matching;

public sealed class NeedDigestOptions
{
    public const string Section = "Needs:Digest";

    /// How often subscribers get their e-mail (when there is something new for them).
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(7);
}

/// The opt-in digest: for every subscription, the open needs published since the last mail that fit the
/// organisation (NeedMatcher.MinimumFit), in one e-mail; nothing is sent when nothing new fits.
public sealed class NeedDigest(AppDbContext db, NeedMatcher matcher, MailQueue mail, PublicUrls urls, IStringLocalizer<SharedResource> l)
{
    public async Task<int> RunAsync(DateTime now, CancellationToken ct)
    {
        var sent = 0;
        var subscriptions = await db.NeedDigestSubscriptions().ToListAsync(ct);
        foreach (var group in subscriptions.GroupBy(s => s.OrganisationId))
        {
            var fits = await matcher.ForOrganisationAsync(group.Key, ct);
            var name = fits.Count > 0 ? fits[0].Match.Name : null;
            foreach (var s in group)
            {
                // The member must still belong to the organisation; a departed member's wish lapses.
                var access = await db.RoleAssignments.AnyAsync(r => r.UserId == s.UserId && r.OrganisationId == s.OrganisationId, ct);
                var email = await db.Users.Where(u => u.Id == s.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
                if (!access || email is null)
                {
                    db.NeedDigestSubscriptions().Remove(s);
                    continue;
                }
                var fresh = fits.Where(f => f.Need.Need.PublishedAt > s.LastSentUpTo && f.Need.Need.PublishedAt <= now).ToList();
                s.LastSentUpTo = now;
                if (fresh.Count == 0) continue;
                var lines = fresh.Select(f => $"- {f.Need.Need.Title} ({f.Need.Municipality.Name}, {l["Needs.Closes", f.Need.Need.Closes.ToString("yyyy-MM-dd")]})\n  {urls.Absolute($"/needs/{f.Need.Need.Id}")}");
                mail.Enqueue(new OutgoingMail(email, l["Mail.DigestSubject", name!, fresh.Count],
                    l["Mail.DigestBody", name!, string.Join("\n", lines), urls.Absolute($"/organisations/{s.OrganisationId}/needs")]));
                sent++;
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }
}

/// The digest as a recurring durable job (weekly by default; the first run one interval after the app starts).
public sealed class NeedDigestJob(NeedDigest digest, NeedDigestOptions options, JobQueue jobs, AppDbContext db, TimeProvider clock)
    : RecurringJob(jobs, db, clock)
{
    public const string JobType = "needs.digest";
    public override string Type => JobType;
    protected override TimeSpan Interval => options.Interval;
    protected override Task RunOnceAsync(DateTime now, CancellationToken ct) => digest.RunAsync(now, ct);
}
