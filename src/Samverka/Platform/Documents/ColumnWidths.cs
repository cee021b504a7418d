namespace Samverka.Platform.Documents;

/// Sizes a table's columns to their content, the way a browser lays out an automatic table: each column wants the
/// width of its longest line and needs at least the width of its longest word; a column never gets less than a
/// minimum. When everything fits on one line each column gets what it wants and the rest of the width is shared in
/// proportion to that; when it does not, each gets what it needs and the rest goes where the text is longest.
/// Equal columns, the old way, squeezed a party's name into a third of the page beside a column holding "Ja".
public static class ColumnWidths
{
    /// Widths that add up to `total`. `measure(text, bold)` gives the width of text on one line in the same unit as
    /// `total`, `padding` and `minimum`; header cells are measured bold; `padding` is the cell's inner margins.
    public static double[] Size(DocTable table, double total, Func<string, bool, double> measure, double padding, double minimum)
    {
        var columns = table.Columns;
        if (columns == 0) return [];
        var wants = new double[columns];
        var needs = new double[columns];
        var header = table.Header.Count > 0;
        foreach (var (row, index) in table.AllRows.Select((r, i) => (r, i)))
        {
            var bold = header && index == 0;
            for (var c = 0; c < columns; c++)
            {
                var lines = (row[c] ?? "").Replace("\r", "").Split('\n');
                wants[c] = Math.Max(wants[c], lines.Max(line => measure(line, bold)));
                needs[c] = Math.Max(needs[c], lines.SelectMany(line => line.Split(' ', '\t')).Max(word => measure(word, bold)));
            }
        }
        for (var c = 0; c < columns; c++)
        {
            wants[c] = Math.Max(minimum, wants[c] + padding);
            needs[c] = Math.Max(minimum, Math.Min(wants[c], needs[c] + padding));
        }

        var wanted = wants.Sum();
        if (wanted <= total) return [.. wants.Select(w => w + (total - wanted) * w / wanted)];
        var needed = needs.Sum();
        // Not even the longest words fit: scale down what each needs; the writers break such words by character.
        if (needed >= total) return [.. needs.Select(n => n * total / needed)];
        var flexible = wanted - needed;
        return [.. needs.Select((n, c) => n + (total - needed) * (wants[c] - n) / flexible)];
    }
}
