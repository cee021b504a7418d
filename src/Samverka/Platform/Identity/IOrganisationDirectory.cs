namespace Samverka.Platform.Identity;

/// Organisations are the second kind of role scope. The register feature owns them; the platform only needs their
/// names, through this interface, so it never depends on a feature.
public interface IOrganisationDirectory
{
    Task<string?> NameAsync(Guid organisationId, CancellationToken ct);
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken ct);
}
