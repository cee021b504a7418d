using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

public static class NeedFollowingData
{
    public static DbSet<NeedFollower> NeedFollowers(this AppDbContext db) => db.Set<NeedFollower>();
}
