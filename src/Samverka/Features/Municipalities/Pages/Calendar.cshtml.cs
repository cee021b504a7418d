using Samverka.Features.Municipalities.Calendar;

namespace Samverka.Features.Municipalities.Pages;

/// The budget calendar: when the council and committees decide and when proposals must reach them. Everyone sees
/// the public dates; the municipality's own staff also see internal ones.
[AllowAnonymous]
public sealed class CalendarModel(AppDbContext db, CurrentUser current, TimeProvider clock) : MunicipalityPageModel
{
    public IReadOnlyList<BudgetEvent> Events { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool ShowPast { get; private set; }

    /// `event` names one entry (links from calendar feeds): the list it is on is shown, past or upcoming.
    public async Task<IActionResult> OnGetAsync(bool past, [FromQuery(Name = "event")] Guid? entry, CancellationToken ct)
    {
        var access = await current.GetAccessAsync(ct);
        if (!Municipality.IsActive && !access.IsPlatformAdmin) return NotFound();
        CanEdit = access.CanEditTenantProfile(Municipality.Id);
        var staff = access.IsStaffOf(Municipality.Id);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var query = db.BudgetEvents().AsNoTracking().Where(e => e.IsPublic || staff);
        if (entry is { } id && await query.Where(e => e.Id == id).Select(e => (DateOnly?)e.Date).SingleOrDefaultAsync(ct) is { } date)
            past = date < today;
        ShowPast = past;
        var ordered = past
            ? query.Where(e => e.Date < today).OrderByDescending(e => e.Date)
            : query.Where(e => e.Date >= today).OrderBy(e => e.Date);
        Events = await ordered.ThenBy(e => e.StartTime).Take(200).ToListAsync(ct);
        return Page();
    }
}
