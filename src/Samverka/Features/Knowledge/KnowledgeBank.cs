using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Markdig;

namespace Samverka.Features.Knowledge;

public sealed record KnowledgeArticle(string Slug, string Language, string Title, string Summary, string Category,
    int Order, IReadOnlyList<string> Keywords, string Html, IReadOnlyList<string> Anchors);

public sealed record KnowledgeHit(KnowledgeArticle Article, float Score);

/// The knowledge bank: Markdown articles shipped with the app (Content/{sv,en}/{slug}.md), rendered once at start
/// and searched with a small in-memory Lucene index per language (Swedish and English stemming, prefixes, typos).
public sealed partial class KnowledgeBank : IDisposable
{
    public static readonly string[] Categories = ["lifecycle", "principles", "forms", "participation", "municipality", "cases"];
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Dictionary<string, Dictionary<string, KnowledgeArticle>> _byLanguage = [];
    private readonly Dictionary<string, (RAMDirectory Dir, Analyzer Analyzer, DirectoryReader Reader)> _indexes = [];

    public KnowledgeBank()
    {
        var pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseAutoIdentifiers()
            .UseGenericAttributes().Build();
        var assembly = typeof(KnowledgeBank).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Knowledge.", StringComparison.Ordinal)))
        {
            // Knowledge.{language}.{slug}.md
            var parts = name.Split('.');
            var (language, slug) = (parts[1], string.Join('.', parts[2..^1]));
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var article = Parse(slug, language, reader.ReadToEnd(), pipeline);
            if (!_byLanguage.TryGetValue(language, out var articles)) _byLanguage[language] = articles = [];
            articles[slug] = article;
        }
        foreach (var (language, articles) in _byLanguage) _indexes[language] = BuildIndex(language, articles.Values);
    }

    public IReadOnlyCollection<string> Languages => _byLanguage.Keys;

    public static string LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "en" : "sv";

    public IReadOnlyList<KnowledgeArticle> All(CultureInfo culture) =>
        (_byLanguage.GetValueOrDefault(LanguageOf(culture))?.Values ?? Enumerable.Empty<KnowledgeArticle>())
        .OrderBy(a => Array.IndexOf(Categories, a.Category)).ThenBy(a => a.Order).ThenBy(a => a.Title).ToList();

    public IReadOnlyList<KnowledgeArticle> All(string language) =>
        _byLanguage.GetValueOrDefault(language)?.Values.ToList() ?? [];

    public KnowledgeArticle? Find(string slug, CultureInfo culture) =>
        _byLanguage.GetValueOrDefault(LanguageOf(culture))?.GetValueOrDefault(slug)
        ?? _byLanguage.GetValueOrDefault("sv")?.GetValueOrDefault(slug);

    /// Free-text search over titles, summaries, keywords and text, best first.
    public IReadOnlyList<KnowledgeHit> Search(string query, CultureInfo culture, int max = 50)
    {
        var language = LanguageOf(culture);
        if (!_indexes.TryGetValue(language, out var index) || string.IsNullOrWhiteSpace(query)) return [];
        var terms = Terms(index.Analyzer, query);
        if (terms.Count == 0) return [];
        // Every word must match; when nothing does, any word may (a stray word should not empty the page).
        var hits = Run(index.Reader, language, terms, Occur.MUST, max);
        return hits.Count == 0 && terms.Count > 1 ? Run(index.Reader, language, terms, Occur.SHOULD, max) : hits;
    }

    private List<KnowledgeHit> Run(DirectoryReader reader, string language, List<string> terms, Occur occur, int max)
    {
        var all = new BooleanQuery();
        foreach (var term in terms)
        {
            var word = new BooleanQuery();
            foreach (var (field, boost) in new[] { ("title", 4f), ("keywords", 3f), ("summary", 2f), ("body", 1f) })
            {
                word.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
                word.Add(new PrefixQuery(new Term(field, term)) { Boost = boost * 0.6f }, Occur.SHOULD);
                if (term.Length >= 5) word.Add(new FuzzyQuery(new Term(field, term), 1, 1) { Boost = boost * 0.4f }, Occur.SHOULD);
            }
            all.Add(word, occur);
        }
        var searcher = new IndexSearcher(reader);
        var articles = _byLanguage[language];
        return searcher.Search(all, max).ScoreDocs
            .Select(d => new KnowledgeHit(articles[searcher.Doc(d.Doc).Get("slug")], d.Score)).ToList();
    }

    private static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("body", text);
        var attr = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(attr.ToString());
        stream.End();
        return terms.Distinct().Take(12).ToList();
    }

    private static (RAMDirectory, Analyzer, DirectoryReader) BuildIndex(string language, IEnumerable<KnowledgeArticle> articles)
    {
        var dir = new RAMDirectory();
        Analyzer analyzer = language == "en" ? new EnglishAnalyzer(Version) : new SwedishAnalyzer(Version);
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(Version, analyzer)))
        {
            foreach (var a in articles)
            {
                writer.AddDocument(new Document
                {
                    new StringField("slug", a.Slug, Field.Store.YES),
                    new TextField("title", a.Title, Field.Store.NO),
                    new TextField("summary", a.Summary, Field.Store.NO),
                    new TextField("keywords", string.Join(' ', a.Keywords), Field.Store.NO),
                    new TextField("body", TagPattern().Replace(a.Html, " "), Field.Store.NO),
                });
            }
            writer.Commit();
        }
        return (dir, analyzer, DirectoryReader.Open(dir));
    }

    /// Splits the front matter (key: value lines between --- fences) from the Markdown body.
    internal static KnowledgeArticle Parse(string slug, string language, string text, MarkdownPipeline pipeline)
    {
        text = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            throw new InvalidDataException($"Knowledge article {language}/{slug} has no front matter.");
        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0) throw new InvalidDataException($"Knowledge article {language}/{slug}: front matter is not closed.");
        var meta = text[4..end].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        var body = text[(text.IndexOf('\n', end + 1) + 1)..];
        string Need(string key) => meta.TryGetValue(key, out var v) && v.Length > 0
            ? v : throw new InvalidDataException($"Knowledge article {language}/{slug} lacks '{key}'.");
        var html = Markdown.ToHtml(body, pipeline);
        var anchors = AnchorPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        return new KnowledgeArticle(slug, language, Need("title"), Need("summary"), Need("category"),
            int.TryParse(meta.GetValueOrDefault("order"), out var order) ? order : 99,
            (meta.GetValueOrDefault("keywords") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            html, anchors);
    }

    public void Dispose()
    {
        foreach (var (dir, analyzer, reader) in _indexes.Values) { reader.Dispose(); analyzer.Dispose(); dir.Dispose(); }
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<h[2-6][^>]* id=\"([^\"]+)\"")]
    private static partial Regex AnchorPattern();
}
