using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Platform.Jobs;

namespace Samverka.Platform.Data;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.HasIndex(t => t.Code).IsUnique();
        b.Property(t => t.Code).HasMaxLength(32);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.CountryCode).HasMaxLength(2);
        b.Property(t => t.Description).HasMaxLength(4000);
        b.Property(t => t.Website).HasMaxLength(300);
        b.Property(t => t.ContactEmail).HasMaxLength(256);
        b.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.HasOne(r => r.User).WithMany(u => u.Roles).HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Tenant).WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.UserId, r.Role, r.TenantId, r.OrganisationId });
        b.HasIndex(r => r.TenantId);
        b.HasIndex(r => r.OrganisationId);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.TenantId);
        b.HasIndex(i => i.OrganisationId);
        b.HasOne(i => i.Tenant).WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.HasIndex(a => new { a.TenantId, a.At });
        b.HasIndex(a => new { a.OrganisationId, a.At });
        b.HasIndex(a => a.At);
    }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.Property(j => j.Type).HasMaxLength(100);
        b.Property(j => j.LockedBy).HasMaxLength(100);
        b.HasIndex(j => new { j.Status, j.RunAfter });
    }
}
