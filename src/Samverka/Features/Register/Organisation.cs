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

/// Where an entry stands with its municipality's officers.
public enum VerificationStatus
{
    /// Registered by the organisation itself, waiting for an officer.
    Pending = 1,
    Verified = 2,
    Rejected = 3,
}

/// How current an entry is, kept by the freshness job from LastConfirmedAt.
public enum Freshness
{
    Current = 1,
    /// The confirmation request has gone out and not been answered yet.
    AskedToConfirm = 2,
    /// Shown publicly with a warning.
    MayBeOutdated = 3,
    /// Left out of default search until the organisation confirms or updates.
    Dropped = 4,
}

/// A civil-society organisation in the public register. The register is shared across municipalities, so an
/// organisation is not tenant-scoped; its home municipality says where it is based and whose officers verify it.
public sealed class Organisation : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public string Name { get; set; } = "";

    /// Other names the organisation is known by (abbreviations, former names), one per entry.
    public List<string> OtherNames { get; set; } = [];

    /// Swedish organisationsnummer (NNNNNN-NNNN) when CountryCode is SE; another country's identifier as given.
    public string? OrganisationNumber { get; set; }
    public LegalForm LegalForm { get; set; }
    public string CountryCode { get; set; } = "SE";
    public Guid? HomeMunicipalityId { get; set; }
    public Tenant? HomeMunicipality { get; set; }
    public string Description { get; set; } = "";

    /// Codes from the shipped taxonomy (Taxonomy.Areas).
    public List<string> Areas { get; set; } = [];

    /// Codes from Taxonomy.TargetGroups.
    public List<string> TargetGroups { get; set; } = [];
    public int? AgeFrom { get; set; }
    public int? AgeTo { get; set; }

    /// Official codes of the municipalities where the organisation works.
    public List<string> MunicipalitiesServed { get; set; } = [];

    /// ISO 639-1 codes of the languages the organisation works in.
    public List<string> Languages { get; set; } = [];

    public string? Website { get; set; }
    public List<string> SocialLinks { get; set; } = [];
    public string? LogoUrl { get; set; }
    public string? ContactEmail { get; set; }
    public string? Phone { get; set; }
    public int? FoundedYear { get; set; }
    public int? Staff { get; set; }
    public int? Volunteers { get; set; }
    public int? Members { get; set; }

    public VerificationStatus Status { get; set; } = VerificationStatus.Verified;
    public DateTime? VerifiedAt { get; set; }
    public string? RejectionReason { get; set; }

    /// A new name or home municipality the organisation asked for on a verified entry. It waits for the staff of the
    /// (new) home municipality; until they approve, Name and HomeMunicipalityId stay as verified, and so do the public
    /// page, the search index and the API. Null when nothing waits.
    public string? PendingName { get; set; }
    public Guid? PendingHomeMunicipalityId { get; set; }
    public DateTime? PendingChangeAt { get; set; }

    /// The municipality whose staff decide the pending change: the new home when moving, else the current one.
    public Guid? PendingDecidedBy => PendingChangeAt is null ? null : PendingHomeMunicipalityId ?? HomeMunicipalityId;

    /// When the organisation (or an officer) last said the entry is correct.
    public DateTime LastConfirmedAt { get; set; }
    public Freshness Freshness { get; set; } = Freshness.Current;
    public int ConfirmationRequestsSent { get; set; }

    /// When the first "is this still correct?" request of the current round went out.
    public DateTime? ConfirmationRequestedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<OrganisationService> Services { get; set; } = [];
    public List<OrganisationLocation> Locations { get; set; } = [];
    public List<OrganisationContact> Contacts { get; set; } = [];

    public Guid? AuditTenantId => HomeMunicipalityId;
    public Guid? AuditOrganisationId => Id;
}

/// Something the organisation offers: an activity, a service, a programme.
public sealed class OrganisationService : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Eligibility { get; set; }

    /// Free when true; otherwise Cost describes it.
    public bool IsFree { get; set; } = true;
    public string? Cost { get; set; }
    public string? Schedule { get; set; }
    public Guid? LocationId { get; set; }
    public OrganisationLocation? Location { get; set; }
    public string? Url { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => OrganisationId;
}

public sealed class OrganisationLocation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? MunicipalityCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => OrganisationId;
}

/// A way to reach the organisation, by role ("Ordförande", "Volunteer coordinator") rather than by person where possible.
public sealed class OrganisationContact : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid OrganisationId { get; set; }
    public string Role { get; set; } = "";
    [Microsoft.AspNetCore.Identity.PersonalData] public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => OrganisationId;
}
