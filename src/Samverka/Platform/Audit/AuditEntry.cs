namespace Samverka.Platform.Audit;

public enum AuditAction
{
    Created = 1,
    Modified = 2,
    Deleted = 3,
}

/// One recorded change to domain data. Rows are append-only: the interceptor refuses updates and deletes.
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public Guid? TenantId { get; set; }
    public Guid? OrganisationId { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }

    // JSON object: property -> { "from": ..., "to": ... }.
    public string Changes { get; set; } = "{}";
}

/// Domain data whose every change is recorded in the audit log.
public interface IAudited
{
    Guid Id { get; }
    Guid? AuditTenantId { get; }
    Guid? AuditOrganisationId { get; }
}

/// Properties that must never be written to the audit log (secrets, tokens).
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
