namespace Samverka.Features.Partnerships;

/// Who may start a partnership, and with whom: the one rule behind every "start a partnership" link. A partnership
/// pairs the public side (staff of a municipality) with the organisation side (members of a register organisation),
/// so a person may start one with a counterpart of the other side: municipal staff with a verified organisation,
/// an organisation's member with a municipality they are not staff of. With no counterpart named, either side will do.
public static class WhoMayStart
{
    public static bool ActsForPublicSide(Access access) => access.StaffTenantIds.Any();

    public static bool ActsForOrganisation(Access access) => access.OrganisationIds.Any();

    public static bool Any(Access access) => ActsForPublicSide(access) || ActsForOrganisation(access);

    public static bool WithOrganisation(Access access, bool organisationVerified) => organisationVerified && ActsForPublicSide(access);

    public static bool WithMunicipality(Access access, Guid tenantId) => ActsForOrganisation(access) && !access.IsStaffOf(tenantId);

    /// About a need: the need's municipality's staff with an organisation that responded or fits; the need itself
    /// stands for the public side, so staff of another municipality do not start one over it.
    public static bool AboutNeedWithOrganisation(Access access, Guid needTenantId) => access.IsStaffOf(needTenantId);
}
