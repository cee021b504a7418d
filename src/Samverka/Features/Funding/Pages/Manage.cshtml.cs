using Samverka.Features.Funding.Calls;
using Samverka.Features.Funding.Programmes;

namespace Samverka.Features.Funding.Pages;

/// The municipality's grants desk: its programmes and their calls, drafts included; for its staff.
[Authorize(Policy = Policies.TenantStaff)]
public sealed class ManageModel(AppDbContext db) : MunicipalityPageModel
{
    public IReadOnlyList<GrantProgramme> Programmes { get; private set; } = [];
    public ILookup<Guid, GrantCall> Calls { get; private set; } = Enumerable.Empty<GrantCall>().ToLookup(c => c.ProgrammeId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tenant = Municipality.Id;
        Programmes = await db.GrantProgrammes().AsNoTracking().Where(p => p.TenantId == tenant).OrderBy(p => p.Title).ToListAsync(ct);
        Calls = (await db.GrantCalls().AsNoTracking().Where(c => c.TenantId == tenant).OrderByDescending(c => c.Closes).ToListAsync(ct))
            .ToLookup(c => c.ProgrammeId);
    }
}
