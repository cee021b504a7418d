namespace Samverka.Features.Partnerships.Agreement;

/// The name an agreement is downloaded under: "agreement-" + the title in plain ASCII words + "-v" + its number.
/// A long title is cut between words (a name cut mid-word reads as a typo); a first word longer than the limit is
/// kept whole rather than cut.
public static class AgreementFileName
{
    private const int MaxTitle = 60;

    public static string Of(string title, int version)
    {
        var slug = Slug(title);
        return slug.Length == 0 ? $"agreement-v{version}" : $"agreement-{slug}-v{version}";
    }

    private static string Slug(string s)
    {
        var chars = s.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length <= MaxTitle) return slug;
        var cut = slug.LastIndexOf('-', MaxTitle);
        return cut > 0 ? slug[..cut] : slug.Split('-')[0];
    }
}
