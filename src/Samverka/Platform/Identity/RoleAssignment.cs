namespace Samverka.Platform.Identity;

/// A user's role in one scope. Exactly one of TenantId/OrganisationId is set, except for platform admins (neither).
public sealed class RoleAssignment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public Role Role { get; set; }
    public Guid? TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public Guid? OrganisationId { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => OrganisationId;
}

/// An e-mailed offer of a role. The token travels only in the link; the database keeps its hash.
public sealed class Invitation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Email { get; set; } = "";
    public Role Role { get; set; }
    public Guid? TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public Guid? OrganisationId { get; set; }
    [NotAudited] public string TokenHash { get; set; } = "";
    public string InvitedByUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsOpen(DateTime now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => OrganisationId;
}
