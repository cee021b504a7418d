namespace Samverka.Features.Municipalities.Pages;

[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<Tenant> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var regions = await db.Tenants.AsNoTracking()
            .Where(t => t.Kind == TenantKind.Region && t.IsActive)
            .Include(t => t.Children.Where(c => c.IsActive).OrderBy(c => c.Name))
            .ToListAsync(ct);
        Regions = regions.Where(r => r.Children.Count > 0)
            .OrderBy(r => r.CountryCode == "SE" ? 0 : 1).ThenBy(r => r.CountryCode).ThenBy(r => r.Name).ToList();
    }
}
