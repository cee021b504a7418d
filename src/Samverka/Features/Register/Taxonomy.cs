namespace Samverka.Features.Register;

/// The vocabularies the register ships. Codes are stable (they are in URLs, exports and the API); names are
/// localised in SharedResource as "Area.{code}", "TargetGroup.{code}", "AgeBand.{code}" and "Language.{code}".
public static class Taxonomy
{
    public static readonly string[] Areas =
    [
        "sport", "culture", "social-inclusion", "mental-health", "health", "education", "entrepreneurship",
        "employment", "environment", "migrants", "disability", "children", "youth", "elderly", "democracy",
        "gender-equality", "crime-prevention", "housing", "leisure", "digital-skills",
    ];

    public static readonly string[] TargetGroups =
    [
        "children", "youth", "young-adults", "adults", "seniors", "families", "girls-and-women", "boys-and-men",
        "newcomers", "people-with-disabilities", "lgbtq", "people-in-vulnerable-situations", "everyone",
    ];

    public sealed record AgeBand(string Code, int From, int To);

    /// The highest age anyone gives: an age range left open at the top reaches it.
    public const int OldestAge = 150;

    public static readonly AgeBand[] AgeBands =
    [
        new("0-5", 0, 5), new("6-12", 6, 12), new("13-17", 13, 17), new("18-25", 18, 25), new("26-64", 26, 64), new("65+", 65, 150),
    ];

    /// The bands an age range overlaps; an organisation without age limits serves every band.
    public static IEnumerable<string> AgeBandsFor(int? from, int? to)
    {
        var lo = from ?? 0;
        var hi = to ?? 150;
        return AgeBands.Where(b => b.From <= hi && b.To >= lo).Select(b => b.Code);
    }

    public static readonly string[] Languages =
    [
        "sv", "en", "ar", "so", "fa", "ti", "fi", "se", "pl", "uk", "ru", "tr", "es", "de", "fr", "bs", "lv", "lt", "pt", "el",
    ];
}

public enum OrganisationNumberProblem { None, Format, CheckDigit, PersonalIdentityNumber }

/// Swedish organisation numbers: ten digits, the last a Luhn check digit; the third digit is 2 or more (which also
/// keeps personal identity numbers out of the register).
public static class SwedishOrganisationNumber
{
    public static bool TryNormalize(string? input, out string normalized) => Check(input, out normalized) == OrganisationNumberProblem.None;

    /// What is wrong with a number, so the message can say it: a person who typed ten digits with a wrong last digit
    /// needs to hear about the check digit, not to be asked for ten digits.
    public static OrganisationNumberProblem Check(string? input, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input)) return OrganisationNumberProblem.Format;
        var digits = new string(input.Where(char.IsAsciiDigit).ToArray());
        if (input.Any(c => !char.IsAsciiDigit(c) && c is not ('-' or ' ' or '+'))) return OrganisationNumberProblem.Format;
        // The 12-digit form carries a "16" century prefix.
        if (digits.Length == 12 && digits.StartsWith("16")) digits = digits[2..];
        if (digits.Length != 10) return OrganisationNumberProblem.Format;
        if (!LuhnValid(digits)) return OrganisationNumberProblem.CheckDigit;
        if (digits[2] < '2') return OrganisationNumberProblem.PersonalIdentityNumber;
        normalized = $"{digits[..6]}-{digits[6..]}";
        return OrganisationNumberProblem.None;
    }

    /// The resource key of the message for a problem.
    public static string MessageKey(OrganisationNumberProblem problem) => problem switch
    {
        OrganisationNumberProblem.CheckDigit => "Validation.OrganisationNumberCheckDigit",
        OrganisationNumberProblem.PersonalIdentityNumber => "Validation.OrganisationNumberPersonal",
        _ => "Validation.OrganisationNumber",
    };

    public static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// Completes nine digits with their check digit (used by the demo data and the benchmark generator).
    public static string WithCheckDigit(string nineDigits)
    {
        for (var c = 0; c <= 9; c++)
            if (LuhnValid(nineDigits + c)) return $"{nineDigits[..6]}-{nineDigits[6..]}{c}";
        throw new InvalidOperationException("unreachable");
    }
}
