using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Features.Funding.Programmes;

namespace Samverka.Features.Funding.Calls;

public enum CallStatus
{
    /// Seen only by the municipality's staff.
    Draft = 1,
    /// On the public board; open for applications from Opens to Closes.
    Published = 2,
    /// Withdrawn before it closed; stays on record.
    Cancelled = 3,
}

/// A programme's call for applications: a window with a deadline and a pot. A need can become one ("Bli en
/// utlysning"): the call then keeps the need's id, and its text starts from the need's.
public sealed class GrantCall : ITenantScoped, IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid TenantId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid? NeedId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// The money this call may give (within the programme's budget).
    public decimal Pot { get; set; }
    public DateOnly Opens { get; set; }
    /// The last day to apply; applications are taken until the end of this day, Swedish time.
    public DateOnly Closes { get; set; }
    public CallStatus Status { get; set; } = CallStatus.Draft;
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => null;

    public bool IsPublic => Status != CallStatus.Draft;
    public bool IsOpenOn(DateOnly day) => Status == CallStatus.Published && Opens <= day && day <= Closes;

    /// The resource key of what is wrong with the window, or null: it must close on or after it opens, and a call
    /// being published must not have closed already.
    public static string? WindowProblem(DateOnly? opens, DateOnly? closes, bool publishing, DateOnly today) =>
        opens is { } o && closes is { } c && c < o ? "Funding.Call.ClosesBeforeOpens"
        : publishing && closes < today ? "Funding.Call.ClosesPast"
        : null;

    public void Publish(DateTime now)
    {
        if (Status == CallStatus.Published) return;
        Status = CallStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    public void Cancel(DateTime now)
    {
        Status = CallStatus.Cancelled;
        UpdatedAt = now;
    }
}

internal sealed class GrantCallConfiguration : IEntityTypeConfiguration<GrantCall>
{
    public void Configure(EntityTypeBuilder<GrantCall> b)
    {
        b.ToTable("GrantCalls");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Pot).HasPrecision(14, 2);
        b.HasIndex(x => new { x.Status, x.Closes });
        b.HasIndex(x => x.TenantId);
        b.HasIndex(x => x.ProgrammeId);
        b.HasOne<GrantProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Samverka.Features.Needs.Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class CallsData
{
    public static DbSet<GrantCall> GrantCalls(this AppDbContext db) => db.Set<GrantCall>();
}
