namespace Samverka.Features.Register;

public static class RegisterData
{
    public static DbSet<Organisation> Organisations(this AppDbContext db) => db.Set<Organisation>();

    /// Where mail for an organisation goes: its admins' addresses, or failing that the entry's public address; empty
    /// when it has neither.
    public static async Task<IReadOnlyList<string>> MailRecipientsAsync(this AppDbContext db, Organisation organisation, CancellationToken ct)
    {
        var admins = await db.RoleAssignments.Where(r => r.OrganisationId == organisation.Id && r.Role == Role.OrganisationAdmin)
            .Select(r => r.User!.Email!).ToListAsync(ct);
        if (admins.Count == 0 && organisation.ContactEmail is { } contact) admins.Add(contact);
        return admins.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}

internal sealed class OrganisationDirectory(AppDbContext db) : IOrganisationDirectory
{
    private static readonly string[] RecordTypes =
    [
        nameof(Organisation), nameof(OrganisationService), nameof(OrganisationLocation), nameof(OrganisationContact),
        nameof(Upkeep.OrganisationMerge),
    ];

    public Task<string?> NameAsync(Guid organisationId, CancellationToken ct) =>
        db.Organisations().Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct);

    public async Task<OrganisationHistoryScope?> HistoryScopeAsync(Guid organisationId, CancellationToken ct)
    {
        var o = await db.Organisations().Where(x => x.Id == organisationId).Select(x => new { x.Id, x.Name, x.HomeMunicipalityId }).SingleOrDefaultAsync(ct);
        if (o is null) return null;
        var merged = await db.Set<Upkeep.OrganisationMerge>().Where(m => m.TargetId == organisationId).Select(m => m.SourceId).ToListAsync(ct);
        return new OrganisationHistoryScope(o.Id, o.Name, o.HomeMunicipalityId, [o.Id, .. merged], RecordTypes);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken ct) =>
        await db.Organisations().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
}
