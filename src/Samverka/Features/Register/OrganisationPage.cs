namespace Samverka.Features.Register;

/// The organisation's public page as other features see it when they contribute to it (IPageContribution): which
/// entry it shows and who looks. The page offers two slots.
public sealed record OrganisationPage(Guid Id, string Name, bool IsVerified, Access Viewer)
{
    /// Actions on the organisation, shown to whoever the contributing feature decides (after the officers' list).
    public const string Actions = "actions";

    /// Links in the list for the organisation's own members (shown to members only), before the team link.
    public const string ForMembers = "for-members";
}
