using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;
using Samverka.Platform.Tenancy;

namespace Samverka.Features.Needs.Pages;

/// The municipality's own needs, drafts included: for its staff.
public sealed class ManageModel(AppDbContext db, CurrentUser current) : PageModel
{
    public Tenant Municipality { get; private set; } = default!;
    public IReadOnlyList<Need> Needs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var tenant = await db.MunicipalityAsync(code, ct);
        if (tenant is null) return NotFound();
        var access = await current.GetAccessAsync(ct);
        if (!access.IsStaffOf(tenant.Id)) return Forbid();
        Municipality = tenant;
        Needs = await db.Needs().AsNoTracking().Where(n => n.TenantId == tenant.Id)
            .OrderBy(n => n.Status).ThenBy(n => n.Closes).Take(500).ToListAsync(ct);
        return Page();
    }
}
