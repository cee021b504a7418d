using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Municipalities.Stakeholders;

/// A person or body placed on a stakeholder map by how much they can affect the work (influence) and how much it
/// affects or concerns them (interest), each from 1 to 5. A map belongs to a municipality, or to one of its
/// partnerships when PartnershipId is set. Internal to the municipality's staff: it holds judgements about people,
/// so it keeps a role and a name at most, and no contact details.
public sealed class Stakeholder : ITenantScoped, IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid TenantId { get; set; }
    public Guid? PartnershipId { get; set; }
    [Microsoft.AspNetCore.Identity.PersonalData] public string Name { get; set; } = "";
    public string? Role { get; set; }
    public int Influence { get; set; } = 3;
    public int Interest { get; set; } = 3;
    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => null;

    /// The usual advice per quadrant: manage closely, keep satisfied, keep informed, monitor.
    public StakeholderStrategy Strategy => (Influence >= 3, Interest >= 3) switch
    {
        (true, true) => StakeholderStrategy.ManageClosely,
        (true, false) => StakeholderStrategy.KeepSatisfied,
        (false, true) => StakeholderStrategy.KeepInformed,
        _ => StakeholderStrategy.Monitor,
    };
}

public enum StakeholderStrategy { ManageClosely, KeepSatisfied, KeepInformed, Monitor }

internal sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> b)
    {
        b.ToTable("Stakeholders");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Role).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => new { x.TenantId, x.PartnershipId });
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Stakeholders_Influence", "\"Influence\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("CK_Stakeholders_Interest", "\"Interest\" BETWEEN 1 AND 5");
        });
        b.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class StakeholderData
{
    public static DbSet<Stakeholder> Stakeholders(this AppDbContext db) => db.Set<Stakeholder>();
}
