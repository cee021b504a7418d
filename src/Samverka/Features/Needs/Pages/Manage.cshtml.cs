namespace Samverka.Features.Needs.Pages;

/// The municipality's own needs, drafts included: for its staff.
[Authorize(Policy = Policies.TenantStaff)]
public sealed class ManageModel(AppDbContext db) : MunicipalityPageModel
{
    public IReadOnlyList<Need> Needs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The tenant filter keeps this to the route's municipality.
        Needs = await db.Needs().AsNoTracking()
            .OrderBy(n => n.Status).ThenBy(n => n.Closes).Take(500).ToListAsync(ct);
        return Page();
    }
}
