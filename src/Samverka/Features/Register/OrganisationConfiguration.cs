using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Register;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.OrganisationNumber).HasMaxLength(40);
        b.Property(o => o.CountryCode).HasMaxLength(2);
        b.Property(o => o.Description).HasMaxLength(4000);
        b.Property(o => o.Website).HasMaxLength(300);
        b.Property(o => o.LogoUrl).HasMaxLength(300);
        b.Property(o => o.ContactEmail).HasMaxLength(256);
        b.Property(o => o.Phone).HasMaxLength(40);
        b.Property(o => o.RejectionReason).HasMaxLength(1000);
        b.Property(o => o.PendingName).HasMaxLength(200);
        b.Ignore(o => o.PendingDecidedBy);
        // No foreign key: tenants are reference data that is never deleted, and on SQLite adding one would rebuild
        // the whole table. The desk finds changes by the municipality that decides them.
        b.HasIndex(o => o.PendingHomeMunicipalityId);
        b.HasIndex(o => o.Name);
        b.HasIndex(o => o.OrganisationNumber);
        b.HasIndex(o => o.HomeMunicipalityId);
        b.HasIndex(o => new { o.Status, o.LastConfirmedAt });
        b.HasOne(o => o.HomeMunicipality).WithMany().HasForeignKey(o => o.HomeMunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Services).WithOne().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Locations).WithOne().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        // Roles and invitations scoped to an organisation go with it; configured here so the platform never
        // references the register.
        b.HasMany<Samverka.Platform.Identity.RoleAssignment>().WithOne().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<Samverka.Platform.Identity.Invitation>().WithOne().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationServiceConfiguration : IEntityTypeConfiguration<OrganisationService>
{
    public void Configure(EntityTypeBuilder<OrganisationService> b)
    {
        b.ToTable("OrganisationServices");
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Description).HasMaxLength(4000);
        b.Property(s => s.Eligibility).HasMaxLength(1000);
        b.Property(s => s.Cost).HasMaxLength(300);
        b.Property(s => s.Schedule).HasMaxLength(500);
        b.Property(s => s.Url).HasMaxLength(300);
        b.HasOne(s => s.Location).WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OrganisationLocationConfiguration : IEntityTypeConfiguration<OrganisationLocation>
{
    public void Configure(EntityTypeBuilder<OrganisationLocation> b)
    {
        b.ToTable("OrganisationLocations");
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.Street).HasMaxLength(200);
        b.Property(l => l.PostalCode).HasMaxLength(10);
        b.Property(l => l.City).HasMaxLength(100);
        b.Property(l => l.MunicipalityCode).HasMaxLength(32);
    }
}

internal sealed class OrganisationContactConfiguration : IEntityTypeConfiguration<OrganisationContact>
{
    public void Configure(EntityTypeBuilder<OrganisationContact> b)
    {
        b.ToTable("OrganisationContacts");
        b.Property(c => c.Role).HasMaxLength(100);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Email).HasMaxLength(256);
        b.Property(c => c.Phone).HasMaxLength(40);
    }
}
