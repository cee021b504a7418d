using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Platform.Email;

namespace Samverka.Features.Needs;

/// Someone who wants to hear when a need changes: an answer is published, its details or closing date change, or it
/// closes. Only the follower's user id is kept; the address comes from the account when a mail goes out.
public sealed class NeedFollower
{
    public Guid NeedId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class NeedFollowerConfiguration : IEntityTypeConfiguration<NeedFollower>
{
    public void Configure(EntityTypeBuilder<NeedFollower> b)
    {
        b.ToTable("NeedFollowers");
        b.HasKey(x => new { x.NeedId, x.UserId });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => x.UserId);
        b.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

public static class NeedFollowingData
{
    public static DbSet<NeedFollower> NeedFollowers(this AppDbContext db) => db.Set<NeedFollower>();
}
