using Samverka.Features.Register;
using Samverka.Features.Register.Exchange;
using Samverka.Features.Register.Search;

/// Realistic synthetic organisations: Swedish-like text from a vocabulary of thousands of words with a skewed
/// (Zipf) frequency, so some words appear in about a fifth of all entries and most are rare; facets skewed the way
/// real registers are (big municipalities, non-profit associations and Swedish dominate).
internal static class SyntheticRegister
{
    private static readonly string[] Domain =
    [
        "barn", "unga", "idrott", "fotboll", "kultur", "musik", "stöd", "psykisk", "hälsa", "träning", "läxhjälp", "språk",
        "integration", "gemenskap", "äldre", "familjer", "föräldrar", "skola", "ledare", "volontärer", "natur", "friluftsliv",
        "teater", "dans", "konst", "läsning", "bibliotek", "simning", "ridning", "schack", "körsång", "hantverk", "mötesplats",
        "samtal", "jour", "rådgivning", "boende", "arbete", "praktik", "entreprenörskap", "miljö", "klimat", "odling", "återbruk",
        "cykel", "kanot", "orientering", "basket", "handboll", "innebandy", "ishockey", "tennis", "badminton", "gymnastik",
        "scouter", "spel", "datorer", "programmering", "film", "foto", "matlagning", "trädgård", "hundar", "fiske", "jakt",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "ro", "stig", "berg", "lund", "ström", "vik", "sjö", "ne", "ma", "li", "ta", "ven", "dal", "holm", "by", "sta",
        "gård", "tor", "fors", "ås", "al", "ri", "se", "ko", "lin", "ber", "ga", "mo", "run", "häl", "skog", "fjäll", "bäck",
    ];

    private static readonly string[] Stop = ["och", "för", "med", "i", "på", "som", "till", "av", "alla", "vi"];
    private static readonly string[] Suffix = ["förening", "klubb", "IF", "IK", "sällskap", "nätverk", "forum", "center", "ungdomsgård", "jour"];

    public static readonly string[] Vocabulary = Build();

    private static string[] Build()
    {
        var random = new Random(7);
        var words = new List<string>(Domain);
        var seen = new HashSet<string>(Domain);
        while (words.Count < 8000)
        {
            var w = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            if (w.Length >= 5 && seen.Add(w)) words.Add(w);
        }
        return [.. words];
    }

    /// Zipf-like rank with an offset, so the most common word lands in roughly a fifth of the descriptions.
    private sealed class Zipf
    {
        private readonly double[] _cumulative;
        public Zipf(int size, double offset)
        {
            _cumulative = new double[size];
            var total = 0.0;
            for (var r = 0; r < size; r++) { total += 1.0 / (r + 1 + offset); _cumulative[r] = total; }
            for (var r = 0; r < size; r++) _cumulative[r] /= total;
        }
        public int Next(Random random)
        {
            var i = Array.BinarySearch(_cumulative, random.NextDouble());
            return i < 0 ? ~i : i;
        }
    }

    private static readonly string[] Municipalities = Samverka.Platform.Tenancy.ReferenceData.All
        .Where(r => r.Kind == Samverka.Platform.Tenancy.TenantKind.Municipality && r.Country == "SE").Select(r => r.Code).ToArray();

