using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Features.Municipalities.Profile;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;
using Samverka.Platform.Tenancy;

namespace Samverka.Features.Needs.Pages;

/// One need. Published and closed needs are public; a draft exists only for the municipality's own staff.
[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, CurrentUser current, TimeProvider clock) : PageModel
{
    public Need Need { get; private set; } = default!;
    public Tenant Municipality { get; private set; } = default!;
    public string? Department { get; private set; }
    public bool IsStaff { get; private set; }
    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var need = await db.Needs().AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return NotFound();
        var access = await current.GetAccessAsync(ct);
        IsStaff = access.IsStaffOf(need.TenantId);
        if (need.Status == NeedStatus.Draft && !IsStaff) return NotFound();
        Need = need;
        Municipality = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == need.TenantId, ct);
        Department = need.DepartmentId is { } d
            ? await db.ProfileEntries().Where(e => e.Id == d).Select(e => e.Title).SingleOrDefaultAsync(ct)
            : null;
        IsOpen = need.IsOpenOn(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        return Page();
    }
}
