using Samverka.Features.Funding.Programmes;

namespace Samverka.Features.Funding.Calls;

/// A published call with its programme and municipality, as the board, the call page and the API show it.
public sealed class CallRow
{
    public GrantCall Call { get; init; } = default!;
    public GrantProgramme Programme { get; init; } = default!;
    public Tenant Municipality { get; init; } = default!;
}

/// What the public sees: published calls that have not closed (open now or opening later), filtered. Drafts never;
/// a cancelled call keeps its own page (people may have linked to it) but leaves the board.
public sealed record CallFilter(string? Municipality = null, GrantKind? Kind = null, string? Area = null, DateOnly? ClosesBy = null);

public static class CallBoard
{
    /// The day in Sweden, which deadlines follow.
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), SwedishTime).DateTime);

    private static readonly TimeZoneInfo SwedishTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static IQueryable<CallRow> Public(AppDbContext db) =>
        db.GrantCalls().AsNoTracking().Where(c => c.Status != CallStatus.Draft)
            .Join(db.GrantProgrammes(), c => c.ProgrammeId, p => p.Id, (c, p) => new { c, p })
            .Join(db.Tenants, x => x.c.TenantId, t => t.Id, (x, t) => new CallRow { Call = x.c, Programme = x.p, Municipality = t });

    public static IQueryable<CallRow> Open(AppDbContext db, DateOnly today, CallFilter filter)
    {
        var query = Public(db).Where(x => x.Call.Status == CallStatus.Published && x.Call.Closes >= today);
        if (!string.IsNullOrWhiteSpace(filter.Municipality)) query = query.Where(x => x.Municipality.Code == filter.Municipality);
        if (filter.Kind is { } kind) query = query.Where(x => x.Programme.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Area)) query = query.Where(x => x.Programme.Areas.Contains(filter.Area));
        if (filter.ClosesBy is { } by) query = query.Where(x => x.Call.Closes <= by);
        return query;
    }
}
