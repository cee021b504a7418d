using Samverka.Platform.Modules;
using Samverka.Platform.Notifications;

namespace Samverka.Features.Needs.Matching;

/// The needs that fit a person's organisations, for their notification digest (kind "needs.fitting", opt-in: a
/// daily or weekly digest, off by default). For each organisation the person belongs to, the open needs published
/// since their last digest of that rhythm that fit it (NeedMatcher.MinimumFit); the platform's digest asks only when
/// the rhythm is due and records up to when it was sent, so a need is mailed once.
public sealed class FittingNeedsDigest(AppDbContext db, NeedMatcher matcher, IStringLocalizer<SharedResource> l) : IDigestSource
{
    public const string KindKey = "needs.fitting";

    public static readonly NotificationKind Declared = new(KindKey, "Needs.Notify.Fitting", "Needs.NotifyWhy.Fitting",
        Audience.OrganisationMembers, Rhythm.Off, NotificationKind.DigestOnly);

    public string Kind => KindKey;

    public async Task<IReadOnlyList<MyWorkItem>> ForAsync(string userId, DateTime since, DateTime until, CancellationToken ct)
    {
        var organisations = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UserId == userId && r.OrganisationId != null).Select(r => r.OrganisationId!.Value).Distinct().ToListAsync(ct);
        var items = new List<MyWorkItem>();
        foreach (var organisationId in organisations)
        {
            var fresh = (await matcher.ForOrganisationAsync(organisationId, ct))
                .Where(f => f.Need.Need.PublishedAt > since && f.Need.Need.PublishedAt <= until).ToList();
            if (fresh.Count == 0) continue;
            var group = l["Needs.DigestGroup", fresh[0].Match.Name];
            items.AddRange(fresh.Select(f => new MyWorkItem(KindKey, group, f.Need.Need.Title, $"/needs/{f.Need.Need.Id}",
                f.Need.Need.PublishedAt, Detail: $"{f.Need.Municipality.Name}, {l["Needs.Closes", f.Need.Need.Closes.ToString("yyyy-MM-dd")]}")));
        }
        return items;
    }
}
