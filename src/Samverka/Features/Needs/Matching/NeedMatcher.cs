using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Samverka.Features.Register;
using Samverka.Features.Register.Search;

namespace Samverka.Features.Needs.Matching;

public sealed record MatchReason(string Code, string Text, double Points);

public sealed record NeedMatch(Guid OrganisationId, string Name, string? Municipality, double Score, IReadOnlyList<MatchReason> Reasons);

/// Finds the register's organisations that fit a need, and the open needs that fit an organisation. Place and age
/// filter (MatchScorer.Admits: within the need's reach, overlapping ages); the register's search index picks
/// candidates among those (any shared area, target group or word; extra weight for place, ages and language), the
/// database supplies their details, and MatchScorer ranks them and says why: an organisation working in the need's
/// municipality earns the full place points, one elsewhere in its region half. A service of its own so other features (funding calls) can
/// reuse it.
public sealed class NeedMatcher(RegisterIndex index, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// The most organisations suggested for a need: a short list a person reads, not the register.
    public const int Best = 20;

    /// How many candidates the index hands over for exact scoring: well above any page, far below the register.
    public const int Candidates = 100;

    /// The least score at which a need is suggested to an organisation.
    public const double MinimumFit = 45;

    /// Below this an organisation shares too little with a need to be worth an officer's time.
    public const double MinimumShown = 25;

    /// The organisations that best fit the need, at most `take` (and never more than Best), best first.
    public async Task<IReadOnlyList<NeedMatch>> ForNeedAsync(Need need, string municipalityCode, string municipalityName, int take, CancellationToken ct)
    {
        var places = new PlaceCache(db);
        var profile = await places.ProfileAsync(need, municipalityCode, index.Terms, ct);
        var within = need.Reach == NeedReach.Anywhere ? null
            : need.Reach == NeedReach.Country && profile.CountryCode is { } country ? await places.CountryAsync(country, ct)
            : profile.Region.Count > 0 ? profile.Region : new HashSet<string> { municipalityCode };
        var ids = index.WithSearcher(searcher => CandidateIds(profile, within, searcher.IndexReader));
        var organisations = await ProfilesAsync(ids, ct);
        var year = clock.GetUtcNow().Year;
        var ranked = organisations.Values
            .Where(o => MatchScorer.Admits(profile, o.Profile))
            .Select(o => MatchScorer.Score(profile, o.Profile, year))
            .Where(m => m.Score >= MinimumShown)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Organisation.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), true))
            .Take(Math.Min(take, Best)).ToList();
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
        var places = new PlaceCache(db);
        var profiles = new List<(NeedsModule.NeedRow Need, NeedProfile Profile)>();
        foreach (var n in open) profiles.Add((n, await places.ProfileAsync(n.Need, n.Municipality.Code, index.Terms, ct)));
        return profiles
            .Where(x => MatchScorer.Admits(x.Profile, o.Profile))
            .Select(x => (x.Need, Scored: MatchScorer.Score(x.Profile, o.Profile, year)))
            .Where(x => x.Scored.Score >= MinimumFit)
            .OrderByDescending(x => x.Scored.Score).ThenBy(x => x.Need.Need.Closes)
            .Select(x => (x.Need, new NeedMatch(o.Profile.Id, o.Profile.Name, o.HomeName, x.Scored.Score,
                x.Scored.Reasons.Select(r => Explain(r, x.Need.Municipality.Name, o.Text)).ToList())))
            .ToList();
    }

    /// The words that pick candidates: the need's rarest ones in the register, which say the most and cost the least
    /// (the scorer still compares every word).
    public const int CandidateWords = 8;

    /// The organisations worth scoring exactly: every public entry that shares an area, a target group or one of the
    /// need's rarer words, given the points of the clauses it meets (areas, groups, words, place, ages, languages),
    /// the best `Candidates` of them. Postings are walked once each into an array of points per document, which costs
    /// a few milliseconds over a million entries where a scored Lucene query with the same clauses costs tens.
    /// Where needs are: each municipality's region and country, looked up once per call.
    private sealed class PlaceCache(AppDbContext db)
    {
        private readonly Dictionary<string, (HashSet<string> Region, string? Country)> _places = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _countries = new(StringComparer.Ordinal);

        public async Task<NeedProfile> ProfileAsync(Need need, string municipalityCode, Func<string, IEnumerable<string>> analyse, CancellationToken ct)
        {
            if (!_places.TryGetValue(municipalityCode, out var place))
            {
                var tenant = await db.Tenants.AsNoTracking().Where(t => t.Code == municipalityCode)
                    .Select(t => new { t.ParentId, t.CountryCode }).FirstOrDefaultAsync(ct);
                var region = tenant?.ParentId is { } parent
                    ? (await db.Tenants.AsNoTracking().Where(t => t.ParentId == parent && t.Kind == TenantKind.Municipality).Select(t => t.Code).ToListAsync(ct)).ToHashSet()
                    : [];
                region.Add(municipalityCode);
                place = _places[municipalityCode] = (region, tenant?.CountryCode is { Length: > 0 } c ? c : null);
            }
            return NeedProfile.From(need, municipalityCode, analyse) with { Region = place.Region, CountryCode = place.Country };
        }

        /// Every municipality code of a country, for a need open to the whole country.
        public async Task<HashSet<string>> CountryAsync(string country, CancellationToken ct)
        {
            if (!_countries.TryGetValue(country, out var codes))
                codes = _countries[country] = (await db.Tenants.AsNoTracking().Where(t => t.CountryCode == country && t.Kind == TenantKind.Municipality)
                    .Select(t => t.Code).ToListAsync(ct)).ToHashSet();
            return codes;
        }
    }

    /// `within`: the municipality codes an organisation must be based in or serve (null: anywhere).
    private static List<Guid> CandidateIds(NeedProfile need, IReadOnlySet<string>? within, IndexReader reader)
    {
        var words = need.Terms
            .Select(t => (Term: t, Freq: reader.DocFreq(new Term(RegisterIndex.TextField, t))))
            .Where(x => x.Freq > 0).OrderBy(x => x.Freq).Take(CandidateWords).Select(x => x.Term).ToList();
        var bands = need.AgeFrom is null && need.AgeTo is null ? [] : Taxonomy.AgeBandsFor(need.AgeFrom, need.AgeTo).ToList();
        var county = MatchScorer.County(need.MunicipalityCode);
        var best = new PriorityQueue<(int Leaf, int Doc), float>(); // the lowest of the best on top
        var points = Array.Empty<float>();
        var leaves = reader.Leaves;
        for (var li = 0; li < leaves.Count; li++)
        {
            var leaf = leaves[li].AtomicReader;
            var maxDoc = leaf.MaxDoc;
            if (points.Length < maxDoc) points = new float[maxDoc];
            else Array.Clear(points, 0, maxDoc);
            var topic = new FixedBitSet(maxDoc);

            void Walk(string field, string value, double weight, bool isTopic)
            {
                var docs = leaf.GetTermDocsEnum(new Term(field, value));
                if (docs is null) return;
                int d;
                while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    points[d] += (float)weight;
                    if (isTopic) topic.Set(d);
                }
            }

            foreach (var a in need.Areas) Walk(RegisterIndex.FacetField(Facets.Area), a, MatchScorer.Area / need.Areas.Count, true);
            foreach (var g in need.TargetGroups) Walk(RegisterIndex.FacetField(Facets.TargetGroup), g, MatchScorer.TargetGroup / need.TargetGroups.Count, true);
            foreach (var w in words) Walk(RegisterIndex.TextField, w, MatchScorer.Text / Math.Min(MatchScorer.FullTextOverlap, need.Terms.Count), true);
            foreach (var b in bands) Walk(RegisterIndex.FacetField(Facets.Age), b, MatchScorer.Age / bands.Count, false);
            foreach (var lang in need.Languages) Walk(RegisterIndex.FacetField(Facets.Language), lang, MatchScorer.Language / need.Languages.Count, false);
            Walk(RegisterIndex.FacetField(Facets.Municipality), need.MunicipalityCode, MatchScorer.Place / 2, false);
            if (county is not null)
            {
                // Every municipality of the county (the need's own then has both halves of the place points).
                var terms = leaf.GetTerms(RegisterIndex.FacetField(Facets.Municipality))?.GetEnumerator();
                if (terms is not null && terms.SeekCeil(new BytesRef(county)) != TermsEnum.SeekStatus.END)
                {
                    do
                    {
                        var code = terms.Term.Utf8ToString();
                        if (!code.StartsWith(county, StringComparison.Ordinal)) break;
                        Walk(RegisterIndex.FacetField(Facets.Municipality), code, MatchScorer.Place / 2, false);
                    } while (terms.MoveNext());
                }
            }
            else Walk(RegisterIndex.FacetField(Facets.Municipality), need.MunicipalityCode, MatchScorer.Place / 2, false);

            // Place and age are filters: outside the need's reach, or with only age bands the need does not touch, an
            // entry is no candidate however much else it shares.
            FixedBitSet? Union(string field, IEnumerable<string> values)
            {
                var set = new FixedBitSet(maxDoc);
                foreach (var value in values)
                {
                    var docs = leaf.GetTermDocsEnum(new Term(field, value));
                    if (docs is null) continue;
                    int d;
                    while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) set.Set(d);
                }
                return set;
            }
            var inReach = within is null ? null : Union(RegisterIndex.FacetField(Facets.Municipality), within);
            var ofAge = bands.Count == 0 ? null : Union(RegisterIndex.FacetField(Facets.Age), bands);

            // Only public entries still in default search.
            var hidden = new FixedBitSet(maxDoc);
            var notPublic = leaf.GetTermDocsEnum(new Term(RegisterIndex.PublicField, "0"));
            if (notPublic is not null) { int d; while ((d = notPublic.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) hidden.Set(d); }
            var dropped = leaf.GetTermDocsEnum(new Term(RegisterIndex.FreshnessField, nameof(Freshness.Dropped)));
            if (dropped is not null) { int d; while ((d = dropped.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) hidden.Set(d); }
            var live = leaf.LiveDocs;

            for (var doc = topic.NextSetBit(0); doc >= 0 && doc < maxDoc; doc = doc + 1 < maxDoc ? topic.NextSetBit(doc + 1) : -1)
            {
                if (hidden.Get(doc) || (live is not null && !live.Get(doc))) continue;
                if (inReach is not null && !inReach.Get(doc)) continue;
                if (ofAge is not null && !ofAge.Get(doc)) continue;
                var p = points[doc];
                if (best.Count < Candidates) best.Enqueue((li, doc), p);
                else if (best.TryPeek(out _, out var lowest) && p > lowest) best.EnqueueDequeue((li, doc), p);
            }
        }
        var ids = new List<Guid>(best.Count);
        while (best.TryDequeue(out var hit, out _))
        {
            var leaf = leaves[hit.Leaf].AtomicReader;
            ids.Add(Guid.Parse(leaf.Document(hit.Doc).Get(RegisterIndex.IdField)));
        }
        return ids;
    }

    private sealed record Loaded(OrganisationProfile Profile, string? HomeName, string Text);

    private async Task<Dictionary<Guid, Loaded>> ProfilesAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        // Three plain queries: one with a collection projection took EF tens of milliseconds to run on SQLite.
        var rows = await db.Organisations().AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Select(o => new
            {
                o.Id, o.Name, o.Status, o.HomeMunicipalityId, o.CountryCode, o.Areas, o.TargetGroups, o.AgeFrom, o.AgeTo,
                o.MunicipalitiesServed, o.Languages, o.Staff, o.Volunteers, o.FoundedYear, o.Freshness, o.Description,
            })
            .ToListAsync(ct);
        // Filtered here: with these conditions in SQL, SQLite's planner scans an index on them instead of the keys.
        rows.RemoveAll(o => o.Status != VerificationStatus.Verified || o.Freshness == Freshness.Dropped);
        var homes = rows.Where(o => o.HomeMunicipalityId is not null).Select(o => o.HomeMunicipalityId!.Value).Distinct().ToList();
        var tenants = await db.Tenants.AsNoTracking().Where(t => homes.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (t.Code, t.Name), ct);
        var services = (await db.Set<OrganisationService>().AsNoTracking().Where(s => ids.Contains(s.OrganisationId))
                .Select(s => new { s.OrganisationId, Text = s.Name + " " + s.Description }).ToListAsync(ct))
            .ToLookup(s => s.OrganisationId, s => s.Text);
        var track = await db.NeedResponses().Where(r => ids.Contains(r.OrganisationId))
            .GroupBy(r => r.OrganisationId).Select(g => new { g.Key, Count = g.Select(r => r.NeedId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return rows.ToDictionary(o => o.Id, o =>
        {
            var text = string.Join(" ", [o.Description, .. services[o.Id]]);
            var home = o.HomeMunicipalityId is { } h && tenants.TryGetValue(h, out var t) ? t : default;
            return new Loaded(new OrganisationProfile(o.Id, o.Name, home.Code, o.Areas, o.TargetGroups, o.AgeFrom, o.AgeTo, o.MunicipalitiesServed,
                o.Languages, o.Staff, o.Volunteers, o.FoundedYear, track.GetValueOrDefault(o.Id), o.Freshness, index.Terms(text).ToHashSet())
            { CountryCode = o.CountryCode }, home.Name, text);
        });
    }

    private MatchReason Explain(ScoredReason r, string municipalityName, string orgText)
    {
        string List(string prefix) => string.Join(", ", r.Values.Select(v => MidSentence(l[prefix + v].Value, prefix)));
        var text = r.Code switch
        {
            "area" => l["Match.Area", List("Area.")],
            "targetGroup" => r.Values is ["everyone"] ? l["Match.Everyone"] : l["Match.TargetGroup", List("TargetGroup.")],
            "age" => l[r.Points >= r.MaxPoints ? "Match.Age" : "Match.AgePartly", l.AgeRange(Number(r.Values[0]), Number(r.Values[1])) ?? l["Ages.All"]],
            "place" => r.Values[0] == "serves" ? l["Match.Place", municipalityName] : l["Match.Nearby", municipalityName],
            "language" => l["Match.Language", List("Language.")],
            "text" => l["Match.Text", string.Join(", ", SurfaceWords(orgText, r.Values))],
            "capacity" => l["Match.Capacity", l.Join([.. new[] { ("Organisations.Staff", Number(r.Values[0]) ?? 0), ("Organisations.Volunteers", Number(r.Values[1]) ?? 0) }
                .Where(x => x.Item2 > 0).Select(x => l.Plural(x.Item1, x.Item2).Value)])],
            "trackRecord" => (r.Values[0], r.Values[1]) switch
            {
                ("", var n) => l.Plural("Match.Responses", Number(n) ?? 0),
                (var y, "0") => l["Match.Founded", y],
                (var y, var n) => l.Plural("Match.FoundedAndResponses", Number(n) ?? 0, y),
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

    private static int? Number(string value) => int.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : null;

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
