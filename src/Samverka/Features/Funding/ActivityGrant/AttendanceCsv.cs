using System.Globalization;
using Sylvan.Data.Csv;

namespace Samverka.Features.Funding.ActivityGrant;

/// Reads an attendance file (UTF-8 with or without BOM, comma or semicolon, a header row; see
/// attendance-template.csv beside this file). Rows are streamed: each good row is yielded as it is read, each bad row is
/// reported to the caller with its line and a localised reason and skipped; header problems are reported once and then
/// nothing is read. Only one row is held at a time.
public static class AttendanceCsv
{
    /// The header names, in the template's order (matched case-insensitively, in any order).
    public static readonly string[] Columns =
        ["organisation_number", "session_id", "date", "start_time", "minutes", "participant_code", "birth_year", "role"];

    public static IEnumerable<AttendanceRow> Read(Stream content, Action<AttendanceProblem> report) =>
        Read(new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true), report);

    public static IEnumerable<AttendanceRow> Read(TextReader text, Action<AttendanceProblem> report)
    {
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var index = new int[Columns.Length];
        var headerOk = true;
        for (var c = 0; c < Columns.Length; c++)
        {
            index[c] = -1;
            for (var f = 0; f < csv.FieldCount; f++)
                if (string.Equals(csv.GetName(f).Trim(), Columns[c], StringComparison.OrdinalIgnoreCase)) { index[c] = f; break; }
            if (index[c] < 0) { report(new AttendanceProblem(1, "Funding.Activity.Csv.MissingColumn", Columns[c])); headerOk = false; }
        }
        if (!headerOk) yield break;

        var line = 1;
        while (csv.Read())
        {
            line++;
            var start = line;
            // A quoted field may span lines: the next row starts after them.
            var fields = new string[Columns.Length];
            var missing = false;
            for (var c = 0; c < Columns.Length; c++)
            {
                fields[c] = index[c] < csv.RowFieldCount ? csv.GetString(index[c]).Trim() : "";
                if (index[c] >= csv.RowFieldCount) missing = true;
            }
            for (var f = 0; f < csv.RowFieldCount; f++) line += CountNewlines(csv.GetString(f));
            if (missing) { report(new AttendanceProblem(start, "Funding.Activity.Csv.FieldCount", csv.RowFieldCount, csv.FieldCount)); continue; }
            if (Parse(start, fields) is { } problem) { report(problem); continue; }
            yield return new AttendanceRow(start, fields[0], fields[1],
                DateOnly.ParseExact(fields[2], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(fields[3], "HH:mm", CultureInfo.InvariantCulture),
                int.Parse(fields[4], CultureInfo.InvariantCulture), fields[5],
                int.Parse(fields[6], CultureInfo.InvariantCulture), ParseRole(fields[7])!.Value);
        }
    }

    private static int CountNewlines(string s)
    {
        var n = 0;
        foreach (var ch in s) if (ch == '\n') n++;
        return n;
    }

    /// The first problem of a row's fields (in column order), or null when the row is good.
    private static AttendanceProblem? Parse(int line, string[] f)
    {
        for (var c = 0; c < f.Length; c++)
            if (f[c].Length == 0) return new AttendanceProblem(line, "Funding.Activity.Csv.Empty", Columns[c]);
        if (f[0].Length > 20 || !f[0].All(ch => char.IsAsciiDigit(ch) || ch == '-'))
            return new AttendanceProblem(line, "Funding.Activity.Csv.Organisation", f[0]);
        if (f[1].Length > 64) return new AttendanceProblem(line, "Funding.Activity.Csv.Session", f[1]);
        if (!DateOnly.TryParseExact(f[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new AttendanceProblem(line, "Funding.Activity.Csv.Date", f[2]);
        if (!TimeOnly.TryParseExact(f[3], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return new AttendanceProblem(line, "Funding.Activity.Csv.Time", f[3]);
        if (!int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 1 or > 1440)
            return new AttendanceProblem(line, "Funding.Activity.Csv.Minutes", f[4]);
        if (!IsPseudonym(f[5])) return new AttendanceProblem(line, "Funding.Activity.Csv.Code", f[5]);
        if (!int.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > date.Year)
            return new AttendanceProblem(line, "Funding.Activity.Csv.BirthYear", f[6]);
        if (ParseRole(f[7]) is null) return new AttendanceProblem(line, "Funding.Activity.Csv.Role", f[7]);
        return null;
    }

    /// A pseudonymous code: 1–32 letters, digits or hyphens with at least one digit — so a name is refused.
    internal static bool IsPseudonym(string code) =>
        code.Length is >= 1 and <= 32 && code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-') && code.Any(char.IsAsciiDigit);

    /// "participant"/"leader", or the Swedish "deltagare"/"ledare", in any case.
    internal static AttendanceRole? ParseRole(string role) => role.ToLowerInvariant() switch
    {
        "participant" or "deltagare" => AttendanceRole.Participant,
        "leader" or "ledare" => AttendanceRole.Leader,
        _ => null,
    };
}
