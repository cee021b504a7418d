using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Samverka.Features.Municipalities.Calendar;

/// The public budget calendar as iCalendar (RFC 5545), for calendar clients to subscribe to.
public static class CalendarFeed
{
    public const string TimeZone = "Europe/Stockholm";

    /// The right-hand side of every UID. Fixed, so an entry keeps its identity in subscribers' calendars whatever
    /// address the feed is fetched through; the entry's id (a UUID) makes it unique.
    public const string UidDomain = "budget-calendar.samverka";

    public static string Write(string municipalityName, string code, IEnumerable<BudgetEvent> events, Func<BudgetEventKind, string> kindName,
        DateTime now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Samverka//Budget calendar//SV" };
        calendar.AddProperty("X-WR-CALNAME", municipalityName);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        // Timed entries name Europe/Stockholm; RFC 5545 wants that zone defined in the file itself.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone));
        foreach (var e in events)
        {
            var item = new CalendarEvent
            {
                Uid = $"{e.Id}@{UidDomain}",
                Summary = string.IsNullOrEmpty(e.Body) ? e.Title : $"{e.Title} ({e.Body})",
                Description = string.Join("\n\n", new[] { kindName(e.Kind), e.Description }.Where(s => !string.IsNullOrWhiteSpace(s))),
                Location = e.Location,
                DtStamp = new CalDateTime(now.ToUniversalTime(), "UTC"),
                LastModified = new CalDateTime(e.UpdatedAt.ToUniversalTime(), "UTC"),
                Categories = [kindName(e.Kind)],
            };
            if (e.StartTime is { } start)
            {
                item.DtStart = new CalDateTime(e.Date.ToDateTime(start), TimeZone);
                item.DtEnd = new CalDateTime(e.Date.ToDateTime(e.EndTime ?? start.AddHours(1)), TimeZone);
            }
            else
            {
                // An all-day entry: DTSTART as a date, DTEND the next day (exclusive).
                item.DtStart = new CalDateTime(e.Date);
                item.DtEnd = new CalDateTime(e.Date.AddDays(1));
            }
            calendar.Events.Add(item);
        }
        // The serializer formats numbers with the current culture; Swedish would write BYDAY=−1SU with a Unicode minus.
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try { return new CalendarSerializer().SerializeToString(calendar) ?? ""; }
        finally { System.Globalization.CultureInfo.CurrentCulture = culture; }
    }
}
