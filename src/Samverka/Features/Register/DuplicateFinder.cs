using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Samverka.Features.Register.Search;
using Samverka.Platform.Data;

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

    private List<Guid> SimilarNames(string name, string municipality)
    {
        var terms = index.Terms(name);
        if (terms.Count == 0) return [];
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(RegisterIndex.FacetField(Facets.Municipality), municipality)), Occur.MUST },
        };
        var words = new BooleanQuery();
        foreach (var t in terms.Take(8))
            words.Add(t.Length >= 5 ? new FuzzyQuery(new Term(RegisterIndex.NameField, t), 2) : new TermQuery(new Term(RegisterIndex.NameField, t)), Occur.SHOULD);
        query.Add(words, Occur.MUST);
        return index.WithSearcher(s => s.Search(query, 10).ScoreDocs
            .Select(d => Guid.Parse(s.Doc(d.Doc).Get(RegisterIndex.IdField))).ToList());
    }

    /// 1 for the same name (ignoring case, accents, punctuation and the word "förening"), falling with edit distance.
    public static double Similarity(string a, string b)
    {
        var x = Normalise(a);
        var y = Normalise(b);
        if (x.Length == 0 || y.Length == 0) return 0;
        return 1.0 - (double)Levenshtein(x, y) / Math.Max(x.Length, y.Length);
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
