using Samverka.Features.Needs.Matching;
using Samverka.Features.Register;

namespace Samverka.Tests.Needs;

public sealed class MatchScorerTests
{
    private static NeedProfile Need(string[]? areas = null, string[]? groups = null, int? from = 13, int? to = 25, string[]? languages = null, string[]? terms = null) =>
        new("2081", areas ?? ["mental-health", "youth"], groups ?? ["youth"], from, to, languages ?? [], (terms ?? ["psykisk", "ensam"]).ToHashSet());

    private static OrganisationProfile Org(string[]? areas = null, string[]? groups = null, int? from = 10, int? to = 30, string home = "2081",
        string[]? served = null, string[]? languages = null, int? staff = 1, int? volunteers = 20, int? founded = 2009, int track = 0,
        Freshness freshness = Freshness.Current, string[]? terms = null) =>
        new(Guid.NewGuid(), "Org", home, areas ?? ["mental-health", "youth"], groups ?? ["youth"], from, to, served ?? [home], languages ?? ["sv"],
            staff, volunteers, founded, track, freshness, (terms ?? ["psykisk", "ensam"]).ToHashSet());

    [Fact]
    public void A_perfect_fit_scores_100_and_says_why_for_every_component()
    {
        var m = MatchScorer.Score(Need(), Org(track: 2), 2026);
        Assert.Equal(100, m.Score);
        Assert.Equal(new[] { "age", "area", "capacity", "freshness", "place", "targetGroup", "text", "trackRecord" }, m.Reasons.Select(r => r.Code).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(m.Reasons, r => r.Code == "language"); // the need asked for none
    }

    [Fact]
    public void Each_component_counts_its_share()
    {
        var full = MatchScorer.Score(Need(), Org(track: 2), 2026).Score;
        var halfAreas = MatchScorer.Score(Need(), Org(areas: ["mental-health"], track: 2), 2026);
        Assert.Equal(100.0, full);
        // Half of the 30 area points lost, out of the 95 this need makes possible (it names no language).
        Assert.Equal(Math.Round(100 * 80 / 95.0, 1), halfAreas.Score);
        Assert.Equal(["mental-health"], halfAreas.Reasons.Single(r => r.Code == "area").Values);

        var everyone = MatchScorer.Score(Need(), Org(groups: ["everyone"], track: 2), 2026);
        Assert.Equal(7.5, everyone.Reasons.Single(r => r.Code == "targetGroup").Points);

        var nearby = MatchScorer.Score(Need(), Org(home: "2080", track: 2), 2026); // Falun, same county as Borlänge
        Assert.Equal(7.5, nearby.Reasons.Single(r => r.Code == "place").Points);
        var far = MatchScorer.Score(Need(), Org(home: "1280", track: 2), 2026); // Malmö
        Assert.DoesNotContain(far.Reasons, r => r.Code == "place");

        var someAges = MatchScorer.Score(Need(from: 13, to: 25), Org(from: 20, to: 40), 2026);
        Assert.Equal(Math.Round(10 * 6 / 13.0, 2), someAges.Reasons.Single(r => r.Code == "age").Points);
        var noAges = MatchScorer.Score(Need(from: 13, to: 25), Org(from: 65, to: null), 2026);
        Assert.DoesNotContain(noAges.Reasons, r => r.Code == "age");
    }

    [Fact]
    public void Languages_count_only_when_the_need_names_them_and_an_outdated_entry_is_flagged()
    {
        var withLanguage = MatchScorer.Score(Need(languages: ["ar", "so"]), Org(languages: ["sv", "ar"]), 2026);
        Assert.Equal(2.5, withLanguage.Reasons.Single(r => r.Code == "language").Points);

        var outdated = MatchScorer.Score(Need(), Org(freshness: Freshness.MayBeOutdated), 2026);
        var fresh = MatchScorer.Score(Need(), Org(), 2026);
        Assert.True(outdated.Score < fresh.Score);
        var flag = outdated.Reasons.Single(r => r.Code == "freshness");
        Assert.Equal(0, flag.Points);
        Assert.Equal(nameof(Freshness.MayBeOutdated), flag.Values[0]);
    }

    [Fact]
    public void An_organisation_sharing_nothing_scores_little()
    {
        var m = MatchScorer.Score(Need(), Org(areas: ["elderly"], groups: ["seniors"], from: 65, to: null, home: "1280", terms: ["pension"]), 2026);
        Assert.True(m.Score < NeedMatcher.MinimumShown, $"score {m.Score}");
    }
}
