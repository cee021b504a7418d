using Samverka.Features.Municipalities.Profile;
using Samverka.Platform.Privacy;

namespace Samverka.Features.Municipalities;

/// A municipality's profile names coordinators with their work address; an address that is the person's goes with
/// their account, the entry stays (it is the municipality's, and its admins correct it).
public sealed class MunicipalitiesPersonalData(AppDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    public IReadOnlyList<PersonalColumn> Columns { get; } = [new("ProfileEntries", "Email", PersonKey.Email)];

    public async Task<IReadOnlyList<PersonalRecords>> ExportAsync(DataSubject person, CancellationToken ct)
    {
        var email = person.UpperEmail;
        return
        [
            PersonalData.Records(db, l["Municipalities.Privacy.ProfileEntries"], await db.ProfileEntries().AsNoTracking().AcrossTenants()
                .Where(e => e.Email != null && e.Email.ToUpper() == email).ToListAsync(ct)),
        ];
    }

    public async Task EraseAsync(DataSubject person, CancellationToken ct)
    {
        var email = person.UpperEmail;
        await db.ProfileEntries().AcrossTenants().Where(e => e.Email != null && e.Email.ToUpper() == email)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Email, (string?)null), ct);
    }
}