    public static List<ImportedOrganisation> Generate(int n, int seed)
    {
        var random = new Random(seed);
        var words = new Zipf(Vocabulary.Length, 12);
        var municipalities = new Zipf(Municipalities.Length, 5);
        var areas = new Zipf(Taxonomy.Areas.Length, 2);
        var groups = new Zipf(Taxonomy.TargetGroups.Length, 2);
        var languages = new Zipf(Taxonomy.Languages.Length - 1, 1);
        var forms = new[] { LegalForm.NonProfitAssociation, LegalForm.NonProfitAssociation, LegalForm.NonProfitAssociation, LegalForm.NonProfitAssociation,
            LegalForm.NonProfitAssociation, LegalForm.Foundation, LegalForm.SocialEnterprise, LegalForm.EconomicAssociation, LegalForm.InformalGroup, LegalForm.Company };
        var list = new List<ImportedOrganisation>(n);
        for (var i = 0; i < n; i++)
        {
            var home = Municipalities[municipalities.Next(random)];
            var tokens = Enumerable.Range(0, random.Next(12, 21)).Select(_ => random.Next(4) == 0 ? Stop[random.Next(Stop.Length)] : Vocabulary[words.Next(random)]);
            var from = random.Next(3) == 0 ? (int?)null : random.Next(0, 40);
            var to = from is null ? null : (int?)Math.Min(120, from.Value + random.Next(5, 60));
            list.Add(new ImportedOrganisation
            {
                Line = i + 2,
                Name = $"{Capital(Vocabulary[words.Next(random)])} {Suffix[random.Next(Suffix.Length)]} {i}",
                Description = Capital(string.Join(' ', tokens)) + ".",
                LegalForm = forms[random.Next(forms.Length)],
                HomeMunicipality = home,
                Areas = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Taxonomy.Areas[areas.Next(random)]).Distinct().ToList(),
                TargetGroups = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Taxonomy.TargetGroups[groups.Next(random)]).Distinct().ToList(),
                AgeFrom = from, AgeTo = to,
                MunicipalitiesServed = [home],
                Languages = ["sv", .. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Taxonomy.Languages[1 + languages.Next(random)]).Distinct()],
                LastConfirmed = DateTime.UtcNow.AddDays(-random.Next(0, 700)),
            });
        }
        return list;
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    public static Organisation ToOrganisation(ImportedOrganisation r, Dictionary<string, Guid> tenants) => new()
    {
        Name = r.Name, Description = r.Description, LegalForm = r.LegalForm, HomeMunicipalityId = tenants[r.HomeMunicipality], Areas = r.Areas,
        TargetGroups = r.TargetGroups, AgeFrom = r.AgeFrom, AgeTo = r.AgeTo, MunicipalitiesServed = r.MunicipalitiesServed, Languages = r.Languages,
        Status = VerificationStatus.Verified, LastConfirmedAt = r.LastConfirmed ?? DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };

    public sealed record Query(string Kind, SearchRequest Request, string Url);

    /// A fixed mix: a rare word, a common word, two words, a misspelt word and a prefix, each with two facet filters.
    public static List<Query> QueryMix(List<ImportedOrganisation> rows)
    {
        var topMunicipality = rows.GroupBy(r => r.HomeMunicipality).OrderByDescending(g => g.Count()).First().Key;
        var second = rows.GroupBy(r => r.HomeMunicipality).OrderByDescending(g => g.Count()).Skip(1).First().Key;
        (string Facet, string Value)[][] filters =
        [
            [(Facets.Municipality, topMunicipality), (Facets.Area, Taxonomy.Areas[0])],
            [(Facets.Area, Taxonomy.Areas[1]), (Facets.Language, "sv")],
            [(Facets.Municipality, second), (Facets.LegalForm, nameof(LegalForm.NonProfitAssociation))],
            [(Facets.Age, "13-17"), (Facets.TargetGroup, Taxonomy.TargetGroups[0])],
        ];
        var common = Vocabulary[0];
        var texts = new (string Kind, string Text)[]
        {
            ("rare", Vocabulary[3000]), ("rare", Vocabulary[5500]),
            ("common", common), ("common", Vocabulary[1]),
            ("two words", $"{Vocabulary[4]} {Vocabulary[40]}"), ("two words", $"{Vocabulary[2]} {Vocabulary[120]}"),
            ("misspelt", Misspell(Vocabulary[20])), ("misspelt", Misspell(Vocabulary[200])),
            ("prefix", Vocabulary[10][..4]), ("prefix", Vocabulary[60][..4]),
        };
        var mix = new List<Query>();
        for (var i = 0; i < texts.Length; i++)
        {
            var f = filters[i % filters.Length];
            var request = new SearchRequest(texts[i].Text, f.GroupBy(x => x.Facet).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Value).ToList()));
            var url = $"/api/v1/organisations?q={Uri.EscapeDataString(texts[i].Text)}&" + string.Join("&", f.Select(x => $"{x.Facet}={Uri.EscapeDataString(x.Value)}"));
            mix.Add(new Query(texts[i].Kind, request, url));
        }
        return mix;
    }

    private static string Misspell(string word) => word.Length < 5 ? word : word[..2] + word[3] + word[2] + word[4..];
}
