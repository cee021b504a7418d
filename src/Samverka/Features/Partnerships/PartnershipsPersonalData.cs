using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Partnerships.Running;
using Samverka.Platform.Privacy;

namespace Samverka.Features.Partnerships;

/// A partnership keeps people by name (its people, who recorded a check-in, created or approved an agreement version,
/// took a decision). The records are the parties' shared history and stay; the person's name, address and id leave
/// them. Names were copied in when written (the display name, or the address when there was none), so they are
/// matched on both.
public sealed class PartnershipsPersonalData(AppDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    public IReadOnlyList<PersonalColumn> Columns { get; } =
    [
        new("PartnershipPeople", "Email", PersonKey.Email),
        new("AgreementVersions", "CreatedBy", PersonKey.Name),
        new("AgreementApprovals", "UserId", PersonKey.UserId),
        new("AgreementApprovals", "ApprovedBy", PersonKey.Name),
        new("PartnershipCheckIns", "RecordedBy", PersonKey.Name),
        new("PartnershipDecisions", "DecidedBy", PersonKey.Name),
    ];

    /// The partnerships in which a bare name can be taken to mean this person: those their municipalities or
    /// organisations are party to. A name elsewhere is someone else's (names are not unique), and matching it would
    /// show another partnership's check-ins to anyone who takes the same display name.
    private async Task<List<Guid>> PartnershipsOfAsync(string userId, CancellationToken ct)
    {
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        var tenants = roles.Where(r => r.TenantId != null).Select(r => r.TenantId!.Value).ToList();
        var organisations = roles.Where(r => r.OrganisationId != null).Select(r => r.OrganisationId!.Value).ToList();
        return await db.PartnershipParties().AsNoTracking()
            .Where(p => (p.TenantId != null && tenants.Contains(p.TenantId.Value)) || (p.OrganisationId != null && organisations.Contains(p.OrganisationId.Value)))
            .Select(p => p.PartnershipId).Distinct().ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PersonalRecords>> ExportAsync(DataSubject person, CancellationToken ct)
    {
        var (id, email, name) = (person.UserId, person.UpperEmail, person.DisplayName);
        var mine = await PartnershipsOfAsync(id, ct);
        return
        [
            PersonalData.Records(db, l["Partnerships.Privacy.People"], await db.PartnershipPeople().AsNoTracking()
                .Where(p => p.Email != null && p.Email.ToUpper() == email).ToListAsync(ct)),
            PersonalData.Records(db, l["Partnerships.Privacy.Versions"], await db.AgreementVersions().AsNoTracking()
                .Where(v => (v.CreatedBy == name && mine.Contains(v.PartnershipId)) || v.CreatedBy.ToUpper() == email).ToListAsync(ct)),
            PersonalData.Records(db, l["Partnerships.Privacy.Approvals"], await db.AgreementApprovals().AsNoTracking()
                .Where(a => a.UserId == id || (a.ApprovedBy == name && db.AgreementVersions().Any(v => v.Id == a.VersionId && mine.Contains(v.PartnershipId))) || a.ApprovedBy.ToUpper() == email).ToListAsync(ct)),
            PersonalData.Records(db, l["Partnerships.Privacy.CheckIns"], await db.CheckIns().AsNoTracking()
                .Where(c => (c.RecordedBy == name && mine.Contains(c.PartnershipId)) || c.RecordedBy.ToUpper() == email).ToListAsync(ct)),
            PersonalData.Records(db, l["Partnerships.Privacy.Decisions"], await db.Decisions().AsNoTracking()
                .Where(d => d.DecidedBy != null && ((d.DecidedBy == name && mine.Contains(d.PartnershipId)) || d.DecidedBy.ToUpper() == email)).ToListAsync(ct)),
        ];
    }

    public async Task EraseAsync(DataSubject person, CancellationToken ct)
    {
        var (id, email, name) = (person.UserId, person.UpperEmail, person.DisplayName);
        var mine = await PartnershipsOfAsync(id, ct);
        const string removed = PersonalData.RemovedName;
        await db.PartnershipPeople().Where(p => p.Email != null && p.Email.ToUpper() == email)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, (string?)null).SetProperty(p => p.Name, removed), ct);
        await db.AgreementVersions().Where(v => (v.CreatedBy == name && mine.Contains(v.PartnershipId)) || v.CreatedBy.ToUpper() == email)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.CreatedBy, removed), ct);
        await db.AgreementApprovals().Where(a => a.UserId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, PersonalData.RemovedUserId).SetProperty(a => a.ApprovedBy, removed), ct);
        await db.AgreementApprovals().Where(a => (a.ApprovedBy == name && db.AgreementVersions().Any(v => v.Id == a.VersionId && mine.Contains(v.PartnershipId))) || a.ApprovedBy.ToUpper() == email)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ApprovedBy, removed), ct);
        await db.CheckIns().Where(c => (c.RecordedBy == name && mine.Contains(c.PartnershipId)) || c.RecordedBy.ToUpper() == email)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordedBy, removed), ct);
        await db.Decisions().Where(d => d.DecidedBy != null && ((d.DecidedBy == name && mine.Contains(d.PartnershipId)) || d.DecidedBy.ToUpper() == email))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DecidedBy, removed), ct);
    }
}
