namespace Samverka.Platform.UI;

public static class Text
{
    /// Trimmed text, or null for an empty or blank field: optional fields are stored as null, never as "".
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// Free text posted outside an Input class (a question, an answer, a reply): trimmed into `text`, then checked
    /// for its length and for markup under the same rule as [NoMarkup], so every form refuses the same things.
    public static TextProblem Check(string? raw, int min, int max, out string text)
    {
        text = raw?.Trim() ?? "";
        if (text.Length < min || text.Length > max) return TextProblem.Length;
        return NoMarkupAttribute.IsMarkup(text) ? TextProblem.Markup : TextProblem.None;
    }
}

public enum TextProblem { None, Length, Markup }

/// The last segment of an editing address: "new" for a new item, otherwise the item's id.
public static class EditSlot
{
    /// False for anything that is neither "new" nor an id (the page answers 404); id is null for "new".
    public static bool TryParse(string slot, out Guid? id)
    {
        id = null;
        if (slot == "new") return true;
        if (!Guid.TryParse(slot, out var g)) return false;
        id = g;
        return true;
    }
}

/// What a "remove?" confirmation says and where its buttons go (rendered by _ConfirmDelete.cshtml).
public sealed record ConfirmDelete(string Message, string Action, string Button, string CancelUrl);
