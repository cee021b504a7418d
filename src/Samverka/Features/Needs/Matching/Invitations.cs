using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Needs.Matching;

/// An officer's invitation to an organisation to respond to a need, usually after seeing it among the matches.
/// One per need and organisation; the organisation's admins (or its public address) get an e-mail.
public sealed class NeedInvitation : ITenantScoped, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NeedId { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrganisationId { get; set; }
    public string InvitedByUserId { get; set; } = "";
    public DateTime InvitedAt { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => OrganisationId;
}

internal sealed class NeedInvitationConfiguration : IEntityTypeConfiguration<NeedInvitation>
{
    public void Configure(EntityTypeBuilder<NeedInvitation> b)
    {
        b.ToTable("NeedInvitations");
        b.Property(x => x.InvitedByUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.NeedId, x.OrganisationId }).IsUnique();
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class MatchingData
{
    public static DbSet<NeedInvitation> NeedInvitations(this AppDbContext db) => db.Set<NeedInvitation>();
}
