namespace Samverka.Features.Admin.Pages;

/// Platform admins decide which municipalities are on the platform. Enabling one also lists its region.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.PlatformAdmin)]
public sealed class MunicipalitiesModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;
    public string? Q { get; private set; }
    public string? ConfirmDisable { get; private set; }
    public List<Tenant> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string? q, string? confirmDisable, int? page, CancellationToken ct)
    {
        Q = q?.Trim();
        ConfirmDisable = confirmDisable;
        var query = db.Tenants.AsNoTracking().Include(t => t.Parent).Where(t => t.Kind == TenantKind.Municipality);
        if (!string.IsNullOrEmpty(Q))
        {
            var term = Q.ToLower();
            query = query.Where(t => t.Name.ToLower().Contains(term) || t.Code.ToLower().Contains(term) || t.Parent!.Name.ToLower().Contains(term));
        }
        var total = await query.CountAsync(ct);
        Pager = new Pager(page ?? 1, PageSize, total, p => $"/admin/municipalities?q={Uri.EscapeDataString(Q ?? "")}&page={p}");
        Rows = await query.OrderByDescending(t => t.IsActive).ThenBy(t => t.CountryCode).ThenBy(t => t.Code)
            .Skip((Pager.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostEnableAsync(string code, string? q, CancellationToken ct) => SetActiveAsync(code, true, q, ct);
    public Task<IActionResult> OnPostDisableAsync(string code, string? q, CancellationToken ct) => SetActiveAsync(code, false, q, ct);

    private async Task<IActionResult> SetActiveAsync(string code, bool active, string? q, CancellationToken ct)
    {
        var tenant = await db.Tenants.Include(t => t.Parent).SingleOrDefaultAsync(t => t.Code == code && t.Kind == TenantKind.Municipality, ct);
        if (tenant is null) return NotFound();
        tenant.IsActive = active;
        if (active && tenant.Parent is { IsActive: false } region) region.IsActive = true;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l[active ? "AdminMunicipalities.Enabled" : "AdminMunicipalities.Disabled", tenant.Name].Value;
        return Redirect($"/admin/municipalities?q={Uri.EscapeDataString(q ?? "")}");
    }
}
