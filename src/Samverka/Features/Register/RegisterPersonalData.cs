using Samverka.Features.Register.Exchange;
using Samverka.Features.Register.Upkeep;
using Samverka.Platform.Privacy;

namespace Samverka.Features.Register;

/// The register's rows that name a person: their claims, the imports and merges they did, and contact addresses
/// (an organisation's, or one of its contacts') that are theirs.
public sealed class RegisterPersonalData(AppDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    public IReadOnlyList<PersonalColumn> Columns { get; } =
    [
        new("OrganisationClaims", "UserId", PersonKey.UserId),
        new("OrganisationClaims", "DecidedByUserId", PersonKey.UserId),
        new("ImportBatches", "UserId", PersonKey.UserId),
        new("OrganisationMerges", "MergedByUserId", PersonKey.UserId),
        new("Organisation", "ContactEmail", PersonKey.Email),
        new("OrganisationContacts", "Email", PersonKey.Email),
    ];

    public async Task<IReadOnlyList<PersonalRecords>> ExportAsync(DataSubject person, CancellationToken ct)
    {
        var id = person.UserId;
        var email = person.UpperEmail;
        return
        [
            PersonalData.Records(db, l["Register.Privacy.Claims"], await db.Set<OrganisationClaim>().AsNoTracking().AcrossTenants()
                .Where(c => c.UserId == id || c.DecidedByUserId == id).ToListAsync(ct)),
            PersonalData.Records(db, l["Register.Privacy.Imports"], await db.Set<ImportBatch>().AsNoTracking().Where(b => b.UserId == id).ToListAsync(ct)),
            PersonalData.Records(db, l["Register.Privacy.Merges"], await db.Set<OrganisationMerge>().AsNoTracking().Where(m => m.MergedByUserId == id).ToListAsync(ct)),
            new PersonalRecords("Organisation", l["Register.Privacy.Organisations"], (await db.Organisations().AsNoTracking()
                .Where(o => o.ContactEmail != null && o.ContactEmail.ToUpper() == email)
                .Select(o => new { o.Id, o.Name, o.ContactEmail }).ToListAsync(ct))
                .Select(o => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
                {
                    ["Id"] = o.Id.ToString(), ["Name"] = o.Name, ["ContactEmail"] = o.ContactEmail,
                }).ToList()),
            PersonalData.Records(db, l["Register.Privacy.Contacts"], await db.Set<OrganisationContact>().AsNoTracking()
                .Where(c => c.Email != null && c.Email.ToUpper() == email).ToListAsync(ct)),
        ];
    }

    public async Task EraseAsync(DataSubject person, CancellationToken ct)
    {
        var id = person.UserId;
        var email = person.UpperEmail;
        await db.Set<OrganisationClaim>().AcrossTenants().Where(c => c.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<OrganisationClaim>().AcrossTenants().Where(c => c.DecidedByUserId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DecidedByUserId, (string?)null), ct);
        await db.Set<ImportBatch>().Where(b => b.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.UserId, PersonalData.RemovedUserId), ct);
        await db.Set<OrganisationMerge>().Where(m => m.MergedByUserId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.MergedByUserId, PersonalData.RemovedUserId), ct);
        await db.Organisations().Where(o => o.ContactEmail != null && o.ContactEmail.ToUpper() == email)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ContactEmail, (string?)null), ct);
        // A contact that was only this person's address goes; one with a phone number stays as the role's number.
        var contacts = db.Set<OrganisationContact>().Where(c => c.Email != null && c.Email.ToUpper() == email);
        await contacts.Where(c => c.Phone == null).ExecuteDeleteAsync(ct);
        await contacts.ExecuteUpdateAsync(s => s.SetProperty(c => c.Email, (string?)null).SetProperty(c => c.Name, (string?)null), ct);
    }
}
