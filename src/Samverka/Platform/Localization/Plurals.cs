namespace Samverka.Platform.Localization;

/// CLDR plural categories (https://unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
public enum PluralCategory { Zero, One, Two, Few, Many, Other }

/// The cardinal plural rule of each language Samverka speaks or will speak, from CLDR, for whole numbers (counts).
/// A plural string is one resource key per category the language's rule names: `Organisations.Staff.one`,
/// `Organisations.Staff.other`; l.Plural with the key's base and the count picks the one that fits.
public static class PluralRules
{
    private sealed record Rule(PluralCategory[] Categories, Func<long, PluralCategory> Pick);

    private static bool In(long v, long lo, long hi) => v >= lo && v <= hi;

    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.OrdinalIgnoreCase)
    {
        // one: i = 1 and v = 0
        ["sv"] = new([PluralCategory.One, PluralCategory.Other], n => n == 1 ? PluralCategory.One : PluralCategory.Other),
        ["en"] = new([PluralCategory.One, PluralCategory.Other], n => n == 1 ? PluralCategory.One : PluralCategory.Other),
        // zero: n % 10 = 0 or n % 100 = 11..19; one: n % 10 = 1 and n % 100 != 11 (the fraction clauses do not apply
        // to counts).
        ["lv"] = new([PluralCategory.Zero, PluralCategory.One, PluralCategory.Other], n =>
            n % 10 == 0 || In(n % 100, 11, 19) ? PluralCategory.Zero
            : n % 10 == 1 && n % 100 != 11 ? PluralCategory.One
            : PluralCategory.Other),
        // one: n % 10 = 1 and n % 100 != 11..19; few: n % 10 = 2..9 and n % 100 != 11..19; many: f != 0 (fractions
        // only, so never for a count, but the language needs the form); other: the rest (0, 10, 11–19, 20, …).
        ["lt"] = new([PluralCategory.One, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other], n =>
            n % 10 == 1 && !In(n % 100, 11, 19) ? PluralCategory.One
            : In(n % 10, 2, 9) && !In(n % 100, 11, 19) ? PluralCategory.Few
            : PluralCategory.Other),
    };

    /// The languages with a rule; a resource file in any other language is refused by the resource tests.
    public static IEnumerable<string> Languages => Rules.Keys;

    /// The categories a language's strings must have for each plural key. Swedish when the language is unknown.
    public static IReadOnlyList<PluralCategory> CategoriesOf(string language) => RuleOf(language).Categories;

    public static PluralCategory For(string language, long n) => RuleOf(language).Pick(Math.Abs(n));

    /// The suffix of a category's key: "one", "other".
    public static string Suffix(PluralCategory c) => c.ToString().ToLowerInvariant();

    /// The plural key and its category, when a resource key is one ("Register.Employees.one").
    public static (string Base, PluralCategory Category)? Split(string key)
    {
        var dot = key.LastIndexOf('.');
        if (dot <= 0) return null;
        var tail = key[(dot + 1)..];
        foreach (var c in Enum.GetValues<PluralCategory>())
            if (tail == Suffix(c)) return (key[..dot], c);
        return null;
    }

    private static Rule RuleOf(string language) => Rules.TryGetValue(language, out var r) ? r : Rules["sv"];
}

public static class PluralLocalizerExtensions
{
    /// The form of `key` that fits `count` in the current language; {0} is the count, written the current culture's
    /// way ("1 200"), and `more` fills {1}, {2}, ….
    public static LocalizedString Plural(this IStringLocalizer l, string key, long count, params object[] more)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var category = PluralRules.For(language, count);
        return l[key + "." + PluralRules.Suffix(category), [count.ToString("N0", CultureInfo.CurrentCulture), .. more]];
    }

    /// For keys built at run time ("Health." + code) of which only some hold a count with a noun: the plural form
    /// when the key has one, otherwise the key itself with the count as {0}.
    public static LocalizedString CountOf(this IStringLocalizer l, string key, long count) =>
        l[key + "." + PluralRules.Suffix(PluralCategory.Other)].ResourceNotFound ? l[key, count] : l.Plural(key, count);

    /// An age range as people say it, leaving out the end that is not given: "13–18 år", "från 16 år",
    /// "upp till 12 år"; null when neither end is given (all ages) and the caller has nothing to show.
    public static string? AgeRange(this IStringLocalizer l, int? from, int? to)
    {
        if (from is 0) from = null;
        return (from, to) switch
        {
            (null, null) => null,
            (null, { } t) => l.Plural("Ages.UpTo", t),
            ({ } f, null) => l.Plural("Ages.From", f),
            ({ } f, { } t) => l["Ages.Range", f, t],
        };
    }

    /// "a, b och c": a list in the current language.
    public static string Join(this IStringLocalizer l, IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => l["Common.And", string.Join(", ", parts.Take(parts.Count - 1)), parts[^1]],
    };
}
