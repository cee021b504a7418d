using Samverka.Platform.Privacy;

namespace Samverka.Features.Advisor;

/// Saved advice is the only thing the advisor keeps about a person, and only when they were signed in to save it.
public sealed class AdvisorPersonalData(AppDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    public IReadOnlyList<PersonalColumn> Columns { get; } = [new("SavedAdvice", "UserId", PersonKey.UserId)];

    public async Task<IReadOnlyList<PersonalRecords>> ExportAsync(DataSubject person, CancellationToken ct) =>
    [
        PersonalData.Records(db, l["Advisor.Privacy.Saved"], await db.SavedAdvice().AsNoTracking()
            .Where(a => a.UserId == person.UserId).OrderBy(a => a.CreatedAt).ToListAsync(ct)),
    ];

    // The link may have been shared (a partnership was started from it), so the advice stays, without its owner.
    public Task EraseAsync(DataSubject person, CancellationToken ct) =>
        db.SavedAdvice().Where(a => a.UserId == person.UserId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, (string?)null), ct);
}
