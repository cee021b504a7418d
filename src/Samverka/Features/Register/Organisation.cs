using Samverka.Platform.Audit;
using Samverka.Platform.Tenancy;

namespace Samverka.Features.Register;

public enum LegalForm
{
    NonProfitAssociation = 1,
    Foundation = 2,
    SocialEnterprise = 3,
    EconomicAssociation = 4,
    Company = 5,
    InformalGroup = 6,
    PublicBody = 7,
}

/// A civil-society organisation in the public register. The register is shared across municipalities, so an
/// organisation is not tenant-scoped; its home municipality says where it is based.
public sealed class Organisation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string? OrganisationNumber { get; set; }
    public LegalForm LegalForm { get; set; }
    public string CountryCode { get; set; } = "SE";
    public Guid? HomeMunicipalityId { get; set; }
    public Tenant? HomeMunicipality { get; set; }
    public string Description { get; set; } = "";
    public string? Website { get; set; }
    public string? ContactEmail { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Guid? AuditTenantId => HomeMunicipalityId;
    public Guid? AuditOrganisationId => Id;
}
