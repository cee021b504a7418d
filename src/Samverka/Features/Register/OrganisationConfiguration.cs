using Microsoft.EntityFrameworkCore;
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
        b.Property(o => o.ContactEmail).HasMaxLength(256);
        b.HasIndex(o => o.Name);
        b.HasIndex(o => o.HomeMunicipalityId);
        b.HasOne(o => o.HomeMunicipality).WithMany().HasForeignKey(o => o.HomeMunicipalityId).OnDelete(DeleteBehavior.Restrict);
        // Roles and invitations scoped to an organisation go with it; configured here so the platform never
        // references the register.
        b.HasMany<Samverka.Platform.Identity.RoleAssignment>().WithOne().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<Samverka.Platform.Identity.Invitation>().WithOne().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
