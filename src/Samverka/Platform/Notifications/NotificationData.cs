using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Platform.Notifications;

/// A person's choice for one kind. No row means the kind's default.
public sealed class NotificationPreference
{
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
    public Rhythm Rhythm { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// A notification waiting for the person's next digest. Deleted when the digest that holds it is queued (in the same
/// unit of work), so it is sent once.
public sealed class PendingNotification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// Up to when each digest rhythm has been sent to a person: the next daily or weekly digest covers what happened
/// after it, so nothing is sent twice. No row: nothing sent yet.
public sealed class NotificationDigestState
{
    public string UserId { get; set; } = "";
    public DateTime? DailySentUpTo { get; set; }
    public DateTime? WeeklySentUpTo { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<NotificationPreference>,
    IEntityTypeConfiguration<PendingNotification>, IEntityTypeConfiguration<NotificationDigestState>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("NotificationPreferences");
        b.HasKey(x => new { x.UserId, x.Kind });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Kind).HasMaxLength(100);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PendingNotification> b)
    {
        b.ToTable("PendingNotifications");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Kind).HasMaxLength(100);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Link).HasMaxLength(2000);
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<NotificationDigestState> b)
    {
        b.ToTable("NotificationDigestStates");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class NotificationTables
{
    public static DbSet<NotificationPreference> NotificationPreferences(this AppDbContext db) => db.Set<NotificationPreference>();
    public static DbSet<PendingNotification> PendingNotifications(this AppDbContext db) => db.Set<PendingNotification>();
    public static DbSet<NotificationDigestState> NotificationDigestStates(this AppDbContext db) => db.Set<NotificationDigestState>();
}

/// For the "my data" slice: what the notifications building block holds about a person, and its erasure.
public static class NotificationData
{
    public sealed record PreferenceExport(string Kind, string Rhythm, DateTime UpdatedAt);
    public sealed record PendingExport(string Kind, string Subject, string Link, DateTime CreatedAt);
    public sealed record Export(IReadOnlyList<PreferenceExport> Preferences, IReadOnlyList<PendingExport> Pending,
        DateTime? DailyDigestSentUpTo, DateTime? WeeklyDigestSentUpTo);

    public static async Task<Export> ExportAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var preferences = await db.NotificationPreferences().AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.Kind)
            .Select(p => new { p.Kind, p.Rhythm, p.UpdatedAt }).ToListAsync(ct);
        var pending = await db.PendingNotifications().AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt)
            .Select(p => new PendingExport(p.Kind, p.Subject, p.Link, p.CreatedAt)).ToListAsync(ct);
        var state = await db.NotificationDigestStates().AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct);
        return new Export(preferences.Select(p => new PreferenceExport(p.Kind, p.Rhythm.ToString(), p.UpdatedAt)).ToList(), pending,
            state?.DailySentUpTo, state?.WeeklySentUpTo);
    }

    /// Deletes the person's choices, pending notifications and digest state at once (not through the unit of work,
    /// so call it inside the account deletion's transaction).
    public static async Task EraseAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        await db.PendingNotifications().Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await db.NotificationPreferences().Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await db.NotificationDigestStates().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
    }
}

/// The notifications building block's part of a person's data: their choices, what waits for their next digest and
/// up to when digests were sent.
public sealed class NotificationsPersonalData(AppDbContext db, IStringLocalizer<SharedResource> l) : Privacy.IPersonalDataSource
{
    public IReadOnlyList<Privacy.PersonalColumn> Columns { get; } =
    [
        new("NotificationPreferences", "UserId", Privacy.PersonKey.UserId),
        new("PendingNotifications", "UserId", Privacy.PersonKey.UserId),
        new("NotificationDigestStates", "UserId", Privacy.PersonKey.UserId),
    ];

    public async Task<IReadOnlyList<Privacy.PersonalRecords>> ExportAsync(Privacy.DataSubject person, CancellationToken ct) =>
    [
        Privacy.PersonalData.Records(db, l["Privacy.Table.NotificationPreferences"],
            await db.NotificationPreferences().AsNoTracking().Where(p => p.UserId == person.UserId).OrderBy(p => p.Kind).ToListAsync(ct)),
        Privacy.PersonalData.Records(db, l["Privacy.Table.PendingNotifications"],
            await db.PendingNotifications().AsNoTracking().Where(p => p.UserId == person.UserId).OrderBy(p => p.CreatedAt).ToListAsync(ct)),
        Privacy.PersonalData.Records(db, l["Privacy.Table.NotificationDigestStates"],
            await db.NotificationDigestStates().AsNoTracking().Where(p => p.UserId == person.UserId).ToListAsync(ct)),
    ];

    public Task EraseAsync(Privacy.DataSubject person, CancellationToken ct) => NotificationData.EraseAsync(db, person.UserId, ct);
}
