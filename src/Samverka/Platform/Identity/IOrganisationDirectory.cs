namespace Samverka.Platform.Identity;

/// Organisations are the second kind of role scope. The register feature owns them; the platform only needs their
/// names, through this interface, so it never depends on a feature.
public interface IOrganisationDirectory
{
    Task<string?> NameAsync(Guid organisationId, CancellationToken ct);
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken ct);

    /// What the platform needs to show an organisation's history: the ids whose audit entries belong to it (its own
    /// and those of entries merged into it) and the entity types that make up its own record.
    Task<OrganisationHistoryScope?> HistoryScopeAsync(Guid organisationId, CancellationToken ct);
}

/// RecordTypes are the register's entity types that are the organisation's own record (the entry and its parts).
/// Other features' rows also carry an organisation id (a response to a need, a partnership party), but those are the
/// organisation's dealings with a municipality and belong to that municipality's log, not the organisation's.
public sealed record OrganisationHistoryScope(Guid Id, string Name, Guid? HomeTenantId, IReadOnlyList<Guid> HistoryIds,
    IReadOnlyList<string> RecordTypes);
