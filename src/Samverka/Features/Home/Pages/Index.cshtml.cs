namespace Samverka.Features.Home.Pages;

[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int ActiveMunicipalities { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        ActiveMunicipalities = await db.Tenants.CountAsync(t => t.Kind == TenantKind.Municipality && t.IsActive, ct);
}
