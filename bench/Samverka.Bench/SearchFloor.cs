using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Samverka.Features.Register;
using Samverka.Features.Register.Search;

/// The plain-SQL floor for the register search: the same query mix answered by the database's own full-text search,
/// with no application code between the query and the rows except building the SQL text.
///
/// Query semantics follow RegisterSearch as far as the database allows: every word must match; the last word also
/// matches as a prefix; a word of five letters or more that fewer than three entries contain gets typo expansion
/// (one edit, two from seven letters); public entries only, dropped ones left out; two facet filters (OR within a
/// facet, AND across); the top 20 by the database's relevance score; the total; and the counts of all six facets,
/// each counted as if its own filter were not set.
///
/// SQLite: a contentless FTS5 table over name and description (unicode61 tokenizer keeping å, ä and ö, which are
/// letters of their own in Swedish; prefix indexes for
/// 2–4 characters, bm25 with the name weighted 4:1). FTS5 has no Swedish stemmer, so words match as written.
/// Typo expansion is spellfix-like: the index's own vocabulary (an fts5vocab table) gives the terms with the same
/// first letter and a length within reach, and the edit distance (a swap of neighbours counting as one edit, as in
/// Lucene) is checked in C# before at most 20 of them go into the MATCH expression. (A trigram index over the
/// vocabulary was tried first: a swapped letter in a five-letter word leaves no trigram in common, so it found
/// nothing.)
///
/// PostgreSQL: a tsvector table (to_tsvector('swedish', …), name weight A, description weight B) with a GIN index,
/// ranked by ts_rank; typo expansion through a table of the index's lexemes (ts_stat) with a pg_trgm GIN index,
/// candidates by trigram similarity (pg_trgm's `%`, default threshold 0.3), best 10.
///
/// Both answer each search with one statement: the matching entries are materialised once (a CTE) with a flag
/// per filter, and the top 20, the total and the six GROUP BY facet counts are read from it.
internal sealed class SearchFloor(string provider, DbConnection connection)
{
    private bool IsSqlite => provider == "Sqlite";

