using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Register;

public enum ClaimStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// Someone says they represent an organisation already in the register. An officer of its home municipality
/// decides; approval makes them its administrator.
public sealed class OrganisationClaim : IAudited, ITenantScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// The home municipality whose officers decide.
    public Guid TenantId { get; set; }
    public string UserId { get; set; } = "";
    public string Message { get; set; } = "";
    public ClaimStatus Status { get; set; } = ClaimStatus.Pending;
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecisionReason { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => OrganisationId;
}

internal sealed class OrganisationClaimConfiguration : IEntityTypeConfiguration<OrganisationClaim>
{
    public void Configure(EntityTypeBuilder<OrganisationClaim> b)
    {
        b.ToTable("OrganisationClaims");
        b.Property(c => c.Message).HasMaxLength(1000);
        b.Property(c => c.DecisionReason).HasMaxLength(1000);
        b.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Samverka.Platform.Identity.AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.TenantId, c.Status });
    }
}
