using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverka.Platform.Documents;

namespace Samverka.Tests.Platform.Documents;

public sealed class ColumnWidthsTests
{
    // One unit a character: widths are easy to reason about.
    private static double Chars(string text, bool bold) => text.Length;

    [Fact]
    public void Columns_that_fit_get_their_content_and_share_the_rest_in_proportion()
    {
        var table = new DocTable(["Namn", "Ja"], [["Föreningen Ängsö", "x"]]);
        var widths = ColumnWidths.Size(table, total: 100, Chars, padding: 2, minimum: 5);

        // Wanted: 16 + 2 = 18 and max(5, 2 + 2) = 5; the 77 left over is shared 18 : 5.
        Assert.Equal(100, widths.Sum(), 6);
        Assert.Equal(18 + 77 * 18 / 23.0, widths[0], 6);
        Assert.Equal(5 + 77 * 5 / 23.0, widths[1], 6);
    }

    [Fact]
    public void A_long_text_column_takes_the_room_and_a_short_one_keeps_its_longest_word_and_the_minimum()
    {
        var description = string.Join(' ', Enumerable.Repeat("beskrivning", 20));
        var table = new DocTable(["Part", "Beskrivning", "Ja"], [["Kommunen", description, ""]]);
        var widths = ColumnWidths.Size(table, total: 60, Chars, padding: 2, minimum: 4);

        Assert.Equal(60, widths.Sum(), 6);
        Assert.True(widths[0] >= "Kommunen".Length + 2, $"the party column keeps its longest word: {widths[0]}");
        Assert.True(widths[2] >= 4, $"a column never gets less than the minimum: {widths[2]}");
        Assert.True(widths[1] > widths[0] && widths[1] > widths[2], string.Join(", ", widths));
    }

    [Fact]
    public void When_not_even_the_words_fit_each_column_is_scaled_down_from_what_it_needs()
    {
        var table = new DocTable(["Aaaaaaaaaaaaaaaaaaaa", "Bbbbbbbbbb"], []);
        var widths = ColumnWidths.Size(table, total: 15, Chars, padding: 0, minimum: 1);
        Assert.Equal([10, 5], widths.Select(w => Math.Round(w, 6)));
    }

    [Fact]
    public void Padded_short_rows_and_an_empty_table_are_handled()
    {
        Assert.Empty(ColumnWidths.Size(new DocTable([], []), 100, Chars, 0, 1));
        var widths = ColumnWidths.Size(new DocTable(["A", "B", "C"], [["x"]]), 30, Chars, 0, 1);
        Assert.Equal([10, 10, 10], widths.Select(w => Math.Round(w, 6)));
    }

    [Fact]
    public void The_docx_grid_follows_the_content_instead_of_equal_columns()
    {
        var table = new DocTable(["Part", "Bidrag", "Värde"],
            [["Kommunen", "Lokaler på Kupolen två kvällar i veckan, värme, städning och nycklar till fritidsledarna", "120 000 kr"]]);
        var content = new DocContent("Titel", [], [new DocSection("Rubrik", [table])], "sv", "");
        using var doc = WordprocessingDocument.Open(new MemoryStream(DocxWriter.Write(content)), false);
        var grid = doc.MainDocumentPart!.Document!.Body!.Descendants<GridColumn>().Select(c => int.Parse(c.Width!.Value!)).ToList();
        var cells = doc.MainDocumentPart.Document.Body.Descendants<TableRow>().First().Elements<TableCell>()
            .Select(c => int.Parse(c.TableCellProperties!.TableCellWidth!.Width!.Value!)).ToList();

        Assert.Equal(11906 - 2 * 1418, grid.Sum());
        Assert.Equal(grid, cells);
        Assert.True(grid[1] > 2 * grid[0], string.Join(", ", grid));
        Assert.True(grid[1] > 2 * grid[2], string.Join(", ", grid));
        Assert.True(grid.Min() >= 720, string.Join(", ", grid));
    }
}
