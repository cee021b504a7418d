using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Partnerships.Running;

/// A check-in on the agreed rhythm: how it goes, what blocks it, and what to celebrate.
public sealed class CheckIn : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Progress { get; set; } = "";
    public string? Blockers { get; set; }
    public string? Celebrate { get; set; }
    [Microsoft.AspNetCore.Identity.PersonalData] public string RecordedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;
}

/// A decision the parties took, kept so that nobody has to remember it.
public sealed class Decision : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public DateOnly DecidedOn { get; set; }
    public string Text { get; set; } = "";
    [Microsoft.AspNetCore.Identity.PersonalData] public string? DecidedBy { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;
}

/// Something one named person has promised to do by a date.
public sealed class FollowUpAction : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public string Text { get; set; } = "";
    public Guid? OwnerPersonId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public DateOnly? ReminderSentOn { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;

    public bool IsOverdue(DateOnly today) => DoneOn is null && DueOn < today;
}

internal sealed class FollowUpConfiguration :
    IEntityTypeConfiguration<CheckIn>, IEntityTypeConfiguration<Decision>, IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.ToTable("PartnershipCheckIns");
        b.Property(x => x.Progress).HasMaxLength(4000);
        b.Property(x => x.Blockers).HasMaxLength(4000);
        b.Property(x => x.Celebrate).HasMaxLength(4000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.PartnershipId, x.HeldOn });
        b.HasOne<Partnership>().WithMany().HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.ToTable("PartnershipDecisions");
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.HasIndex(x => x.PartnershipId);
        b.HasOne<Partnership>().WithMany().HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FollowUpAction> b)
    {
        b.ToTable("PartnershipActions");
        b.Property(x => x.Text).HasMaxLength(1000);
        b.HasIndex(x => new { x.PartnershipId, x.DueOn });
        b.HasOne<Partnership>().WithMany().HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartnershipPerson>().WithMany().HasForeignKey(x => x.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class FollowUpData
{
    public static DbSet<CheckIn> CheckIns(this AppDbContext db) => db.Set<CheckIn>();
    public static DbSet<Decision> Decisions(this AppDbContext db) => db.Set<Decision>();
    public static DbSet<FollowUpAction> FollowUpActions(this AppDbContext db) => db.Set<FollowUpAction>();
}
