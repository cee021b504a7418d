using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Samverka.Features.Register.Search;

/// Free text with Swedish stemming, typo tolerance and prefixes, facet filters (OR within a facet, AND across
/// facets), and facet counts computed the way people expect: each facet counts as if its own filter were not set.
public sealed class RegisterSearch(RegisterIndex index)
{
    public const int MaxPageSize = 100;

    public SearchResult Search(SearchRequest request)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, request.Page);
        var filters = request.Filters
            .Where(f => Facets.All.Contains(f.Key) && f.Value.Count > 0)
            .ToDictionary(f => f.Key, f => f.Value.Distinct().ToArray());

        return index.WithSearcher(searcher =>
        {
            var query = BuildQuery(request.Query, request.IncludeDropped, searcher.IndexReader);
            AddAges(query, request.AgeFrom, request.AgeTo);
            var topN = page * pageSize;
            ITopDocsCollector top = request.Sort switch
            {
                SearchSort.Name => TopFieldCollector.Create(new Sort(new SortField(RegisterIndex.NameSortField, SortFieldType.STRING)), topN, false, false, false, true),
                SearchSort.RecentlyConfirmed => TopFieldCollector.Create(new Sort(new SortField(RegisterIndex.ConfirmedField, SortFieldType.INT64, true)), topN, false, false, false, true),
                _ when string.IsNullOrWhiteSpace(request.Query) => TopFieldCollector.Create(new Sort(new SortField(RegisterIndex.NameSortField, SortFieldType.STRING)), topN, false, false, false, true),
                _ => TopScoreDocCollector.Create(topN, true),
            };
            var collector = new FacetingCollector(index, filters, (ICollector)top);
            searcher.Search(query, collector);
            collector.Finish();

            var docs = top.GetTopDocs((page - 1) * pageSize, pageSize).ScoreDocs;
            var items = docs.Select(sd =>
            {
                var d = searcher.Doc(sd.Doc);
                var stored = System.Text.Json.JsonSerializer.Deserialize<RegisterIndex.StoredHit>(d.Get(RegisterIndex.StoredField))!;
                return new SearchHit(Guid.Parse(d.Get(RegisterIndex.IdField)), stored.Name, stored.LegalForm, stored.Municipality,
                    stored.Snippet, new DateTime(stored.Confirmed, DateTimeKind.Utc), (Freshness)stored.Freshness);
            }).ToList();

            var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
            foreach (var facet in Facets.All)
            {
                var selected = filters.TryGetValue(facet, out var s) ? s : [];
                var counts = collector.Counts[facet];
                var values = counts.Select(kv => new FacetValue(kv.Key, kv.Value, selected.Contains(kv.Key)))
                    .Concat(selected.Where(v => !counts.ContainsKey(v)).Select(v => new FacetValue(v, 0, true)))
                    .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
                    .ToList();
                // Age bands read best youngest first; other facets by how many entries they hold.
                if (facet == Facets.Age)
                    values = values.OrderBy(v => Array.FindIndex(Taxonomy.AgeBands, b => b.Code == v.Value)).ToList();
                facets[facet] = values;
            }
            return new SearchResult(collector.TotalHits, items, facets, page, pageSize);
        });
    }

    /// Organisations whose ages overlap the range asked for ("10–15": those working with anyone from 10 to 15).
    private static void AddAges(BooleanQuery query, int? from, int? to)
    {
        if (to is { } t) query.Add(NumericRangeQuery.NewInt32Range(RegisterIndex.AgeFromField, null, t, true, true), Occur.MUST);
        if (from is { } f) query.Add(NumericRangeQuery.NewInt32Range(RegisterIndex.AgeToField, f, null, true, true), Occur.MUST);
    }

    /// A word seen in at least this many entries is taken as spelt right: no typo expansion, which is the costly part.
    public const int KnownWordDocFreq = 3;

    private BooleanQuery BuildQuery(string? text, bool includeDropped, IndexReader reader)
    {
        var root = new BooleanQuery
        {
            { new TermQuery(new Term(RegisterIndex.PublicField, "1")), Occur.MUST },
        };
        if (!includeDropped)
            root.Add(new TermQuery(new Term(RegisterIndex.FreshnessField, nameof(Freshness.Dropped))), Occur.MUST_NOT);

        var terms = string.IsNullOrWhiteSpace(text) ? [] : index.Terms(text.Length > 200 ? text[..200] : text);
        if (terms.Count == 0)
        {
            root.Add(new MatchAllDocsQuery(), Occur.MUST);
            return root;
        }
        for (var i = 0; i < terms.Count && i < 8; i++)
        {
            var term = terms[i];
            var isLast = i == terms.Count - 1;
            // Each word must match: exactly (best), in the name (better still), by prefix while typing, or with a typo.
            var word = new BooleanQuery
            {
                { new TermQuery(new Term(RegisterIndex.TextField, term)) { Boost = 3f }, Occur.SHOULD },
                { new TermQuery(new Term(RegisterIndex.NameField, term)) { Boost = 4f }, Occur.SHOULD },
            };
            // Typo tolerance only for words the index hardly knows, and not for short words, which have too many
            // neighbours one typo away.
            if (term.Length >= 5 && reader.DocFreq(new Term(RegisterIndex.TextField, term)) < KnownWordDocFreq)
                word.Add(new FuzzyQuery(new Term(RegisterIndex.TextField, term), term.Length >= 7 ? 2 : 1, 1, 20, true) { Boost = 0.8f }, Occur.SHOULD);
            if (isLast && term.Length >= 3)
                word.Add(new PrefixQuery(new Term(RegisterIndex.TextField, term)) { Boost = 1f }, Occur.SHOULD);
            root.Add(word, Occur.MUST);
        }
        return root;
    }

    /// Sees every document that matches the text; counts facet values for documents that pass all filters, or all
    /// but the one of the facet being counted; hands documents that pass every filter to the ranking collector.
    private sealed class FacetingCollector(RegisterIndex index, Dictionary<string, string[]> filters, ICollector ranking) : ICollector
    {
        public int TotalHits { get; private set; }
        public Dictionary<string, Dictionary<string, int>> Counts { get; } = Facets.All.ToDictionary(f => f, _ => new Dictionary<string, int>());

        private readonly string[] _filterFacets = filters.Keys.ToArray();
        private readonly int[] _filterFacetIndex = filters.Keys.Select(f => Array.IndexOf(Facets.All, f)).ToArray();
        private FixedBitSet?[] _filterBits = [];
        private SegmentFacets? _segment;
        private int[][] _ordCounts = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => ranking.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            var reader = context.AtomicReader;
            _filterBits = _filterFacets.Select(f => Bits(reader, f, filters[f])).ToArray();
            _segment = SegmentFacets.For(reader);
            _ordCounts = _segment.Values.Select(v => new int[v.Length]).ToArray();
            ranking.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            var missed = -1;
            var misses = 0;
            for (var i = 0; i < _filterBits.Length; i++)
            {
                if (_filterBits[i] is { } bits && bits.Get(doc)) continue;
                misses++;
                missed = i;
                if (misses > 1) return;
            }
            if (misses == 0)
            {
                TotalHits++;
                ranking.Collect(doc);
                for (var f = 0; f < _ordCounts.Length; f++) CountDoc(f, doc);
            }
            else
            {
                // Passes every filter but one: it counts only for that facet, which shows what else could be picked.
                CountDoc(_filterFacetIndex[missed], doc);
            }
        }

        private void CountDoc(int facet, int doc)
        {
            var starts = _segment!.Starts[facet];
            var ords = _segment.Ords[facet];
            var counts = _ordCounts[facet];
            for (int k = starts[doc], end = starts[doc + 1]; k < end; k++) counts[ords[k]]++;
        }

        /// Turns this segment's ordinal counts into value counts.
        private void Flush()
        {
            if (_segment is null) return;
            for (var f = 0; f < _ordCounts.Length; f++)
            {
                var counts = Counts[Facets.All[f]];
                var ords = _ordCounts[f];
                var values = _segment.Values[f];
                for (var ord = 0; ord < ords.Length; ord++)
                {
                    if (ords[ord] == 0) continue;
                    counts[values[ord]] = counts.GetValueOrDefault(values[ord]) + ords[ord];
                }
            }
            _segment = null;
        }

        internal void Finish() => Flush();

        private FixedBitSet? Bits(AtomicReader reader, string facet, string[] selected)
        {
            var field = RegisterIndex.FacetField(facet);
            FixedBitSet? union = null;
            foreach (var value in selected)
            {
                var bits = index.FacetFilterCache.GetOrAdd((reader.CoreCacheKey, field, value), _ =>
                {
                    var set = new FixedBitSet(reader.MaxDoc);
                    var docs = reader.GetTermDocsEnum(new Term(field, value));
                    if (docs is null) return set;
                    int d;
                    while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) set.Set(d);
                    return set;
                });
                if (selected.Length == 1) return bits;
                union ??= new FixedBitSet(reader.MaxDoc);
                union.Or(bits);
            }
            return union;
        }
    }
}

