using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Samverka.Features.Register.Search;

public sealed class SearchIndexOptions
{
    public const string Section = "Register";

    /// Folder of this instance's search index; relative to the content root. In-memory when empty.
    public string IndexPath { get; set; } = "data/search-index";
}

/// The register's embedded Lucene index: the database is the system of record, this is a per-instance cache built
/// from it and kept in step by RegisterIndexFollower. Search with facet counts over a million entries in a few
/// milliseconds, where the databases need a hundred or more (docs/benchmarks.md).
public sealed class RegisterIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    internal const string IdField = "id", NameField = "name", TextField = "text", NameSortField = "name_sort",
        ConfirmedField = "confirmed", PublicField = "public", FreshnessField = "freshness", StoredField = "doc";
    internal const string LastChangeKey = "last_change", SchemaKey = "schema";
    internal const string AgeFromField = "age_from", AgeToField = "age_to";

    /// Counted up when the documents gain or change fields: an index written by an older build is then rebuilt.
    internal const string Schema = "2";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly object _writeLock = new();
    public Analyzer Analyzer { get; }

    public RegisterIndex(string? path)
    {
        _directory = string.IsNullOrEmpty(path) ? new RAMDirectory() : FSDirectory.Open(path);
        Analyzer = new PerFieldAnalyzerWrapper(new SwedishAnalyzer(Version), new Dictionary<string, Analyzer>
        {
            [IdField] = new KeywordAnalyzer(),
        });
        var config = new IndexWriterConfig(Version, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 256,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, true, null);
    }

    /// The id of the last RegisterChange this index contains; -1 when the index is new or was never filled.
    public long LastChangeId
    {
        get
        {
            var data = _writer.CommitData;
            return data is not null && data.TryGetValue(SchemaKey, out var schema) && schema == Schema
                && data.TryGetValue(LastChangeKey, out var v) && long.TryParse(v, out var id) ? id : -1;
        }
    }

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { _searchers.Release(searcher); }
        }
    }

    public void Upsert(IReadOnlyCollection<SearchDocument> documents)
    {
        lock (_writeLock)
        {
            // IndexWriter takes documents from several threads at once (one in-memory segment per thread), and
            // analysing the text is most of the work: large batches (a rebuild, an import) use every core.
            if (documents.Count >= 1000)
                Parallel.ForEach(documents, d => _writer.UpdateDocument(new Term(IdField, d.Id.ToString()), Build(d)));
            else
                foreach (var d in documents) _writer.UpdateDocument(new Term(IdField, d.Id.ToString()), Build(d));
        }
    }

    public void Delete(IEnumerable<Guid> ids)
    {
        lock (_writeLock)
        {
            foreach (var id in ids) _writer.DeleteDocuments(new Term(IdField, id.ToString()));
        }
    }

    public void DeleteAll()
    {
        lock (_writeLock) _writer.DeleteAll();
    }

    /// Makes the changes durable (with the change id they reach) and visible to new searches.
    public void Commit(long lastChangeId)
    {
        lock (_writeLock)
        {
            _writer.SetCommitData(new Dictionary<string, string> { [LastChangeKey] = lastChangeId.ToString(), [SchemaKey] = Schema });
            _writer.Commit();
        }
        _searchers.MaybeRefreshBlocking();
        FacetFilterCache.Clear();
        WarmFacets();
    }

    /// Builds the facet arrays of new segments now rather than in the first search that meets them.
    private void WarmFacets() => WithSearcher(s =>
    {
        foreach (var leaf in s.IndexReader.Leaves) SegmentFacets.For(leaf.AtomicReader);
        return 0;
    });

    /// Merges to one segment: fastest to search; after a bulk load.
    public void Optimize()
    {
        lock (_writeLock) _writer.ForceMerge(1);
        _searchers.MaybeRefreshBlocking();
        FacetFilterCache.Clear();
        WarmFacets();
    }

    internal T WithSearcher<T>(Func<IndexSearcher, T> use)
    {
        var searcher = _searchers.Acquire();
        try { return use(searcher); }
        finally { _searchers.Release(searcher); }
    }

    /// The analysed (lower-cased, stemmed) terms of a text, as they are in the index.
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = Analyzer.GetTokenStream(TextField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    internal static string FacetField(string facet) => "f_" + facet;
    internal static string FacetValuesField(string facet) => "dv_" + facet;

    private static Document Build(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(IdField, d.Id.ToString(), Field.Store.YES),
            new Lucene.Net.Documents.TextField(NameField, string.Join(" ", [d.Name, .. d.OtherNames]), Field.Store.NO),
            new Lucene.Net.Documents.TextField(TextField, string.Join(" ", [d.Name, .. d.OtherNames, d.Description, .. d.ServiceTexts]), Field.Store.NO),
            new SortedDocValuesField(NameSortField, new BytesRef(d.Name.ToLowerInvariant())),
            new NumericDocValuesField(ConfirmedField, d.LastConfirmedAt.Ticks),
            new StringField(PublicField, d.Public ? "1" : "0", Field.Store.NO),
            new StringField(FreshnessField, d.Freshness.ToString(), Field.Store.NO),
            // The ages served, open ends as wide as they go, for "ages 10–15" searches.
            new Int32Field(AgeFromField, d.AgeFrom ?? 0, Field.Store.NO),
            new Int32Field(AgeToField, d.AgeTo ?? Taxonomy.OldestAge, Field.Store.NO),
            new StoredField(StoredField, System.Text.Json.JsonSerializer.Serialize(new StoredHit(d.Name, d.LegalForm, d.HomeMunicipalityName,
                d.Description.Length > 240 ? d.Description[..240] + "…" : d.Description, d.LastConfirmedAt.Ticks, (int)d.Freshness))),
        };
        AddFacet(doc, Facets.Municipality, d.Municipalities);
        AddFacet(doc, Facets.Area, d.Areas);
        AddFacet(doc, Facets.TargetGroup, d.TargetGroups);
        AddFacet(doc, Facets.Age, d.AgeBands);
        AddFacet(doc, Facets.LegalForm, [d.LegalForm]);
        AddFacet(doc, Facets.Language, d.Languages);
        return doc;
    }

    internal sealed record StoredHit(string Name, string LegalForm, string? Municipality, string Snippet, long Confirmed, int Freshness);

    private static void AddFacet(Document doc, string facet, IEnumerable<string> values)
    {
        foreach (var v in values.Distinct())
        {
            doc.Add(new StringField(FacetField(facet), v, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(FacetValuesField(facet), new BytesRef(v)));
        }
    }

    /// Per segment and facet value, the documents that have it; rebuilt when the index changes.
    internal ConcurrentDictionary<(object Segment, string Field, string Value), FixedBitSet> FacetFilterCache { get; } = new();

    public void Dispose()
    {
        _searchers.Dispose();
        lock (_writeLock) _writer.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }
}
