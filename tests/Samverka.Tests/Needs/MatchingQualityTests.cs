using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Needs.Matching;
using Samverka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Samverka.Tests.Needs;

/// Ranking quality on a labelled set: needs written from the project's cases and the demo municipalities, each with
/// the demo organisations a person would pick for it (relevant) and some they clearly would not (irrelevant).
/// Reports precision@5 — the share of the top five that are relevant, out of min(5, relevant ones) — per need and
/// on average, in the test output and in TestResults/matching-quality.txt (test.sh prints it).
public abstract class MatchingQualityTests(AppFixture fx, ITestOutputHelper output)
{
    /// The least average precision@5 we accept; docs/matching.md records the figure measured.
    public const double Required = 0.9;

    private sealed record Labelled(string Title, string Municipality, string[] Areas, string[] Groups, int? From, int? To, string[] Languages,
        string Problem, string[] Relevant, string[] Irrelevant);

    private static readonly Labelled[] Set =
    [
        new("Stöd för ungas psykiska hälsa", "2081", ["mental-health", "youth", "gender-equality"], ["youth", "young-adults", "girls-and-women"], 13, 25, [],
            "Allt fler unga, särskilt tjejer, berättar om oro, ensamhet och psykisk ohälsa och söker inte hjälp hos vuxna.",
            ["Tjejjouren Dalia", "Unga Röster Dalarna"], ["Seniorernas Träffpunkt Borlänge", "Kodcentrum", "Naturskyddsföreningen Falun"]),
        new("Fler unga i föreningslivet", "2081", ["sport", "leisure", "social-inclusion", "youth"], ["children", "youth", "families"], 7, 19, ["ar", "so"],
            "Unga i två stadsdelar är sällan med i en förening; avstånd, kostnader och att inte känna någon hindrar.",
            ["Borlänge Basket", "Fritidsbanken Borlänge", "Dalarnas Idrottsförbund Ungdom", "Somaliska föräldraföreningen i Borlänge"],
            ["Mind Dalarna", "Kvinnojouren Borlänge", "Seniorernas Träffpunkt Borlänge"]),
        new("Programmering på fritids", "2080", ["digital-skills", "education", "children"], ["children"], 8, 12, [],
            "Barn i mellanstadiet får sällan prova på att programmera; fritidshemmen vill ha stöd.",
            ["Kodcentrum"], ["Seniorernas Träffpunkt Borlänge", "Kvinnojouren Borlänge"]),
        new("Entreprenörskap i gymnasiet", "2080", ["entrepreneurship", "education", "youth"], ["youth"], 15, 19, [],
            "Gymnasieelever behöver pröva på att starta och driva företag för att se fler vägar till arbete.",
            ["Ung Företagsamhet Dalarna"], ["Kodcentrum", "Seniorernas Träffpunkt Borlänge"]),
        new("Språkvänner för nyanlända", "2081", ["migrants", "social-inclusion", "employment"], ["newcomers", "adults"], 18, 64, ["ar", "ti"],
            "Nyanlända vuxna saknar nätverk och tillfällen att träna svenska utanför SFI.",
            ["Kompis Sverige", "Studieförbundet Dalarna"], ["Kodcentrum", "Seniorernas Träffpunkt Borlänge"]),
        new("Ensamhet bland äldre", "2081", ["elderly", "social-inclusion"], ["seniors"], 65, null, [],
            "Många äldre är ensamma, särskilt på vintern, och saknar någonstans att träffa andra.",
            ["Seniorernas Träffpunkt Borlänge"], ["Tjejjouren Dalia", "Ung Företagsamhet Dalarna", "Kodcentrum"]),
        new("Våld i nära relationer", "2081", ["gender-equality", "crime-prevention"], ["girls-and-women"], 18, null, [],
            "Kvinnor som utsätts för våld i nära relationer behöver stöd och skydd tidigt.",
            ["Kvinnojouren Borlänge", "Tjejjouren Dalia"], ["Kodcentrum", "Fritidsbanken Borlänge"]),
        // Issue 16's walk: a local evening need for teenagers listed organisations from four other countries, Malmö
        // and an adults' shelter. Place and age now filter; those are the clear misfits here.
        new("Kvällsverksamhet för unga", "2081", ["leisure", "youth", "sport", "culture"], ["youth"], 13, 18, [],
            "Unga mellan 13 och 18 år saknar något att göra på kvällarna och samlas i centrum, där det ibland blir bråk.",
            ["Borlänge Basket", "Dalarnas Idrottsförbund Ungdom", "Fritidsbanken Borlänge"],
            ["Fryshuset Malmö", "Costumes Convergentes", "Cidade Curiosa", "Ziemeļkurzeme orienteringsklubb", "Kvinnojouren Borlänge", "Seniorernas Träffpunkt Borlänge"]),
        new("Festas da cidade", "PT-BRAGA", ["culture", "leisure"], ["everyone"], null, null, ["pt"],
            "A cidade quer mais cultura e encontros nas festas e nos bairros.",
            ["Costumes Convergentes", "Cidade Curiosa"], ["Fryshuset Malmö"]),
        new("Terapija bērniem", "LV-TALSI", ["disability", "health", "children"], ["children", "people-with-disabilities"], 0, 18, ["lv"],
            "Children with disabilities need therapy close to home without cost to the families.",
            ["Brīnumiņš"], ["Ziemeļkurzeme orienteringsklubb"]),
        new("Profesinis mokymas jaunimui", "LT-TRAKAI", ["employment", "education", "youth"], ["youth", "young-adults"], 16, 30, ["lt"],
            "Young people without a trade need vocational training that leads to work.",
            ["Sodžiaus meistrai"], ["Children of Holy John"]),
        new("Courses for migrants", "CY-AGIOS-DOMETIOS", ["education", "migrants"], ["newcomers", "adults"], 18, null, ["el", "ar"],
            "Migrants in the municipality need courses and meeting places to learn the language and find their way.",
            ["HUB Nicosia"], ["Precious Plastic Cyprus"]),
        new("Recycling workshops", "CY-AGLANTZIA", ["environment"], ["everyone"], null, null, ["el"],
            "Residents want to learn how to recycle plastic and reduce waste.",
            ["Precious Plastic Cyprus"], ["HUB Nicosia"]),
    ];

