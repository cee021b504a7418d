using Samverka.Features.Register.Upkeep;

namespace Samverka.Features.Register.Pages;

/// An officer merges a duplicate into this entry: pick the duplicate, check what will happen, confirm.
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class MergeModel(AppDbContext db, CurrentUser current, DuplicateFinder duplicates, MergeService merge, IStringLocalizer<SharedResource> l) : PageModel
{
    public Organisation Target { get; private set; } = default!;
    public List<DuplicateCandidate> Candidates { get; private set; } = [];
    public List<Organisation> Matches { get; private set; } = [];
    public MergePreview? Preview { get; private set; }
    [BindProperty(SupportsGet = true)] public Guid? With { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().AsNoTracking().Include(x => x.HomeMunicipality).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return NotFound();
        if (await this.RefuseUnlessAsync(new TenantRef(o.HomeMunicipalityId), Policies.TenantStaff) is { } refused) return refused;
        Target = o;
        if (With is { } other)
        {
            Preview = await merge.PreviewAsync(id, other, ct);
            if (Preview is null) return NotFound();
            // The officer must be staff of the duplicate's municipality too.
            if (await this.RefuseUnlessAsync(new TenantRef(Preview.Source.HomeMunicipalityId), Policies.TenantStaff) is { } refusedSource) return refusedSource;
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Preview is null)
        {
            Candidates = await duplicates.FindAsync(Target.Name, Target.OrganisationNumber, Target.HomeMunicipality?.Code, Target.Id, ct);
            if (!string.IsNullOrWhiteSpace(Q))
            {
                var term = Q.Trim().ToLower();
                Matches = await db.Organisations().AsNoTracking()
                    .Where(o => o.Id != id && o.HomeMunicipalityId == Target.HomeMunicipalityId && o.Name.ToLower().Contains(term))
                    .OrderBy(o => o.Name).Take(20).ToListAsync(ct);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Preview is null) return BadRequest();
        await merge.MergeAsync(Preview.Target, Preview.Source, current.Id!, ct);
        TempData["Flash"] = l["Merge.Done", Preview.Source.Name, Preview.Target.Name].Value;
        return Redirect($"/organisations/{id}");
    }
}
