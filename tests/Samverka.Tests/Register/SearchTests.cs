using Samverka.Features.Register;
using Samverka.Features.Register.Search;

namespace Samverka.Tests.Register;

/// The search service over a real Lucene index (in memory): text, typos, prefixes, facets and their counts.
public sealed class SearchTests : IDisposable
{
    private readonly RegisterIndex _index = new(null);
    private readonly RegisterSearch _search;

    private static SearchDocument Doc(string name, string description, string legalForm = "NonProfitAssociation", string[]? municipalities = null,
        string[]? areas = null, string[]? languages = null, int? from = null, int? to = null, bool isPublic = true,
        Freshness freshness = Freshness.Current, DateTime? confirmed = null) =>
        new(Guid.NewGuid(), name, [], description, [], legalForm, municipalities?.FirstOrDefault(), null, municipalities ?? [],
            areas ?? [], [], Taxonomy.AgeBandsFor(from, to).ToList(), languages ?? [], confirmed ?? DateTime.UtcNow, isPublic, freshness);

    public SearchTests()
    {
        _index.Upsert(
        [
            Doc("Tjejjouren Dalia", "Stöd för tjejer om psykisk hälsa och relationer", municipalities: ["2081"], areas: ["mental-health", "youth"], languages: ["sv", "ar"], from: 10, to: 30),
            Doc("Borlänge fotbollsklubb", "Fotboll för barn och unga, träningar varje vecka", municipalities: ["2081"], areas: ["sport", "youth"], languages: ["sv"], from: 6, to: 19),
            Doc("Falu simsällskap", "Simskola och simträning för alla åldrar", municipalities: ["2080"], areas: ["sport"], languages: ["sv", "en"]),
            Doc("Kodklubben Falun", "Programmering för barn efter skolan", legalForm: "InformalGroup", municipalities: ["2080"], areas: ["digital-skills", "children"], from: 9, to: 13),
            Doc("Mötesplats för seniorer", "Psykisk hälsa och gemenskap för äldre", municipalities: ["2080", "2081"], areas: ["mental-health", "elderly"], from: 65),
            Doc("Hemlig förening", "Psykisk hälsa, ej verifierad", municipalities: ["2081"], areas: ["mental-health"], isPublic: false),
            Doc("Gammal förening", "Psykisk hälsa, länge sedan bekräftad", municipalities: ["2081"], areas: ["mental-health"], freshness: Freshness.Dropped),
        ]);
        _index.Commit(1);
        _search = new RegisterSearch(_index);
    }

    private static SearchRequest Q(string? q, params (string Facet, string Value)[] filters) =>
        new(q, filters.GroupBy(f => f.Facet).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList()));

    private List<string> Names(SearchRequest r) => _search.Search(r).Items.Select(i => i.Name).ToList();

    [Fact]
    public void Swedish_stemming_finds_other_forms_of_a_word() =>
        Assert.Contains("Borlänge fotbollsklubb", Names(Q("träningen")));

    [Fact]
    public void A_misspelt_word_still_finds_the_organisation()
    {
        Assert.Contains("Tjejjouren Dalia", Names(Q("psykiks")));
        Assert.Contains("Falu simsällskap", Names(Q("simskolla")));
    }

    [Fact]
    public void A_prefix_finds_words_while_typing() =>
        Assert.Contains("Kodklubben Falun", Names(Q("programm")));

    [Fact]
    public void Every_word_must_match() =>
        Assert.Equal(["Tjejjouren Dalia"], Names(Q("psykisk tjejer")));

    [Fact]
    public void Unverified_and_dropped_entries_are_not_in_default_search()
    {
        var names = Names(Q("psykisk"));
        Assert.DoesNotContain("Hemlig förening", names);
        Assert.DoesNotContain("Gammal förening", names);
        Assert.Contains("Gammal förening", _search.Search(Q("psykisk") with { IncludeDropped = true }).Items.Select(i => i.Name));
    }

    [Fact]
    public void Filters_combine_with_and_across_facets_and_or_within_one()
    {
        Assert.Equal(["Tjejjouren Dalia"], Names(Q("psykisk", (Facets.Municipality, "2081"), (Facets.Area, "youth"))));
        Assert.Equal(2, _search.Search(Q(null, (Facets.Area, "sport"), (Facets.Area, "digital-skills"), (Facets.Municipality, "2080"))).Total);
    }

    [Fact]
    public void Facet_counts_ignore_their_own_filter_so_other_choices_stay_visible()
    {
        var result = _search.Search(Q(null, (Facets.Municipality, "2080")));
        Assert.Equal(3, result.Total);
        var municipality = result.Facets[Facets.Municipality].ToDictionary(v => v.Value, v => v.Count);
        // Counted without the municipality filter: 3 in Falun, 3 public ones in Borlänge.
        Assert.Equal(3, municipality["2080"]);
        Assert.Equal(3, municipality["2081"]);
        Assert.True(result.Facets[Facets.Municipality].Single(v => v.Value == "2080").Selected);
        // Other facets are counted within the filtered result.
        var areas = result.Facets[Facets.Area].ToDictionary(v => v.Value, v => v.Count);
        Assert.Equal(1, areas["sport"]);
        Assert.False(areas.ContainsKey("youth"));
    }

    [Fact]
    public void Age_facet_uses_overlapping_bands()
    {
        var result = _search.Search(Q(null, (Facets.Age, "65+")));
        Assert.Equal(["Falu simsällskap", "Mötesplats för seniorer"], result.Items.Select(i => i.Name).Order().ToList());
    }

    [Fact]
    public void Age_bands_are_listed_youngest_first()
    {
        var ages = _search.Search(Q(null)).Facets[Facets.Age].Select(v => v.Value).ToList();
        Assert.Equal(Taxonomy.AgeBands.Select(b => b.Code).Where(ages.Contains), ages);
    }

    [Fact]
    public void Paging_and_sorting_by_name()
    {
        var first = _search.Search(Q(null) with { Sort = SearchSort.Name, PageSize = 2, Page = 1 });
        var second = _search.Search(Q(null) with { Sort = SearchSort.Name, PageSize = 2, Page = 2 });
        Assert.Equal(5, first.Total);
        Assert.Equal(["Borlänge fotbollsklubb", "Falu simsällskap"], first.Items.Select(i => i.Name));
        Assert.Equal(["Kodklubben Falun", "Mötesplats för seniorer"], second.Items.Select(i => i.Name));
    }

    [Fact]
    public void Updating_and_deleting_are_seen_by_the_next_search()
    {
        var doc = Doc("Ny klubb", "Schack för alla", areas: ["leisure"]);
        _index.Upsert([doc]);
        _index.Commit(2);
        Assert.Equal(["Ny klubb"], Names(Q("schack")));
        _index.Upsert([doc with { Description = "Bridge för alla" }]);
        _index.Commit(3);
        Assert.Empty(Names(Q("schack")));
        _index.Delete([doc.Id]);
        _index.Commit(4);
        Assert.Empty(Names(Q("bridge")));
        Assert.Equal(4, _index.LastChangeId);
    }

    public void Dispose() => _index.Dispose();
}
