using Samverka.Platform.Jobs;

namespace Samverka.Features.Admin.Pages;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.PlatformAdmin)]
public sealed class JobsModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;
    public List<Job> Jobs { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
    {
        var total = await db.Jobs.CountAsync(ct);
        Pager = new Pager(page ?? 1, PageSize, total, p => $"/admin/jobs?page={p}");
        Jobs = await db.Jobs.AsNoTracking().OrderByDescending(j => j.CreatedAt)
            .Skip((Pager.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }
}
