using System.Net;
using System.Text;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Municipalities.Calendar;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Municipalities;

/// The budget calendar: public dates as a valid iCalendar feed, edited by the municipality's coordinators only,
/// internal dates seen by the municipality's own staff only.
public abstract class BudgetCalendarTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    [Fact]
    public async Task The_feed_is_valid_icalendar_with_the_public_dates_only()
    {
        var response = await App.Browser().GetAsync("/api/v1/municipalities/2081/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        // RFC 5545: CRLF line endings, lines folded at 75 octets, one VCALENDAR with VERSION and PRODID.
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.Contains("\r\nVERSION:2.0\r\n", text);
        Assert.Contains("\r\nPRODID:", text);
        foreach (var line in text.Split("\r\n")) Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"unfolded line: {line}");
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        // Recurrence rules and numbers in plain ASCII, whatever the request's language (a Swedish minus sign is not "-").
        Assert.DoesNotContain("\u2212", text);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm", text);

        var calendar = Calendar.Load(text)!;
        var (publicCount, internalTitles) = await PublicAndInternalAsync("2081");
        Assert.Equal(publicCount, calendar.Events.Count);
        Assert.True(publicCount >= 6);
        Assert.All(calendar.Events, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Uid));
            Assert.NotNull(e.DtStamp);
            Assert.NotNull(e.DtStart);
            Assert.False(string.IsNullOrEmpty(e.Summary));
        });
        foreach (var title in internalTitles) Assert.DoesNotContain(calendar.Events, e => e.Summary!.Contains(title));
        var meeting = calendar.Events.Single(e => e.Summary!.StartsWith("Dialogmöte med föreningslivet"));
        Assert.True(meeting.DtStart!.HasTime);
        Assert.Equal("Europe/Stockholm", meeting.DtStart.TzId);
        Assert.Contains("stadshus", meeting.Location);
        Assert.False(calendar.Events.Single(e => e.Summary!.Contains("fastställs")).DtStart!.HasTime);

        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync("/api/v1/municipalities/9999/calendar.ics")).StatusCode);
    }

    /// Each entry in a subscriber's calendar leads back to Samverka: its URL is on the configured base (never the
    /// request's host) and opens the calendar page at that entry, on the past list when the date has gone by.
    [Fact]
    public async Task Each_entry_links_back_to_its_place_on_the_calendar_page()
    {
        // The demo's dates are all ahead; one that has gone by is on the page's past list.
        var past = new BudgetEvent
        {
            TenantId = App.With(db => db.Tenants.Single(t => t.Code == "2081").Id), Kind = BudgetEventKind.PublicMeeting,
            Date = DateOnly.FromDateTime(DateTime.Now).AddDays(-20), Title = "Passerat möte " + Guid.NewGuid().ToString("N")[..6],
            IsPublic = true, UpdatedAt = DateTime.UtcNow,
        };
        await App.WithAsync(async db => { db.BudgetEvents().Add(past); return await db.SaveChangesAsync(); });
        try
        {
            var client = App.Browser();
            client.DefaultRequestHeaders.Host = "127.0.0.1";
            var calendar = Calendar.Load(await client.GetStringAsync("/api/v1/municipalities/2081/calendar.ics"))!;
            Assert.Contains(calendar.Events, e => e.Summary == past.Title);
            foreach (var e in calendar.Events)
            {
                Assert.NotNull(e.Url);
                Assert.Equal("http://localhost", e.Url!.GetLeftPart(UriPartial.Authority));
                var id = e.Uid!.Split('@')[0];
                Assert.Equal($"/municipalities/2081/calendar?event={id}", e.Url.PathAndQuery);
                Assert.Equal("#event-" + id, e.Url.Fragment);
                Assert.Contains($"id=\"event-{id}\"", await App.Browser().GetStringAsync(e.Url.PathAndQuery));
            }
        }
        finally
        {
            await App.WithAsync(db => db.BudgetEvents().Where(e => e.Id == past.Id).ExecuteDeleteAsync());
        }
    }

    private async Task<(int Public, List<string> Internal)> PublicAndInternalAsync(string code)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Samverka.Platform.Data.AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Code == code);
        var events = await db.BudgetEvents().Where(e => e.TenantId == tenant.Id).ToListAsync();
        return (events.Count(e => e.IsPublic), events.Where(e => !e.IsPublic).Select(e => e.Title).ToList());
    }

    [Fact]
    public async Task A_coordinator_adds_a_date_that_reaches_the_page_and_the_feed()
    {
        var client = App.Browser();
        await client.SignInAsync("samordnare@borlange.example");
        var title = "Ungdomsrådets budgetförslag " + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "ProposalDeadline", ["Input.Title"] = title, ["Input.Body"] = "Ungdomsrådet",
            ["Input.Date"] = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd"), ["Input.StartTime"] = "", ["Input.EndTime"] = "",
            ["Input.IsPublic"] = "true",
        };

        // Bad input first: an end time without a start, and no date. Nothing is saved.
        var bad = await client.SubmitAsync("/municipalities/2081/calendar/new",
            new Dictionary<string, string>(fields) { ["Input.Date"] = "", ["Input.EndTime"] = "12:00" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Ange en starttid när du anger en sluttid", html);
        Assert.Contains("Datum måste fyllas i", html);
        Assert.DoesNotContain(title, await client.HtmlAsync("/municipalities/2081/calendar"));

        var reversed = await client.SubmitAsync("/municipalities/2081/calendar/new",
            new Dictionary<string, string>(fields) { ["Input.StartTime"] = "14:00", ["Input.EndTime"] = "13:00" });
        Assert.Contains("Sluttiden måste vara efter starttiden", await reversed.Content.ReadAsStringAsync());

        var saved = await client.SubmitAsync("/municipalities/2081/calendar/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(title, await App.Browser().GetStringAsync("/municipalities/2081/calendar"));
        Assert.Contains(title, await App.Browser().GetStringAsync("/api/v1/municipalities/2081/calendar.ics"));

        // Removing it asks first, then takes it away from the feed too.
        var page = await client.HtmlAsync("/municipalities/2081/calendar");
        var id = System.Text.RegularExpressions.Regex.Match(page, "/municipalities/2081/calendar/([0-9a-f-]{36})\">Ändra<span class=\"visually-hidden\"> " + title).Groups[1].Value;
        Assert.NotEmpty(id);
        var confirm = await client.HtmlAsync($"/municipalities/2081/calendar/{id}?confirmDelete=true");
        Assert.Contains("Det går inte att ångra", confirm);
        var deleted = await client.SubmitAsync($"/municipalities/2081/calendar/{id}?confirmDelete=true", new Dictionary<string, string>(),
            action: $"/municipalities/2081/calendar/{id}?handler=delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain(title, await App.Browser().GetStringAsync("/api/v1/municipalities/2081/calendar.ics"));
    }

    [Fact]
    public async Task Other_municipalities_can_neither_edit_nor_see_internal_dates()
    {
        var (_, internalTitles) = await PublicAndInternalAsync("2081");
        Assert.NotEmpty(internalTitles);

        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync("/municipalities/2081/calendar/new")).StatusCode);
        var page = await falun.HtmlAsync("/municipalities/2081/calendar");
        Assert.DoesNotContain(internalTitles[0], page);
        Assert.DoesNotContain("/calendar/new", page);

        var anonymous = await App.Browser().HtmlAsync("/municipalities/2081/calendar");
        Assert.DoesNotContain(internalTitles[0], anonymous);

        var own = App.Browser();
        await own.SignInAsync("handlaggare@borlange.example");
        Assert.Contains(internalTitles[0], await own.HtmlAsync("/municipalities/2081/calendar"));
        // An officer sees internal dates but only admins and coordinators change the calendar.
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync("/municipalities/2081/calendar/new")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)] public sealed class BudgetCalendarTestsOnSqlite(SqliteApp fx) : BudgetCalendarTests(fx);
[Collection(PostgresCollection.Name)] public sealed class BudgetCalendarTestsOnPostgres(PostgresApp fx) : BudgetCalendarTests(fx);
