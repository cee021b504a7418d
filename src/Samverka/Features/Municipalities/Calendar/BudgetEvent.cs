using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Municipalities.Calendar;

public enum BudgetEventKind
{
    CouncilDecision = 1,
    CommitteeDecision = 2,
    ProposalDeadline = 3,
    PublicMeeting = 4,
    Other = 5,
}

/// One date in a municipality's budget calendar: when the council or a committee decides, when proposals must reach
/// them, or a public meeting. Public entries are published on the profile and in the iCalendar feed.
public sealed class BudgetEvent : ITenantScoped, IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid TenantId { get; set; }
    public BudgetEventKind Kind { get; set; }
    public string Title { get; set; } = "";
    /// The body that decides or meets, e.g. "Kommunfullmäktige" or "Kultur- och fritidsnämnden".
    public string? Body { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string? Location { get; set; }
    public string? Description { get; set; }
    public bool IsPublic { get; set; } = true;
    public DateTime UpdatedAt { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => null;
}

internal sealed class BudgetEventConfiguration : IEntityTypeConfiguration<BudgetEvent>
{
    public void Configure(EntityTypeBuilder<BudgetEvent> b)
    {
        b.ToTable("BudgetEvents");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(200);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.HasIndex(x => new { x.TenantId, x.Date });
        b.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class CalendarData
{
    public static DbSet<BudgetEvent> BudgetEvents(this AppDbContext db) => db.Set<BudgetEvent>();
}
