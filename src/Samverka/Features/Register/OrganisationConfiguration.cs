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
    }
}
