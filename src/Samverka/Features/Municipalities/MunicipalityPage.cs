namespace Samverka.Features.Municipalities;

/// A municipality's public page as other features see it when they contribute to it (IPageContribution). Its
/// statistics come through IStatisticsContributor.
public sealed record MunicipalityPage(Tenant Municipality, Access Viewer)
{
    /// "Work with the municipality": links after the budget calendar, before the knowledge bank's.
    public const string WorkWith = "work-with";

    /// The staff's list (shown to the municipality's staff only), after the team link.
    public const string ForStaff = "for-staff";
}
