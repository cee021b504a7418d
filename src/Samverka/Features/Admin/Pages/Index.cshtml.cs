using Samverka.Platform.Jobs;

namespace Samverka.Features.Admin.Pages;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.PlatformAdmin)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int Active { get; private set; }
    public int Total { get; private set; }
    public int FailedJobs { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Total = await db.Tenants.CountAsync(t => t.Kind == TenantKind.Municipality, ct);
        Active = await db.Tenants.CountAsync(t => t.Kind == TenantKind.Municipality && t.IsActive, ct);
        FailedJobs = await db.Jobs.CountAsync(j => j.Status == JobStatus.Failed, ct);
        return Page();
    }
}
