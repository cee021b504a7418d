using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Samverka.Platform.Events;

/// A dated public event, as every feature that has them shows them to calendars: the budget calendar's dates now,
/// meetings and consultations next. Features keep their own records; this is the shape they publish.
/// `Link` is the absolute address of the event's own page (from PublicUrls, never the request's host), so that an
/// entry in someone's calendar leads back to Samverka.
public sealed record PublicEvent(
    Guid Id,
    string Title,
    DateOnly Date,
    TimeOnly? Start,
    TimeOnly? End,
    string? Description,
    string? Location,
    string Link,
    DateTime UpdatedAt,
    IReadOnlyList<string> Categories);

/// A named feed of public events: its calendar name, its product id and the fixed right-hand side of its UIDs.
/// UIDs are `{event id}@{UidDomain}`: stable whatever address the feed is fetched through, unique by the event's id.
public sealed record EventFeed(string Name, string ProductId, string UidDomain);

/// Writes iCalendar (RFC 5545) for calendar clients to subscribe to: CRLF lines folded at 75 octets, the time zone
/// defined in the file, all-day entries as dates, and a URL back to each event's page.
public static class ICalendar
{
    public const string TimeZone = "Europe/Stockholm";

    public static string Write(EventFeed feed, IEnumerable<PublicEvent> events, DateTime now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = feed.ProductId };
        calendar.AddProperty("X-WR-CALNAME", feed.Name);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        // Timed entries name Europe/Stockholm; RFC 5545 wants that zone defined in the file itself.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone));
        foreach (var e in events)
        {
            var item = new CalendarEvent
            {
                Uid = Uid(feed, e.Id),
                Summary = e.Title,
                Description = e.Description,
                Location = e.Location,
                Url = new Uri(e.Link),
                DtStamp = new CalDateTime(now.ToUniversalTime(), "UTC"),
                LastModified = new CalDateTime(e.UpdatedAt.ToUniversalTime(), "UTC"),
                Categories = [.. e.Categories],
            };
            if (e.Start is { } start)
            {
                item.DtStart = new CalDateTime(e.Date.ToDateTime(start), TimeZone);
                item.DtEnd = new CalDateTime(e.Date.ToDateTime(e.End ?? start.AddHours(1)), TimeZone);
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

    public static string Uid(EventFeed feed, Guid id) => $"{id}@{feed.UidDomain}";

    /// The anchor an event's row carries on a list page, so a link can point at it.
    public static string Anchor(Guid id) => $"event-{id}";
}
