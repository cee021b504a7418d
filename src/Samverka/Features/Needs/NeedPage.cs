namespace Samverka.Features.Needs;

/// A need's pages (its details, its matches) as other features see them when they contribute to them
/// (IPageContribution): the need, its municipality, the organisations the page lists (responders, matches) by id
/// with their names, and who looks.
public sealed record NeedPage(Guid NeedId, Tenant Municipality, IReadOnlyDictionary<Guid, string> Organisations, Access Viewer)
{
    /// Among the staff's actions on the need (edit, matches), for the municipality's staff only.
    public const string ForStaff = "for-staff";

    /// Under the viewer's own response: with the need's municipality.
    public const string WithMunicipality = "with-municipality";

    /// Under a listed organisation (a response or a match), for the municipality's staff.
    public static string WithOrganisation(Guid organisationId) => "with-organisation:" + organisationId;
}
