using System.Text.Json;

namespace Samverka.Platform.Audit.Pages;

/// Read-only view of the audit log: per tenant for its admins, per organisation (its own record, people and
/// invitations) for its admins, all for platform admins.
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class AuditLogModel(AppDbContext db, IOrganisationDirectory organisations) : PageModel
{
    public const int PageSize = 50;
    public string? ScopeName { get; private set; }
    public string BackUrl { get; private set; } = "/admin";
    public List<AuditEntry> Entries { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    /// Who acted, by the account's current name: entries keep only the user id.
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string? tenant, Guid? organisation, int? page, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        string link;
        if (!string.IsNullOrEmpty(tenant))
        {
            var t = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(x => x.Code == tenant, ct);
            if (t is null) return NotFound();
            if (await this.RefuseUnlessAsync(t, Policies.TenantAdmin) is { } refused) return refused;
            ScopeName = t.Name;
            BackUrl = $"/municipalities/{t.Code}/team";
            query = query.Where(a => a.TenantId == t.Id);
            link = $"/audit?tenant={Uri.EscapeDataString(t.Code)}&";
        }
        else if (organisation is { } orgId)
        {
            var scope = await organisations.HistoryScopeAsync(orgId, ct);
            if (scope is null) return NotFound();
            // The log holds who was invited (their addresses) and who holds which role: for the organisation's
            // admins only. Its home municipality's staff see changes to the entry in the municipality's own log.
            if (await this.RefuseUnlessAsync(new OrganisationRef(orgId), Policies.OrganisationAdmin) is { } refused) return refused;
            ScopeName = scope.Name;
            BackUrl = $"/organisations/{orgId}";
            var ids = scope.HistoryIds.ToList();
            // Only the organisation's own record, its people and its invitations. Its responses to needs and its
            // partnership rows carry its id too, but they are dealings with a municipality: they belong to that
            // municipality's log, and the partnership's parties see them in the partnership itself.
            List<string> types = [.. scope.RecordTypes, nameof(RoleAssignment), nameof(Invitation)];
            query = query.Where(a => a.OrganisationId != null && ids.Contains(a.OrganisationId.Value) && types.Contains(a.EntityType));
            link = $"/audit?organisation={orgId}&";
        }
        else
        {
            if (await this.RefuseUnlessAsync(this, Policies.PlatformAdmin) is { } refused) return refused;
            link = "/audit?";
        }
        var total = await query.CountAsync(ct);
        Pager = new Pager(page ?? 1, PageSize, total, p => $"{link}page={p}");
        Entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((Pager.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var actors = Entries.Where(e => e.UserId is not null).Select(e => e.UserId!).Distinct().ToList();
        Names = await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return Page();
    }

    /// Hidden: a personal value (an address, a name), recorded as changed without its values.
    public sealed record Change(string Property, string From, string To, bool Hidden = false);

    public static IEnumerable<Change> Describe(string json)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("changed", out _))
            {
                yield return new Change(p.Name, "", "", Hidden: true);
                continue;
            }
            var from = p.Value.TryGetProperty("from", out var f) ? Show(f) : "–";
            var to = p.Value.TryGetProperty("to", out var t) ? Show(t) : "–";
            yield return new Change(p.Name, from, to);
        }
    }

    private static string Show(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "–",
        JsonValueKind.String => e.GetString() is { Length: > 120 } s ? s[..120] + "…" : e.GetString() ?? "",
        _ => e.ToString(),
    };
}
