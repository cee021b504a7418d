using Microsoft.AspNetCore.Identity;
using Samverka.Platform.Files;
using Samverka.Platform.Email;
using Samverka.Platform.Indicators;
using Samverka.Platform.Jobs;

namespace Samverka.Platform.Privacy;

/// The platform's own tables: the account and its sign-in records, roles, invitations, uploaded files,
/// measurements, tenants' contact addresses and the audit log.
public sealed class PlatformPersonalData(AppDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    public IReadOnlyList<PersonalColumn> Columns { get; } =
    [
        new("AspNetUsers", "Id", PersonKey.UserId),
        new("AspNetUsers", "Email", PersonKey.Email),
        new("AspNetUsers", "NormalizedEmail", PersonKey.Email),
        new("AspNetUsers", "UserName", PersonKey.Email),
        new("AspNetUsers", "NormalizedUserName", PersonKey.Email),
        new("AspNetUsers", "DisplayName", PersonKey.Name),
        new("AspNetUserClaims", "UserId", PersonKey.UserId),
        new("AspNetUserLogins", "UserId", PersonKey.UserId),
        new("AspNetUserTokens", "UserId", PersonKey.UserId),
        new("AspNetUserRoles", "UserId", PersonKey.UserId),
        new("RoleAssignments", "UserId", PersonKey.UserId),
        new("Invitations", "Email", PersonKey.Email),
        new("Invitations", "InvitedByUserId", PersonKey.UserId),
        new("Invitations", "AcceptedByUserId", PersonKey.UserId),
        new("Files", "UploadedBy", PersonKey.UserId),
        new("IndicatorMeasurements", "RecordedByUserId", PersonKey.UserId),
        new("IndicatorMeasurements", "ApprovedByUserId", PersonKey.UserId),
        new("Tenants", "ContactEmail", PersonKey.Email),
        new("AuditEntries", "UserId", PersonKey.UserId),
    ];

    public async Task<IReadOnlyList<PersonalRecords>> ExportAsync(DataSubject person, CancellationToken ct)
    {
        var id = person.UserId;
        var email = person.UpperEmail;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.NormalizedEmail, u.EmailConfirmed, u.UserName, u.NormalizedUserName, u.PhoneNumber, u.CreatedAt, u.TwoFactorEnabled, u.LockoutEnd, u.AccessFailedCount })
            .ToListAsync(ct);
        var account = new PersonalRecords("AspNetUsers", l["Privacy.Table.Account"], user.Select(u => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["Id"] = u.Id, ["DisplayName"] = u.DisplayName, ["Email"] = u.Email, ["EmailConfirmed"] = u.EmailConfirmed.ToString(),
            ["UserName"] = u.UserName, ["NormalizedEmail"] = u.NormalizedEmail, ["NormalizedUserName"] = u.NormalizedUserName, ["PhoneNumber"] = u.PhoneNumber,
            ["CreatedAt"] = u.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            ["TwoFactorEnabled"] = u.TwoFactorEnabled.ToString(), ["LockoutEnd"] = u.LockoutEnd?.ToString("u", CultureInfo.InvariantCulture),
        }).ToList());
        // Sign-in records without their secrets (token values, passkey keys): which ones exist is the person's data.
        var logins = await db.UserLogins.AsNoTracking().Where(x => x.UserId == id).ToListAsync(ct);
        var tokens = await db.UserTokens.AsNoTracking().Where(x => x.UserId == id).Select(x => new { x.UserId, x.LoginProvider, x.Name }).ToListAsync(ct);
        var claims = await db.UserClaims.AsNoTracking().Where(x => x.UserId == id).ToListAsync(ct);
        return
        [
            account,
            Rows("AspNetUserLogins", "Privacy.Table.Logins", logins.Select(x => Row(("UserId", x.UserId), ("LoginProvider", x.LoginProvider), ("ProviderDisplayName", x.ProviderDisplayName)))),
            Rows("AspNetUserTokens", "Privacy.Table.Tokens", tokens.Select(x => Row(("UserId", x.UserId), ("LoginProvider", x.LoginProvider), ("Name", x.Name)))),
            Rows("AspNetUserClaims", "Privacy.Table.Claims", claims.Select(x => Row(("UserId", x.UserId), ("ClaimType", x.ClaimType), ("ClaimValue", x.ClaimValue)))),
            PersonalData.Records(db, l["Privacy.Table.Roles"], await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == id).ToListAsync(ct)),
            PersonalData.Records(db, l["Privacy.Table.Invitations"], await db.Invitations.AsNoTracking()
                .Where(i => i.Email.ToUpper() == email || i.InvitedByUserId == id || i.AcceptedByUserId == id).ToListAsync(ct)),
            PersonalData.Records(db, l["Privacy.Table.Files"], await db.Set<StoredFile>().AsNoTracking().Where(f => f.UploadedBy == id).ToListAsync(ct)),
            PersonalData.Records(db, l["Privacy.Table.Measurements"], await db.Set<Measurement>().AsNoTracking()
                .Where(m => m.RecordedByUserId == id || m.ApprovedByUserId == id).ToListAsync(ct)),
            PersonalData.Records(db, l["Privacy.Table.Tenants"], await db.Tenants.AsNoTracking()
                .Where(t => t.ContactEmail != null && t.ContactEmail.ToUpper() == email).ToListAsync(ct)),
            new PersonalRecords("Jobs", l["Privacy.Table.Mail"], (await MailTo(person).AsNoTracking().OrderBy(j => j.CreatedAt).ToListAsync(ct))
                .Select(j => Row(("CreatedAt", j.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
                    ("Status", j.Status.ToString()), ("Payload", j.Payload))).ToList()),
            PersonalData.Records(db, l["Privacy.Table.Audit"], await db.AuditEntries.AsNoTracking().Where(a => a.UserId == id)
                .OrderBy(a => a.At).ToListAsync(ct)),
        ];
    }

    /// E-mail kept in the job queue (the message as rendered, to its address). Not a column the walk finds: the
    /// address is inside the payload, so it is matched there.
    /// A link in a message may carry the user id (an address change), so that is matched too.
    private IQueryable<Job> MailTo(DataSubject person)
    {
        var (email, id) = (person.UpperEmail, person.UserId);
        return db.Jobs.Where(j => j.Type == MailQueue.JobType && (j.Payload.ToUpper().Contains(email) || j.Payload.Contains(id)));
    }

    private PersonalRecords Rows(string table, string titleKey, IEnumerable<IReadOnlyDictionary<string, string?>> rows) =>
        new(table, l[titleKey], rows.ToList());

    private static IReadOnlyDictionary<string, string?> Row(params (string Column, string? Value)[] values) =>
        values.ToDictionary(v => v.Column, v => v.Value);

    public async Task EraseAsync(DataSubject person, CancellationToken ct)
    {
        var id = person.UserId;
        var email = person.UpperEmail;
        // Identity's own rows (claims, logins, tokens, passkeys, roles) and role assignments go with the account
        // (cascading foreign keys). Invitations addressed to the person are about them only.
        await db.Invitations.Where(i => i.Email.ToUpper() == email).ExecuteDeleteAsync(ct);
        await db.Invitations.Where(i => i.InvitedByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedByUserId, PersonalData.RemovedUserId), ct);
        await db.Invitations.Where(i => i.AcceptedByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedByUserId, (string?)null), ct);
        await db.RoleAssignments.Where(r => r.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<StoredFile>().Where(f => f.UploadedBy == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.UploadedBy, PersonalData.RemovedUserId), ct);
        await db.Set<Measurement>().Where(m => m.RecordedByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.RecordedByUserId, PersonalData.RemovedUserId), ct);
        await db.Set<Measurement>().Where(m => m.ApprovedByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ApprovedByUserId, (string?)null), ct);
        await db.Tenants.Where(t => t.ContactEmail != null && t.ContactEmail.ToUpper() == email)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ContactEmail, (string?)null), ct);
        // Mail to the person, sent or waiting: a message being sent right now is left to its runner.
        await MailTo(person).Where(j => j.Status != JobStatus.Running).ExecuteDeleteAsync(ct);
        // The audit log keeps its entries; AccountDeletion replaces the id by a tombstone, the one change it allows.
    }
}
