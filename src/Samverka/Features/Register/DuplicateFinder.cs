using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Samverka.Features.Register.Search;

namespace Samverka.Features.Register;

public sealed record DuplicateCandidate(Guid Id, string Name, string? OrganisationNumber, string Reason);

/// Probable duplicates of a new or imported entry: the same organisation number anywhere, or a very similar name
/// in the same home municipality (found through the search index, then compared letter by letter).
public sealed class DuplicateFinder(AppDbContext db, RegisterIndex index)
{
    public const double SimilarityThreshold = 0.85;

    public async Task<List<DuplicateCandidate>> FindAsync(string name, string? organisationNumber, string? homeMunicipalityCode, Guid? except, CancellationToken ct)
    {
        var found = new Dictionary<Guid, DuplicateCandidate>();
        if (!string.IsNullOrWhiteSpace(organisationNumber))
        {
            var sameNumber = await db.Set<Organisation>().AsNoTracking()
                .Where(o => o.OrganisationNumber == organisationNumber && o.Id != except)
                .Select(o => new { o.Id, o.Name, o.OrganisationNumber }).Take(10).ToListAsync(ct);
            foreach (var o in sameNumber) found[o.Id] = new(o.Id, o.Name, o.OrganisationNumber, "SameNumber");
        }
        if (homeMunicipalityCode is not null)
        {
            foreach (var id in SimilarNames(name, homeMunicipalityCode).Where(id => id != except && !found.ContainsKey(id)))
            {
                var o = await db.Set<Organisation>().AsNoTracking().Where(x => x.Id == id)
                    .Select(x => new { x.Id, x.Name, x.OrganisationNumber }).SingleOrDefaultAsync(ct);
                if (o is not null && Similarity(o.Name, name) >= SimilarityThreshold)
                    found[o.Id] = new(o.Id, o.Name, o.OrganisationNumber, "SimilarName");
            }
        }
        return found.Values.ToList();
    }

    /// Entries in the register with a very similar name in the same municipality, read from the search index
    /// alone (no database round trip per candidate), for checking many names at once (an import file).
    public List<(Guid Id, string Name)> SimilarInRegister(string name, string homeMunicipalityCode, Guid? except)
    {
        var query = SimilarNamesQuery(name, homeMunicipalityCode);
        if (query is null) return [];
        return index.WithSearcher(s => s.Search(query, 10).ScoreDocs
            .Select(d => s.Doc(d.Doc))
            .Select(doc => (Id: Guid.Parse(doc.Get(RegisterIndex.IdField)),
                Name: System.Text.Json.JsonSerializer.Deserialize<RegisterIndex.StoredHit>(doc.Get(RegisterIndex.StoredField))!.Name))
            .Where(x => x.Id != except && Similarity(x.Name, name) >= SimilarityThreshold)
            .ToList());
    }

    /// Pairs of entries in one list (the rows of an import file) whose names are very similar within the same
    /// municipality, as (earlier, later) positions. Sorted-neighbourhood comparison: the names are sorted
    /// (normalised, and again read backwards, so a difference at either end still leaves them close) and each is
    /// compared with the next `window` names of its municipality, which keeps a file of 100 000 rows linear.
    public static List<(int First, int Second)> SimilarWithin(IReadOnlyList<(string Name, string Municipality)> entries, int window = 20)
    {
        var normalised = entries.Select(e => Normalise(e.Name)).ToArray();
        var pairs = new HashSet<(int, int)>();
        foreach (var key in new Func<int, string>[] { i => normalised[i], i => new string(normalised[i].Reverse().ToArray()) })
        {
            var order = Enumerable.Range(0, entries.Count)
                .OrderBy(i => entries[i].Municipality, StringComparer.Ordinal).ThenBy(key, StringComparer.Ordinal).ToArray();
            for (var a = 0; a < order.Length; a++)
                for (var b = a + 1; b < order.Length && b <= a + window; b++)
                {
                    int i = order[a], j = order[b];
                    if (entries[i].Municipality != entries[j].Municipality) break;
                    if (normalised[i].Length == 0 || normalised[j].Length == 0) continue;
                    if (VerySimilar(normalised[i], normalised[j])) pairs.Add((Math.Min(i, j), Math.Max(i, j)));
                }
        }
        return pairs.OrderBy(p => p.Item2).ThenBy(p => p.Item1).ToList();
    }

    private List<Guid> SimilarNames(string name, string municipality)
    {
        var query = SimilarNamesQuery(name, municipality);
        if (query is null) return [];
        return index.WithSearcher(s => s.Search(query, 10).ScoreDocs
            .Select(d => Guid.Parse(s.Doc(d.Doc).Get(RegisterIndex.IdField))).ToList());
    }

    private Query? SimilarNamesQuery(string name, string municipality)
    {
        var terms = index.Terms(name);
        if (terms.Count == 0) return null;
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(RegisterIndex.FacetField(Facets.Municipality), municipality)), Occur.MUST },
        };
        var words = new BooleanQuery();
        foreach (var t in terms.Take(8))
            words.Add(t.Length >= 5 ? new FuzzyQuery(new Term(RegisterIndex.NameField, t), 2) : new TermQuery(new Term(RegisterIndex.NameField, t)), Occur.SHOULD);
        query.Add(words, Occur.MUST);
        return query;
    }

    /// 1 for the same name (ignoring case, accents, punctuation and the word "förening"), falling with edit distance.
    public static double Similarity(string a, string b)
    {
        var x = Normalise(a);
        var y = Normalise(b);
        if (x.Length == 0 || y.Length == 0) return 0;
        return 1.0 - (double)Levenshtein(x, y) / Math.Max(x.Length, y.Length);
    }

    /// Whether two normalised names reach the threshold; skips the edit distance when their lengths alone rule it out.
    private static bool VerySimilar(string x, string y)
    {
        var longest = Math.Max(x.Length, y.Length);
        if (1.0 - (double)Math.Abs(x.Length - y.Length) / longest < SimilarityThreshold) return false;
        return 1.0 - (double)Levenshtein(x, y) / longest >= SimilarityThreshold;
    }

    private static readonly string[] NoiseWords = ["föreningen", "förening", "ideella", "ideell", "the", "association"];

    private static string Normalise(string s)
    {
        var decomposed = s.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            letters.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return string.Join(' ', letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !NoiseWords.Contains(w)));
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
