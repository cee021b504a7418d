using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Features.Register;
using Samverka.Features.Register.Search;
using Samverka.Platform.Data;
using Samverka.Platform.Localization;

namespace Samverka.Features.Needs.Matching;

public sealed record MatchReason(string Code, string Text, double Points);

public sealed record NeedMatch(Guid OrganisationId, string Name, string? Municipality, double Score, IReadOnlyList<MatchReason> Reasons);

/// Finds the register's organisations that fit a need, and the open needs that fit an organisation. The register's
/// search index picks candidates (any shared area, target group or word; extra weight for place, ages and language),
/// the database supplies their details, and MatchScorer ranks them and says why.
public sealed class NeedMatcher(RegisterIndex index, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// How many candidates the index hands over for exact scoring: well above any page, far below the register.
    public const int Candidates = 100;

    /// The least score at which a need is suggested to an organisation.
    public const double MinimumFit = 45;

    /// Below this an organisation shares too little with a need to be worth an officer's time.
    public const double MinimumShown = 25;

    public async Task<IReadOnlyList<NeedMatch>> ForNeedAsync(Need need, string municipalityCode, string municipalityName, int take, CancellationToken ct)
    {
        var profile = NeedProfile.From(need, municipalityCode, index.Terms);
        var ids = index.WithSearcher(searcher =>
        {
            var top = searcher.Search(CandidateQuery(profile), Candidates);
            return top.ScoreDocs.Select(sd => Guid.Parse(searcher.Doc(sd.Doc).Get(RegisterIndex.IdField))).ToList();
        });
        var organisations = await ProfilesAsync(ids, ct);
        var year = clock.GetUtcNow().Year;
        var ranked = organisations.Values
            .Select(o => MatchScorer.Score(profile, o.Profile, year))
            .Where(m => m.Score >= MinimumShown)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Organisation.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), true))
            .Take(take).ToList();
        return ranked.Select(m =>
        {
            var o = organisations[m.Organisation.Id];
            return new NeedMatch(o.Profile.Id, o.Profile.Name, o.HomeName, m.Score, m.Reasons.Select(r => Explain(r, municipalityName, o.Text)).ToList());
        }).ToList();
    }

    /// Open needs that fit the organisation well enough, best first.
    public async Task<IReadOnlyList<(NeedsModule.NeedRow Need, NeedMatch Match)>> ForOrganisationAsync(Guid organisationId, CancellationToken ct)
    {
        var organisations = await ProfilesAsync([organisationId], ct);
        if (!organisations.TryGetValue(organisationId, out var o)) return [];
        var open = await NeedsModule.OpenNeeds(db, clock, null, null).ToListAsync(ct);
        var year = clock.GetUtcNow().Year;
        return open
            .Select(n => (Need: n, Scored: MatchScorer.Score(NeedProfile.From(n.Need, n.Municipality.Code, index.Terms), o.Profile, year)))
            .Where(x => x.Scored.Score >= MinimumFit)
            .OrderByDescending(x => x.Scored.Score).ThenBy(x => x.Need.Need.Closes)
            .Select(x => (x.Need, new NeedMatch(o.Profile.Id, o.Profile.Name, o.HomeName, x.Scored.Score,
                x.Scored.Reasons.Select(r => Explain(r, x.Need.Municipality.Name, o.Text)).ToList())))
            .ToList();
    }

    private static Query CandidateQuery(NeedProfile need)
    {
        static Query Constant(string field, string value, double boost) =>
            new ConstantScoreQuery(new TermQuery(new Term(field, value))) { Boost = (float)boost };

        var root = new BooleanQuery(true)
        {
            { new TermQuery(new Term(RegisterIndex.PublicField, "1")), Occur.MUST },
            { new TermQuery(new Term(RegisterIndex.FreshnessField, nameof(Freshness.Dropped))), Occur.MUST_NOT },
        };
        // Something must be shared about what the work is: an area, a target group or a word of the problem.
        var topic = new BooleanQuery(true);
        foreach (var a in need.Areas) topic.Add(Constant(RegisterIndex.FacetField(Facets.Area), a, MatchScorer.Area / need.Areas.Count), Occur.SHOULD);
        foreach (var g in need.TargetGroups) topic.Add(Constant(RegisterIndex.FacetField(Facets.TargetGroup), g, MatchScorer.TargetGroup / need.TargetGroups.Count), Occur.SHOULD);
        foreach (var t in need.Terms.Take(24)) topic.Add(Constant(RegisterIndex.TextField, t, MatchScorer.Text / Math.Min(MatchScorer.FullTextOverlap, need.Terms.Count)), Occur.SHOULD);
        if (topic.Clauses.Count == 0) topic.Add(new MatchAllDocsQuery(), Occur.SHOULD);
        root.Add(topic, Occur.MUST);

        root.Add(Constant(RegisterIndex.FacetField(Facets.Municipality), need.MunicipalityCode, MatchScorer.Place), Occur.SHOULD);
        var bands = Taxonomy.AgeBandsFor(need.AgeFrom, need.AgeTo).ToList();
        if (need.AgeFrom is not null || need.AgeTo is not null)
            foreach (var b in bands) root.Add(Constant(RegisterIndex.FacetField(Facets.Age), b, MatchScorer.Age / bands.Count), Occur.SHOULD);
        foreach (var lang in need.Languages) root.Add(Constant(RegisterIndex.FacetField(Facets.Language), lang, MatchScorer.Language / need.Languages.Count), Occur.SHOULD);
        return root;
    }

    private sealed record Loaded(OrganisationProfile Profile, string? HomeName, string Text);

    private async Task<Dictionary<Guid, Loaded>> ProfilesAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Organisations().AsNoTracking()
            .Where(o => ids.Contains(o.Id) && o.Status == VerificationStatus.Verified && o.Freshness != Freshness.Dropped)
            .Select(o => new
            {
                o.Id, o.Name, HomeCode = o.HomeMunicipality!.Code, HomeName = o.HomeMunicipality!.Name, o.Areas, o.TargetGroups, o.AgeFrom, o.AgeTo,
                o.MunicipalitiesServed, o.Languages, o.Staff, o.Volunteers, o.FoundedYear, o.Freshness, o.Description,
                Services = o.Services.Select(s => s.Name + " " + s.Description).ToList(),
            })
            .ToListAsync(ct);
        var track = await db.NeedResponses().Where(r => ids.Contains(r.OrganisationId))
            .GroupBy(r => r.OrganisationId).Select(g => new { g.Key, Count = g.Select(r => r.NeedId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return rows.ToDictionary(o => o.Id, o =>
        {
            var text = string.Join(" ", [o.Description, .. o.Services]);
            return new Loaded(new OrganisationProfile(o.Id, o.Name, o.HomeCode, o.Areas, o.TargetGroups, o.AgeFrom, o.AgeTo, o.MunicipalitiesServed,
                o.Languages, o.Staff, o.Volunteers, o.FoundedYear, track.GetValueOrDefault(o.Id), o.Freshness, index.Terms(text).ToHashSet()), o.HomeName, text);
        });
    }

    private MatchReason Explain(ScoredReason r, string municipalityName, string orgText)
    {
        string List(string prefix) => string.Join(", ", r.Values.Select(v => MidSentence(l[prefix + v].Value, prefix)));
        var text = r.Code switch
        {
            "area" => l["Match.Area", List("Area.")],
            "targetGroup" => r.Values is ["everyone"] ? l["Match.Everyone"] : l["Match.TargetGroup", List("TargetGroup.")],
            "age" => r.Points >= r.MaxPoints ? l["Match.Age", r.Values[0], r.Values[1]] : l["Match.AgePartly", r.Values[0], r.Values[1]],
            "place" => r.Values[0] == "serves" ? l["Match.Place", municipalityName] : l["Match.Nearby", municipalityName],
            "language" => l["Match.Language", List("Language.")],
            "text" => l["Match.Text", string.Join(", ", SurfaceWords(orgText, r.Values))],
            "capacity" => l["Match.Capacity", r.Values[0], r.Values[1]],
            "trackRecord" => (r.Values[0], r.Values[1]) switch
            {
                ("", var n) => l["Match.Responses", n],
                (var y, "0") => l["Match.Founded", y],
                (var y, var n) => l["Match.FoundedAndResponses", y, n],
            },
            _ => r.Values[0] switch
            {
                nameof(Freshness.Current) => l["Match.Fresh"],
                nameof(Freshness.AskedToConfirm) => l["Match.AskedToConfirm"],
                _ => l["Match.Outdated"],
            },
        };
        return new MatchReason(r.Code, text, r.Points);
    }

    /// A vocabulary label inside a sentence: "psykisk hälsa", "arabiska"; English keeps its capitalised language
    /// names, and acronyms ("HBTQ") stay as they are.
    private static string MidSentence(string label, string prefix)
    {
        if (label.Length < 2 || char.IsUpper(label[1])) return label;
        if (prefix == "Language." && System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en") return label;
        return char.ToLower(label[0], System.Globalization.CultureInfo.CurrentCulture) + label[1..];
    }

    /// The organisation's own words for the shared stems ("psykisk", "hälsa"), in the order the need gave them.
    private IEnumerable<string> SurfaceWords(string text, IReadOnlyList<string> stems)
    {
        var wanted = stems.ToHashSet();
        var found = new Dictionary<string, string>();
        foreach (var word in text.Split((char[])[' ', ',', '.', ';', ':', '!', '?', '(', ')', '"', '”', '–', '-', '/', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (found.Count == wanted.Count) break;
            var stem = index.Terms(word).FirstOrDefault();
            if (stem is not null && wanted.Contains(stem)) found.TryAdd(stem, word.ToLowerInvariant());
        }
        return stems.Select(s => found.GetValueOrDefault(s, s)).Distinct().Take(6);
    }
}