/// A segment's facet values as plain arrays, per facet: for each document the range [Starts[doc], Starts[doc + 1])
/// of its value ordinals in Ords, and each ordinal's value. Counting facets is then a tight loop over arrays instead
/// of a doc-values iterator call per document and facet, which at a million entries was most of a search's time.
/// Built once per segment (segments never change; a new one gets its own) and dropped with the segment.
internal sealed class SegmentFacets
{
    public int[][] Starts { get; }
    public int[][] Ords { get; }
    public string[][] Values { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, SegmentFacets> Cache = new();

    public static SegmentFacets For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentFacets(reader));

    private SegmentFacets(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        Starts = new int[Facets.All.Length][];
        Ords = new int[Facets.All.Length][];
        Values = new string[Facets.All.Length][];
        var scratch = new BytesRef();
        for (var f = 0; f < Facets.All.Length; f++)
        {
            var dv = reader.GetSortedSetDocValues(RegisterIndex.FacetValuesField(Facets.All[f]));
            var starts = new int[maxDoc + 1];
            var ords = new List<int>(dv is null ? 0 : maxDoc * 2);
            if (dv is not null)
            {
                for (var doc = 0; doc < maxDoc; doc++)
                {
                    starts[doc] = ords.Count;
                    dv.SetDocument(doc);
                    long ord;
                    while ((ord = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
                }
            }
            starts[maxDoc] = ords.Count;
            if (dv is null) Array.Fill(starts, 0);
            Starts[f] = starts;
            Ords[f] = [.. ords];
            var values = new string[dv?.ValueCount ?? 0];
            for (var ord = 0; ord < values.Length; ord++)
            {
                dv!.LookupOrd(ord, scratch);
                values[ord] = scratch.Utf8ToString();
            }
            Values[f] = values;
        }
    }
}
