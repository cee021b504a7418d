using System.Text.RegularExpressions;
using Samverka.Features.Needs;
using Samverka.Features.Partnerships;
using Samverka.Features.Register;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// One date style per language, everywhere: English pages never show the US short date ("11/2/2026", "12/2/2026
/// 3:20 AM") beside a spelled-out one ("16 January 2027").
public abstract partial class DateFormatTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}:\d{2}\s?[AP]M\b")]
    private static partial Regex UsDate();

    [Fact]
    public async Task English_pages_show_no_us_dates()
    {
        var admin = App.Browser();
        await admin.SignInAsync("kommunadmin@borlange.example");
        var (iop, dalia, need) = App.With(db => (
            db.Partnerships().Single(p => p.Title == "Kompisar i Borlänge – IOP om inkludering").Id,
            db.Organisations().Single(o => o.Name == "Tjejjouren Dalia").Id,
            db.Needs().First(n => n.Status == NeedStatus.Open).Id));
        var pages = new[]
        {
            "/municipalities/2081/team", "/audit?tenant=2081", "/municipalities/2081/register", $"/organisations/{dalia}",
            "/organisations", $"/partnerships/{iop}", $"/partnerships/{iop}/agreement", $"/partnerships/{iop}/follow-up",
            "/partnerships", $"/needs/{need}", "/needs",
        };
        var spelled = 0;
        foreach (var page in pages)
        {
            var html = await admin.HtmlAsync(page + (page.Contains('?') ? "&" : "?") + "culture=en");
            var us = UsDate().Matches(html).Select(m => m.Value).Distinct().ToList();
            Assert.True(us.Count == 0, $"{page} shows US dates: {string.Join(", ", us)}");
            spelled += Regex.Matches(html, @"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b").Count;
        }
        Assert.True(spelled > 10, $"only {spelled} spelled-out dates found: the pages did not render as expected");
    }
}

[Collection(SqliteCollection.Name)] public sealed class DateFormatTestsOnSqlite(SqliteApp fx) : DateFormatTests(fx);
[Collection(PostgresCollection.Name)] public sealed class DateFormatTestsOnPostgres(PostgresApp fx) : DateFormatTests(fx);
