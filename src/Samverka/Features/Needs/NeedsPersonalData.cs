using Samverka.Features.Needs.Matching;
using Samverka.Platform.Privacy;

namespace Samverka.Features.Needs;

/// The needs board's rows that name a person. Following and the digest are only theirs and go; questions, responses
/// and invitations are the dialogue's shared record and stay without the person's id; a need whose contact address
/// is theirs falls back to the municipality's address.
public sealed class NeedsPersonalData(AppDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    public IReadOnlyList<PersonalColumn> Columns { get; } =
    [
        new("Needs", "ContactEmail", PersonKey.Email),
        new("NeedQuestions", "AskedByUserId", PersonKey.UserId),
        new("NeedQuestions", "AnsweredByUserId", PersonKey.UserId),
        new("NeedResponses", "SubmittedByUserId", PersonKey.UserId),
        new("NeedInvitations", "InvitedByUserId", PersonKey.UserId),
        new("NeedFollowers", "UserId", PersonKey.UserId),
    ];

    public async Task<IReadOnlyList<PersonalRecords>> ExportAsync(DataSubject person, CancellationToken ct)
    {
        var id = person.UserId;
        var email = person.UpperEmail;
        return
        [
            PersonalData.Records(db, l["Needs.Privacy.Needs"], await db.Needs().AsNoTracking().AcrossTenants()
                .Where(n => n.ContactEmail.ToUpper() == email).ToListAsync(ct)),
            PersonalData.Records(db, l["Needs.Privacy.Questions"], await db.NeedQuestions().AsNoTracking().AcrossTenants()
                .Where(q => q.AskedByUserId == id || q.AnsweredByUserId == id).ToListAsync(ct)),
            PersonalData.Records(db, l["Needs.Privacy.Responses"], await db.NeedResponses().AsNoTracking().AcrossTenants()
                .Where(r => r.SubmittedByUserId == id).ToListAsync(ct)),
            PersonalData.Records(db, l["Needs.Privacy.Invitations"], await db.NeedInvitations().AsNoTracking().AcrossTenants()
                .Where(i => i.InvitedByUserId == id).ToListAsync(ct)),
            PersonalData.Records(db, l["Needs.Privacy.Following"], await db.NeedFollowers().AsNoTracking().Where(f => f.UserId == id).ToListAsync(ct)),
        ];
    }

    public async Task EraseAsync(DataSubject person, CancellationToken ct)
    {
        var id = person.UserId;
        var email = person.UpperEmail;
        await db.NeedFollowers().Where(f => f.UserId == id).ExecuteDeleteAsync(ct);
        await db.NeedQuestions().AcrossTenants().Where(q => q.AskedByUserId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.AskedByUserId, PersonalData.RemovedUserId), ct);
        await db.NeedQuestions().AcrossTenants().Where(q => q.AnsweredByUserId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.AnsweredByUserId, (string?)null), ct);
        await db.NeedResponses().AcrossTenants().Where(r => r.SubmittedByUserId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedByUserId, PersonalData.RemovedUserId), ct);
        await db.NeedInvitations().AcrossTenants().Where(i => i.InvitedByUserId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedByUserId, PersonalData.RemovedUserId), ct);
        var tenants = db.Tenants;
        await db.Needs().AcrossTenants().Where(n => n.ContactEmail.ToUpper() == email)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.ContactEmail, n => tenants.Where(t => t.Id == n.TenantId).Select(t => t.ContactEmail ?? "").First())
                .SetProperty(n => n.ContactName, PersonalData.RemovedName), ct);
    }
}
