namespace Samverka.Platform.Identity;

/// Organisations are the second kind of role scope. The register feature owns them; the platform only needs their
/// names, through this interface, so it never depends on a feature.
public interface IOrganisationDirectory
{
    Task<string?> NameAsync(Guid organisationId, CancellationToken ct);
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken ct);

    /// What the platform needs to show an organisation's history: its home municipality (whose staff may read it)
    /// and the ids whose audit entries belong to it (its own and those of entries merged into it).
    Task<OrganisationHistoryScope?> HistoryScopeAsync(Guid organisationId, CancellationToken ct);
}

public sealed record OrganisationHistoryScope(Guid Id, string Name, Guid? HomeTenantId, IReadOnlyList<Guid> HistoryIds);
