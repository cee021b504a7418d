namespace Samverka.Platform.UI;

public static class Text
{
    /// Trimmed text, or null for an empty or blank field: optional fields are stored as null, never as "".
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