    [Fact]
    public async Task Precision_at_five_on_the_labelled_set_is_high_and_clear_misfits_rank_below_every_good_fit()
    {
        Assert.True(Set.Sum(s => s.Relevant.Length + s.Irrelevant.Length) >= 30, "The labelled set must hold at least 30 pairs.");
        using var scope = fx.App.Services.CreateScope();
        var matcher = scope.ServiceProvider.GetRequiredService<NeedMatcher>();
        var report = new List<string>();
        var precisions = new List<double>();
        var misordered = new List<string>();
        foreach (var s in Set)
        {
            var need = new Need
            {
                Title = s.Title, Problem = s.Problem, Areas = [.. s.Areas], TargetGroups = [.. s.Groups], AgeFrom = s.From, AgeTo = s.To,
                Languages = [.. s.Languages], DesiredOutcome = "",
            };
            var ranked = (await matcher.ForNeedAsync(need, s.Municipality, s.Municipality, 50, default)).Select(m => m.Name).ToList();
            var top5 = ranked.Take(5).ToList();
            var precision = (double)top5.Count(s.Relevant.Contains) / Math.Min(5, s.Relevant.Length);
            precisions.Add(precision);
            report.Add($"  {precision:0.00}  {s.Title} ({s.Municipality}): top five = {string.Join(" | ", top5)}");
            var lastRelevant = s.Relevant.Select(r => ranked.IndexOf(r)).Select(i => i < 0 ? int.MaxValue : i).Max();
            foreach (var bad in s.Irrelevant)
            {
                var at = ranked.IndexOf(bad);
                if (at >= 0 && at < lastRelevant) misordered.Add($"{s.Title}: {bad} ranks above a good fit");
            }
        }
        var average = precisions.Average();
        report.Insert(0, $"matching precision@5 = {average:0.000} over {Set.Length} needs and {Set.Sum(s => s.Relevant.Length + s.Irrelevant.Length)} labelled pairs");
        foreach (var line in report) output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("SAMVERKA_TEST_RESULTS") is { Length: > 0 } folder && GetType().Name.EndsWith("OnSqlite"))
            await File.WriteAllLinesAsync(Path.Combine(folder, "matching-quality.txt"), report);

        Assert.True(misordered.Count == 0, string.Join("\n", misordered) + "\n" + string.Join("\n", report));
        Assert.True(average >= Required, string.Join("\n", report));
    }
}

[Collection(SqliteCollection.Name)] public sealed class MatchingQualityTestsOnSqlite(SqliteApp fx, ITestOutputHelper output) : MatchingQualityTests(fx, output);
[Collection(PostgresCollection.Name)] public sealed class MatchingQualityTestsOnPostgres(PostgresApp fx, ITestOutputHelper output) : MatchingQualityTests(fx, output);