    public static async Task<SearchFloor> BuildAsync(string provider, DbConnection connection)
    {
        var floor = new SearchFloor(provider, connection);
        var sw = Stopwatch.StartNew();
        if (floor.IsSqlite)
        {
            await floor.ExecAsync("DROP TABLE IF EXISTS floor_fts; DROP TABLE IF EXISTS floor_vocab;");
            await floor.ExecAsync("CREATE VIRTUAL TABLE floor_fts USING fts5(name, description, content='', tokenize='unicode61 remove_diacritics 0', prefix='2 3 4')");
            await floor.ExecAsync("INSERT INTO floor_fts(rowid, name, description) SELECT rowid, Name, Description FROM Organisation");
            await floor.ExecAsync("INSERT INTO floor_fts(floor_fts) VALUES ('optimize')");
            await floor.ExecAsync("CREATE VIRTUAL TABLE floor_vocab USING fts5vocab(floor_fts, 'row')");
        }
        else
        {
            await floor.ExecAsync("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            await floor.ExecAsync("DROP TABLE IF EXISTS floor_fts; DROP TABLE IF EXISTS floor_words;");
            await floor.ExecAsync("""
                CREATE TABLE floor_fts AS SELECT "Id" AS id,
                    setweight(to_tsvector('swedish', "Name"), 'A') || setweight(to_tsvector('swedish', "Description"), 'B') AS doc
                FROM "Organisation"
                """);
            await floor.ExecAsync("ALTER TABLE floor_fts ADD PRIMARY KEY (id)");
            await floor.ExecAsync("CREATE INDEX floor_fts_doc ON floor_fts USING gin (doc)");
            await floor.ExecAsync("CREATE TABLE floor_words AS SELECT word, ndoc FROM ts_stat('SELECT doc FROM floor_fts')");
            await floor.ExecAsync("CREATE UNIQUE INDEX floor_words_word ON floor_words (word)");
            await floor.ExecAsync("CREATE INDEX floor_words_trgm ON floor_words USING gin (word gin_trgm_ops)");
            await floor.ExecAsync("ANALYZE floor_fts; ANALYZE floor_words; ANALYZE \"Organisation\"; ANALYZE \"Tenants\"");
        }
        Console.WriteLine($"  floor: full-text tables and indexes built in {sw.Elapsed.TotalSeconds:F1} s");
        return floor;
    }

    /// Runs one search; returns the total and the number of facet values counted (to check it did the work).
    public async Task<(int Total, int FacetRows, int Top)> RunAsync(SearchRequest request)
    {
        var words = Words(request.Query ?? "");
        var match = IsSqlite ? await SqliteMatchAsync(words) : await PostgresQueryAsync(words);
        var filters = request.Filters.Where(f => f.Value.Count > 0).Select(f => (Facet: f.Key, Values: f.Value)).ToList();
        var sql = IsSqlite ? SqliteSql(match, filters) : PostgresSql(match, filters);
        if (Environment.GetEnvironmentVariable("SAMVERKA_BENCH_SHOW_SQL") is "1") Console.WriteLine($"  floor query for '{request.Query}': {match}");
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        int total = 0, facetRows = 0, top = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            switch (reader.GetString(0))
            {
                case "top": top++; break;
                case "total": total = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture); break;
                default: facetRows++; break;
            }
        }
        return (total, facetRows, top);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.ToLowerInvariant() + " ")
        {
            if (char.IsLetterOrDigit(c)) current.Append(c);
            else if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
        }
        return words.Take(8).ToList();
    }

    // ---- SQLite ----

    private async Task<string> SqliteMatchAsync(List<string> words)
    {
        var parts = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var alternatives = new List<string> { Quote(w) + (i == words.Count - 1 && w.Length >= 3 ? " *" : "") };
            if (w.Length >= 5 && await ScalarLongAsync($"SELECT coalesce((SELECT doc FROM floor_vocab WHERE term = {Literal(w)}), 0)") < 3)
            {
                // Candidates: the index's own terms with the same first letter and a length within reach (the
                // vocabulary table answers a term range from the index); the edit distance is checked here.
                var maxEdits = w.Length >= 7 ? 2 : 1;
                var candidates = await StringsAsync($"SELECT term FROM floor_vocab WHERE term >= {Literal(w[..1])} AND term < {Literal(((char)(w[0] + 1)).ToString())}"
                    + $" AND length(term) BETWEEN {w.Length - maxEdits} AND {w.Length + maxEdits} ORDER BY doc DESC");
                alternatives.AddRange(candidates.Where(c => c != w && Levenshtein(c, w) <= maxEdits).Take(20).Select(Quote));
            }
            parts.Add("(" + string.Join(" OR ", alternatives) + ")");
        }
        return string.Join(" AND ", parts);
    }

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"") + "\"";

    private static string SqliteSql(string match, List<(string Facet, IReadOnlyList<string> Values)> filters)
    {
        string FilterSql(string facet, IReadOnlyList<string> values) => facet switch
        {
            Facets.Municipality => $"(EXISTS (SELECT 1 FROM json_each(o.MunicipalitiesServed) WHERE value IN ({List(values)})) OR o.HomeMunicipalityId IN (SELECT Id FROM Tenants WHERE Code IN ({List(values)})))",
            Facets.Area => $"EXISTS (SELECT 1 FROM json_each(o.Areas) WHERE value IN ({List(values)}))",
            Facets.TargetGroup => $"EXISTS (SELECT 1 FROM json_each(o.TargetGroups) WHERE value IN ({List(values)}))",
            Facets.Language => $"EXISTS (SELECT 1 FROM json_each(o.Languages) WHERE value IN ({List(values)}))",
            Facets.LegalForm => $"o.LegalForm IN ({LegalForms(values)})",
            Facets.Age => "(" + string.Join(" OR ", Bands(values).Select(b => $"(coalesce(o.AgeFrom, 0) <= {b.To} AND coalesce(o.AgeTo, 150) >= {b.From})")) + ")",
            _ => throw new ArgumentException(facet),
        };
        var (flags, conditions) = Conditions(filters, FilterSql);
        var sb = new StringBuilder();
        sb.Append($"""
            WITH h AS MATERIALIZED (
              SELECT o.rowid AS rid, o.Id AS id, o.Name AS name, bm25(floor_fts, 4.0, 1.0) AS score, {flags},
                     o.MunicipalitiesServed AS ms, o.HomeMunicipalityId AS home, o.Areas AS areas, o.TargetGroups AS tg,
                     o.AgeFrom AS af, o.AgeTo AS ato, o.LegalForm AS lf, o.Languages AS lang
              FROM floor_fts JOIN Organisation o ON o.rowid = floor_fts.rowid
              WHERE floor_fts MATCH {Literal(match)} AND o.Status = {(int)VerificationStatus.Verified} AND o.Freshness <> {(int)Freshness.Dropped})
            SELECT 'top', name, score, id FROM (SELECT name, score, id FROM h WHERE {conditions[""]} ORDER BY score LIMIT 20)
            UNION ALL SELECT 'total', NULL, count(*), NULL FROM h WHERE {conditions[""]}
            UNION ALL SELECT 'municipality', v, count(*), NULL FROM (
              SELECT h.rid, j.value AS v FROM h, json_each(h.ms) j WHERE {conditions[Facets.Municipality]}
              UNION SELECT h.rid, t.Code FROM h JOIN Tenants t ON t.Id = h.home WHERE {conditions[Facets.Municipality]}) GROUP BY v
            UNION ALL SELECT 'area', j.value, count(*), NULL FROM h, json_each(h.areas) j WHERE {conditions[Facets.Area]} GROUP BY j.value
            UNION ALL SELECT 'targetGroup', j.value, count(*), NULL FROM h, json_each(h.tg) j WHERE {conditions[Facets.TargetGroup]} GROUP BY j.value
            UNION ALL SELECT 'language', j.value, count(*), NULL FROM h, json_each(h.lang) j WHERE {conditions[Facets.Language]} GROUP BY j.value
            UNION ALL SELECT 'legalForm', h.lf, count(*), NULL FROM h WHERE {conditions[Facets.LegalForm]} GROUP BY h.lf
            UNION ALL SELECT 'age', b.code, count(*), NULL FROM h JOIN (SELECT column1 AS code, column2 AS lo, column3 AS hi FROM (VALUES {BandValues()})) b
              ON b.lo <= coalesce(h.ato, 150) AND b.hi >= coalesce(h.af, 0) WHERE {conditions[Facets.Age]} GROUP BY b.code
            """);
        return sb.ToString();
    }

    // ---- PostgreSQL ----

    private async Task<string> PostgresQueryAsync(List<string> words)
    {
        var parts = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            // The word as the Swedish configuration stems it; empty for stop words, which are left out.
            var lexeme = (await StringsAsync($"SELECT lexeme FROM unnest(to_tsvector('swedish', {Literal(w)}))")).FirstOrDefault();
            if (lexeme is null) continue;
            var alternatives = new List<string> { QuoteLexeme(lexeme) + (i == words.Count - 1 && w.Length >= 3 ? ":*" : "") };
            if (w.Length >= 5 && await ScalarLongAsync($"SELECT coalesce((SELECT ndoc FROM floor_words WHERE word = {Literal(lexeme)}), 0)") < 3)
            {
                var similar = await StringsAsync($"SELECT word FROM floor_words WHERE word % {Literal(lexeme)} ORDER BY similarity(word, {Literal(lexeme)}) DESC LIMIT 10");
                alternatives.AddRange(similar.Where(s => s != lexeme).Select(QuoteLexeme));
            }
            parts.Add("(" + string.Join(" | ", alternatives) + ")");
        }
        return parts.Count == 0 ? "" : string.Join(" & ", parts);
    }

    private static string QuoteLexeme(string lexeme) => "'" + lexeme.Replace("'", "''").Replace("\\", "\\\\") + "'";

    private static string PostgresSql(string query, List<(string Facet, IReadOnlyList<string> Values)> filters)
    {
        string FilterSql(string facet, IReadOnlyList<string> values) => facet switch
        {
            Facets.Municipality => $"(o.\"MunicipalitiesServed\" && ARRAY[{List(values)}] OR o.\"HomeMunicipalityId\" IN (SELECT \"Id\" FROM \"Tenants\" WHERE \"Code\" IN ({List(values)})))",
            Facets.Area => $"o.\"Areas\" && ARRAY[{List(values)}]",
            Facets.TargetGroup => $"o.\"TargetGroups\" && ARRAY[{List(values)}]",
            Facets.Language => $"o.\"Languages\" && ARRAY[{List(values)}]",
            Facets.LegalForm => $"o.\"LegalForm\" IN ({LegalForms(values)})",
            Facets.Age => "(" + string.Join(" OR ", Bands(values).Select(b => $"(coalesce(o.\"AgeFrom\", 0) <= {b.To} AND coalesce(o.\"AgeTo\", 150) >= {b.From})")) + ")",
            _ => throw new ArgumentException(facet),
        };
        var (flags, conditions) = Conditions(filters, FilterSql);
        return $"""
            WITH q AS (SELECT to_tsquery('simple', {Literal(query)}) AS q),  -- lexemes already stemmed by the swedish configuration
            h AS MATERIALIZED (
              SELECT o."Id" AS id, o."Name" AS name, ts_rank(f.doc, q.q) AS score, {flags},
                     o."MunicipalitiesServed" AS ms, o."HomeMunicipalityId" AS home, o."Areas" AS areas, o."TargetGroups" AS tg,
                     o."AgeFrom" AS af, o."AgeTo" AS ato, o."LegalForm" AS lf, o."Languages" AS lang
              FROM q, floor_fts f JOIN "Organisation" o ON o."Id" = f.id
              WHERE f.doc @@ q.q AND o."Status" = {(int)VerificationStatus.Verified} AND o."Freshness" <> {(int)Freshness.Dropped})
            SELECT 'top', name, score::float8, id FROM (SELECT name, score, id FROM h WHERE {conditions[""]} ORDER BY score DESC LIMIT 20) t
            UNION ALL SELECT 'total', NULL, count(*), NULL FROM h WHERE {conditions[""]}
            UNION ALL SELECT 'municipality', v, count(*), NULL FROM (
              SELECT h.id, v FROM h, unnest(h.ms) v WHERE {conditions[Facets.Municipality]}
              UNION SELECT h.id, t."Code" FROM h JOIN "Tenants" t ON t."Id" = h.home WHERE {conditions[Facets.Municipality]}) m GROUP BY v
            UNION ALL SELECT 'area', v, count(*), NULL FROM h, unnest(h.areas) v WHERE {conditions[Facets.Area]} GROUP BY v
            UNION ALL SELECT 'targetGroup', v, count(*), NULL FROM h, unnest(h.tg) v WHERE {conditions[Facets.TargetGroup]} GROUP BY v
            UNION ALL SELECT 'language', v, count(*), NULL FROM h, unnest(h.lang) v WHERE {conditions[Facets.Language]} GROUP BY v
            UNION ALL SELECT 'legalForm', h.lf::text, count(*), NULL FROM h WHERE {conditions[Facets.LegalForm]} GROUP BY h.lf
            UNION ALL SELECT 'age', b.code, count(*), NULL FROM h JOIN (VALUES {BandValues()}) AS b(code, lo, hi)
              ON b.lo <= coalesce(h.ato, 150) AND b.hi >= coalesce(h.af, 0) WHERE {conditions[Facets.Age]} GROUP BY b.code
            """;
    }

    // ---- shared ----

    /// The flag columns (one per filter) and, per facet, the condition its counts use: all filters, or all but the
    /// facet's own. The "" key is every filter (the results and the total).
    private static (string Flags, Dictionary<string, string> Conditions) Conditions(
        List<(string Facet, IReadOnlyList<string> Values)> filters, Func<string, IReadOnlyList<string>, string> filterSql)
    {
        var flags = filters.Count == 0 ? "1 AS f_none" : string.Join(", ", filters.Select((f, i) => $"({filterSql(f.Facet, f.Values)}) AS f{i}"));
        string All(int? except)
        {
            var parts = filters.Select((_, i) => i).Where(i => i != except).Select(i => $"h.f{i}").ToList();
            return parts.Count == 0 ? "1 = 1" : string.Join(" AND ", parts);
        }
        var conditions = new Dictionary<string, string> { [""] = All(null) };
        foreach (var facet in Facets.All)
        {
            var index = filters.FindIndex(f => f.Facet == facet);
            conditions[facet] = All(index >= 0 ? index : null);
        }
        return (flags, conditions);
    }

    private static string Literal(string s) => "'" + s.Replace("'", "''") + "'";
    private static string List(IReadOnlyList<string> values) => string.Join(", ", values.Select(Literal));
    private static string LegalForms(IReadOnlyList<string> values) =>
        string.Join(", ", values.Select(v => Enum.TryParse<LegalForm>(v, out var f) ? (int)f : -1));
    private static IEnumerable<Taxonomy.AgeBand> Bands(IReadOnlyList<string> values) => Taxonomy.AgeBands.Where(b => values.Contains(b.Code));
    private static string BandValues() => string.Join(", ", Taxonomy.AgeBands.Select(b => $"('{b.Code}', {b.From}, {b.To})"));

    private async Task ExecAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarLongAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> StringsAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }

    /// Edit distance counting a swap of two neighbouring letters as one edit, as Lucene's FuzzyQuery does.
    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
