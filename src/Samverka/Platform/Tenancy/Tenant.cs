namespace Samverka.Platform.Tenancy;

public enum TenantKind
{
    Region = 1,
    Municipality = 2,
}

/// A region or a municipality: the unit that owns non-public data. Regions contain municipalities.
public sealed class Tenant : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public TenantKind Kind { get; set; }

    // The official code where one exists (Swedish län "20", kommun "2081"); otherwise a platform code such as "LV-TALSI".
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";

    // ISO 3166-1 alpha-2.
    public string CountryCode { get; set; } = "";
    public Guid? ParentId { get; set; }
    public Tenant? Parent { get; set; }
    public List<Tenant> Children { get; set; } = [];

    // A tenant is listed and usable once an administrator enables it.
    public bool IsActive { get; set; }

    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? ContactEmail { get; set; }

    public Guid? AuditTenantId => Id;
    public Guid? AuditOrganisationId => null;
}

/// Marks a table row that belongs to one municipality or region; the tenant id is the future distribution column.
public interface ITenantScoped
{
    Guid TenantId { get; }
}
