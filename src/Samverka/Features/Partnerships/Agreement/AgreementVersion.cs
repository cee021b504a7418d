using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Partnerships.Agreement;

/// One generated version of the agreement, kept as the .docx it was. When every party has approved it, it is
/// frozen: its file never changes, and it is the one the public and the API get.
public sealed class AgreementVersion : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid PartnershipId { get; set; }
    public int Number { get; set; }
    public PartnershipForm Form { get; set; }
    public string Language { get; set; } = "sv";
    [NotAudited] public byte[] Document { get; set; } = [];
    [Microsoft.AspNetCore.Identity.PersonalData] public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? FrozenAt { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;
}

/// A party's approval of one version: who approved it for the party, and when.
public sealed class AgreementApproval : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VersionId { get; set; }
    public Guid PartyId { get; set; }
    public string UserId { get; set; } = "";
    [Microsoft.AspNetCore.Identity.PersonalData] public string ApprovedBy { get; set; } = "";
    public DateTime ApprovedAt { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<AgreementVersion>, IEntityTypeConfiguration<AgreementApproval>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> b)
    {
        b.ToTable("AgreementVersions");
        b.Property(x => x.Language).HasMaxLength(5);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.PartnershipId, x.Number }).IsUnique();
        b.HasOne<Partnership>().WithMany().HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AgreementApproval> b)
    {
        b.ToTable("AgreementApprovals");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.VersionId, x.PartyId }).IsUnique();
        b.HasOne<AgreementVersion>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartnershipParty>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class AgreementData
{
    public static DbSet<AgreementVersion> AgreementVersions(this AppDbContext db) => db.Set<AgreementVersion>();
    public static DbSet<AgreementApproval> AgreementApprovals(this AppDbContext db) => db.Set<AgreementApproval>();
}
