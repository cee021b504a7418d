using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Needs;

public enum NeedStatus
{
    Draft = 1,
    Open = 2,
    Closed = 3,
}

/// How far from the need's municipality an organisation may be to be matched with it. Place is a filter, not a
/// weight: a local need is for organisations that work in the municipality or its region; an officer widens it on
/// the need's form when help from further away is welcome.
public enum NeedReach
{
    /// The municipality and the rest of its region (county).
    Local = 0,
    /// The whole country.
    Country = 1,
    /// Other countries too.
    Anywhere = 2,
}

/// A societal problem a department wants help with, published on the needs board: a problem to discuss, not a
/// ready-made solution. Drafts are seen only by the municipality's own staff.
public sealed class Need : ITenantScoped, IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid TenantId { get; set; }
    /// The department (a profile entry of the municipality's organisation) that owns the need.
    public Guid? DepartmentId { get; set; }
    public string Title { get; set; } = "";
    public string Problem { get; set; } = "";
    public string? TargetGroup { get; set; }
    /// The target groups in the register's vocabulary (Taxonomy.TargetGroups), which matching compares.
    public List<string> TargetGroups { get; set; } = [];
    public int? AgeFrom { get; set; }
    public int? AgeTo { get; set; }
    /// Codes from the register's taxonomy (Taxonomy.Areas), so needs and organisations can be matched.
    public List<string> Areas { get; set; } = [];
    public string DesiredOutcome { get; set; } = "";
    public string? Timeframe { get; set; }
    public decimal? Budget { get; set; }
    /// Languages the work calls for (Taxonomy.Languages); none means Swedish is enough.
    public List<string> Languages { get; set; } = [];
    /// The collaboration forms the department is open to: grant, procurement, iop, dialogue.
    public List<string> Forms { get; set; } = [];
    /// Who may be matched with the need, by place; local unless the officer opens it further.
    public NeedReach Reach { get; set; } = NeedReach.Local;
    [Microsoft.AspNetCore.Identity.PersonalData] public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public DateOnly Closes { get; set; }
    public NeedStatus Status { get; set; } = NeedStatus.Draft;
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => null;

    public static readonly string[] FormCodes = ["grant", "procurement", "iop", "dialogue"];

    public bool IsOpenOn(DateOnly day) => Status == NeedStatus.Open && Closes >= day;

    /// An open need takes answers until it closes, so one that is published, or saved while open, must close today
    /// or later. The resource key of the problem, or null.
    public static string? ClosingProblem(bool open, DateOnly? closes, DateOnly today) =>
        open && closes < today ? "Needs.ClosesPast" : null;

    /// Puts a draft or closed need on the board. True when it opened now (it was not open); its publication time is
    /// then now. A need whose closing day has passed cannot open (ClosingProblem says why).
    public bool Publish(DateTime now, DateOnly today)
    {
        if (ClosingProblem(true, Closes, today) is not null) throw new InvalidOperationException("A need cannot open after its closing day.");
        UpdatedAt = now;
        if (Status == NeedStatus.Open) return false;
        Status = NeedStatus.Open;
        PublishedAt = now;
        return true;
    }

    /// Ends the need early (a draft may be closed too, so it is never published). True when it was open: then its
    /// followers are to hear of it.
    public bool Close(DateTime now)
    {
        var wasOpen = Status == NeedStatus.Open;
        Status = NeedStatus.Closed;
        UpdatedAt = now;
        return wasOpen;
    }
}

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> b)
    {
        b.ToTable("Needs");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Problem).HasMaxLength(4000);
        b.Property(x => x.TargetGroup).HasMaxLength(500);
        b.Property(x => x.DesiredOutcome).HasMaxLength(2000);
        b.Property(x => x.Timeframe).HasMaxLength(200);
        b.Property(x => x.Budget).HasPrecision(14, 2);
        b.Property(x => x.ContactName).HasMaxLength(200);
        b.Property(x => x.ContactEmail).HasMaxLength(256);
        b.HasIndex(x => new { x.Status, x.Closes });
        b.HasIndex(x => x.TenantId);
        b.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class NeedsData
{
    public static DbSet<Need> Needs(this AppDbContext db) => db.Set<Need>();
}
