using Samverka.Platform.Email;
using Samverka.Platform.Notifications;

namespace Samverka.Features.Needs;

/// Tells a need's followers what happened, through the Notifier (kind "needs.followed": on each follower's chosen
/// rhythm), in the same unit of work as the change.
public sealed class NeedNotifications(AppDbContext db, Notifier notifier, PublicUrls urls, IStringLocalizer<SharedResource> l)
{
    public const string FollowedKey = "needs.followed";
    public const string InvitedKey = "needs.invited";

    public static readonly NotificationKind Followed = new(FollowedKey, "Needs.Notify.Followed", "Needs.NotifyWhy.Followed",
        Audience.SignedIn, Rhythm.Immediate, NotificationKind.AnyRhythm);

    /// An officer invites the organisation to respond to a need: its admins hear about it.
    public static readonly NotificationKind Invited = new(InvitedKey, "Needs.Notify.Invited", "Needs.NotifyWhy.Invited",
        Audience.OrganisationAdmins, Rhythm.Immediate, NotificationKind.AnyRhythm);

    public enum Change { Answered, Updated, Closed }

    /// Tells every follower once; the one who made the change is left out. Returns how many will hear of it.
    public async Task<int> NotifyFollowersAsync(Need need, Change change, string? byUserId, CancellationToken ct)
    {
        var followers = await db.Set<NeedFollower>().Where(f => f.NeedId == need.Id && f.UserId != byUserId)
            .Select(f => f.UserId).Distinct().ToListAsync(ct);
        var link = urls.Absolute($"/needs/{need.Id}");
        return await notifier.NotifyAllAsync(followers, FollowedKey, l["Mail.NeedChangedSubject", need.Title],
            l["NeedChangedMail." + change, need.Title, link, need.Closes.ToString("yyyy-MM-dd")], $"/needs/{need.Id}", ct);
    }
}
