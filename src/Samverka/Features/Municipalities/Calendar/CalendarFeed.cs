using Samverka.Platform.Events;

namespace Samverka.Features.Municipalities.Calendar;

/// The public budget calendar as a feed of the platform's public events.
public static class CalendarFeed
{
    /// The right-hand side of every UID. Fixed, so an entry keeps its identity in subscribers' calendars whatever
    /// address the feed is fetched through.
    public const string UidDomain = "budget-calendar.samverka";

    public static EventFeed For(string municipalityName) => new(municipalityName, "-//Samverka//Budget calendar//SV", UidDomain);

    /// The calendar page with the entry shown (past entries are on the page's past list) and scrolled to.
    public static string PagePath(string code, BudgetEvent e) =>
        $"/municipalities/{code}/calendar?event={e.Id}#{ICalendar.Anchor(e.Id)}";

    public static PublicEvent ToPublicEvent(BudgetEvent e, string code, Func<BudgetEventKind, string> kindName, Func<string, string> absolute) => new(
        e.Id,
        string.IsNullOrEmpty(e.Body) ? e.Title : $"{e.Title} ({e.Body})",
        e.Date, e.StartTime, e.EndTime,
        string.Join("\n\n", new[] { kindName(e.Kind), e.Description }.Where(s => !string.IsNullOrWhiteSpace(s))),
        e.Location,
        absolute(PagePath(code, e)),
        e.UpdatedAt,
        [kindName(e.Kind)]);
}
