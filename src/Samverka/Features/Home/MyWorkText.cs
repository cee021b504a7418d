using Samverka.Platform.Modules;

namespace Samverka.Features.Home;

/// How long an item has waited or when it is due, as the /my page and the home page show it. Whole days in the
/// person's time zone; "today" and "one day" have their own keys so no language reads "1 days".
public static class MyWorkText
{
    public static string? When(MyWorkItem item, DateTime nowUtc, IStringLocalizer l)
    {
        var culture = CultureInfo.CurrentCulture;
        if (item.Due is { } due)
        {
            var day = DateOnly.FromDateTime(due);
            var today = DateOnly.FromDateTime(nowUtc.ToLocalTime());
            var date = day.ToString("d MMMM yyyy", culture);
            return day < today ? l["My.Overdue", date] : l["My.Due", date];
        }
        if (item.Since is { } since)
        {
            var days = (int)Math.Floor((nowUtc - since).TotalDays);
            return days switch
            {
                <= 0 => l["My.WaitingToday"],
                1 => l["My.WaitingOneDay"],
                _ => l["My.WaitingDays", days.ToString("N0", culture)],
            };
        }
        return null;
    }

    /// True when the item is late: shown with a warning style beside its date.
    public static bool IsLate(MyWorkItem item, DateTime nowUtc) =>
        item.Due is { } due && DateOnly.FromDateTime(due) < DateOnly.FromDateTime(nowUtc.ToLocalTime());

    /// The items of one page in groups, each group where its most urgent item is (the items come most urgent first).
    public static IReadOnlyList<IGrouping<string, MyWorkItem>> Grouped(IEnumerable<MyWorkItem> items) =>
        items.GroupBy(i => i.Group).ToList();
}
