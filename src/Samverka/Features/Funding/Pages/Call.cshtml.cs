using Samverka.Features.Funding.Calls;
using Samverka.Features.Funding.Programmes;
using Samverka.Features.Needs;

namespace Samverka.Features.Funding.Pages;

/// One call with everything an applicant needs before starting: purpose, who may apply, the pot, the window,
/// what the form asks, the documents, how applications are assessed, decided, paid and reported back, and the
/// deadline as iCalendar. A draft exists only for its municipality's staff.
[AllowAnonymous]
public sealed class CallModel(AppDbContext db, CurrentUser current, TimeProvider clock) : PageModel
{
    public CallRow Row { get; private set; } = default!;
    public bool IsStaff { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<ProgrammeQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<ProgrammeCriterion> Criteria { get; private set; } = [];
    public string? NeedTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var row = await db.GrantCalls().AsNoTracking().Where(c => c.Id == id)
            .Join(db.GrantProgrammes(), c => c.ProgrammeId, p => p.Id, (c, p) => new { c, p })
            .Join(db.Tenants, x => x.c.TenantId, t => t.Id, (x, t) => new CallRow { Call = x.c, Programme = x.p, Municipality = t })
            .SingleOrDefaultAsync(ct);
        if (row is null) return NotFound();
        IsStaff = (await current.GetAccessAsync(ct)).IsStaffOf(row.Call.TenantId);
        if (!row.Call.IsPublic && !IsStaff) return NotFound();
        Row = row;
        Today = CallBoard.Today(clock);
        Questions = await db.ProgrammeQuestions().AsNoTracking().Where(q => q.ProgrammeId == row.Programme.Id).OrderBy(q => q.Order).ToListAsync(ct);
        Criteria = await db.ProgrammeCriteria().AsNoTracking().Where(q => q.ProgrammeId == row.Programme.Id).OrderBy(q => q.Order).ToListAsync(ct);
        if (row.Call.NeedId is { } needId)
            NeedTitle = await db.Needs().Where(n => n.Id == needId && n.Status != NeedStatus.Draft).Select(n => n.Title).SingleOrDefaultAsync(ct);
        return Page();
    }
}
