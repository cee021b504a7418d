using Samverka.Platform.Modules;

namespace Samverka.Features.Register;

/// What the register holds for the staff of a municipality, all decided on its register desk: new entries to verify,
/// changes of name or home to approve, claims to decide, and entries whose confirmation is overdue (the freshness
/// rule: current for ConfirmAfter after the last confirmation), longest waiting first.
internal sealed class RegisterMyWork(AppDbContext db, Upkeep.FreshnessOptions freshness, IStringLocalizer<SharedResource> l) : IMyWorkSource
{
    /// Stale entries shown per municipality; the register desk lists the rest.
    public const int StaleShown = 10;

    public async Task<IReadOnlyList<MyWorkItem>> ForAsync(Access person, CancellationToken ct)
    {
        var tenantIds = person.StaffTenantIds.ToList();
        if (tenantIds.Count == 0) return [];
        var tenants = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id) && t.Kind == TenantKind.Municipality)
            .ToDictionaryAsync(t => t.Id, ct);
        if (tenants.Count == 0) return [];
        var ids = tenants.Keys.ToList();
        string Desk(Guid tenant, string anchor) => $"/municipalities/{tenants[tenant].Code}/register#{anchor}";
        var items = new List<MyWorkItem>();

        var pending = await db.Organisations().AsNoTracking()
            .Where(o => o.HomeMunicipalityId != null && ids.Contains(o.HomeMunicipalityId.Value) && o.Status == VerificationStatus.Pending)
            .OrderBy(o => o.CreatedAt).Select(o => new { o.Id, o.Name, o.CreatedAt, Home = o.HomeMunicipalityId!.Value }).ToListAsync(ct);
        var group = l["Register.MyWorkVerify"].Value;
        items.AddRange(pending.Select(o => new MyWorkItem("register.verify", group, o.Name, Desk(o.Home, $"org-{o.Id}"), Since: o.CreatedAt,
            Detail: tenants[o.Home].Name)));

        // A move is decided by the new home municipality, a new name by the current one (as on the desk).
        var changes = await db.Organisations().AsNoTracking()
            .Where(o => o.PendingChangeAt != null && ((o.PendingHomeMunicipalityId != null && ids.Contains(o.PendingHomeMunicipalityId.Value))
                || (o.PendingHomeMunicipalityId == null && o.HomeMunicipalityId != null && ids.Contains(o.HomeMunicipalityId.Value))))
            .OrderBy(o => o.PendingChangeAt)
            .Select(o => new { o.Id, o.Name, o.PendingChangeAt, Decider = o.PendingHomeMunicipalityId ?? o.HomeMunicipalityId!.Value }).ToListAsync(ct);
        group = l["Register.MyWorkChanges"].Value;
        items.AddRange(changes.Select(o => new MyWorkItem("register.changes", group, o.Name, Desk(o.Decider, $"change-{o.Id}"), Since: o.PendingChangeAt,
            Detail: tenants[o.Decider].Name)));

        var claims = await db.Set<OrganisationClaim>().AsNoTracking().Where(c => ids.Contains(c.TenantId) && c.Status == ClaimStatus.Pending)
            .OrderBy(c => c.CreatedAt).Select(c => new { c.Id, c.TenantId, c.CreatedAt, c.Organisation!.Name }).ToListAsync(ct);
        group = l["Register.MyWorkClaims"].Value;
        items.AddRange(claims.Select(c => new MyWorkItem("register.claims", group, c.Name, Desk(c.TenantId, $"claim-{c.Id}"), Since: c.CreatedAt,
            Detail: tenants[c.TenantId].Name)));

        group = l["Register.MyWorkStale"].Value;
        foreach (var tenant in ids)
        {
            var stale = await db.Organisations().AsNoTracking()
                .Where(o => o.HomeMunicipalityId == tenant && o.Status == VerificationStatus.Verified && o.Freshness != Freshness.Current)
                .OrderBy(o => o.LastConfirmedAt).Take(StaleShown).Select(o => new { o.Id, o.Name, o.LastConfirmedAt, o.Freshness }).ToListAsync(ct);
            items.AddRange(stale.Select(o => new MyWorkItem("register.stale", group, o.Name, Desk(tenant, "stale"),
                Since: o.LastConfirmedAt + freshness.ConfirmAfter, Detail: $"{l["Freshness." + o.Freshness]} · {tenants[tenant].Name}")));
        }
        return items;
    }
}
