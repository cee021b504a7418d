using Samverka.Platform.Email;

namespace Samverka.Features.Needs;

/// Tells a need's followers what happened, by e-mail through the job queue (sent once the caller saves).
public sealed class NeedNotifications(AppDbContext db, MailQueue mail, PublicUrls urls, IStringLocalizer<SharedResource> l)
{
    public enum Change { Answered, Updated, Closed }

    /// Queues one mail per follower; the one who made the change is left out.
    public async Task<int> NotifyFollowersAsync(Need need, Change change, string? byUserId, CancellationToken ct)
    {
        var recipients = await db.Set<NeedFollower>().Where(f => f.NeedId == need.Id && f.UserId != byUserId)
            .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => u.Email)
            .Where(e => e != null).Select(e => e!).Distinct().ToListAsync(ct);
        var link = urls.Absolute($"/needs/{need.Id}");
        foreach (var to in recipients)
            mail.Enqueue(new OutgoingMail(to, l["Mail.NeedChangedSubject", need.Title],
                l["NeedChangedMail." + change, need.Title, link, need.Closes.ToString("yyyy-MM-dd")] + "\n\n" + l["Mail.NeedUnfollowHint"]));
        return recipients.Count;
    }
}
