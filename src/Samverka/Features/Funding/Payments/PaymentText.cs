using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Samverka.Features.Funding.Payments;

/// How free text, identifiers, BICs and organisation numbers are tidied and checked before they go into a payment
/// file: one place, so the rules and the writers never disagree.
public static partial class PaymentText
{
    /// Names in the file (initiator, debtor, creditor): the SEPA limit, stricter than the schema's 140.
    public const int NameLength = 70;

    /// Unstructured remittance information (RmtInf/Ustrd).
    public const int RemittanceLength = 140;

    /// MsgId, PmtInfId and EndToEndId (Max35Text).
    public const int IdLength = 35;

    /// Free text as one line: control characters and runs of white space become one space, characters XML cannot
    /// carry are dropped, the ends are trimmed, and the text is cut to `max` characters (never inside a surrogate
    /// pair). Empty when nothing is left.
    public static string Clean(string? text, int max)
    {
        var sb = new StringBuilder();
        var s = text ?? "";
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                continue;
            }
            if (XmlConvert.IsXmlChar(c)) sb.Append(c);
        }
        var cleaned = sb.ToString().Trim();
        if (cleaned.Length <= max) return cleaned;
        var cut = char.IsHighSurrogate(cleaned[max - 1]) ? max - 1 : max;
        return cleaned[..cut].TrimEnd();
    }

    /// An identifier banks accept everywhere: 1–35 characters of the SEPA set without spaces (letters A–Z and a–z,
    /// digits, / - ? : ( ) . , ' +), not starting or ending with "/" and without "//".
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= IdLength } && IdCharacters().IsMatch(id)
        && !id.StartsWith('/') && !id.EndsWith('/') && !id.Contains("//", StringComparison.Ordinal);

    /// A BIC in capitals without spaces, or null when none was given.
    public static string? NormaliseBic(string? bic) =>
        string.IsNullOrWhiteSpace(bic) ? null : string.Concat(bic.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// A BIC of 8 or 11 characters as the schema's BICIdentifier allows.
    public static bool IsValidBic(string bic) => Bic().IsMatch(bic);

    /// An organisation number without spaces and hyphens (802012-3456 → 8020123456), or null when none was given.
    public static string? NormaliseOrganisationNumber(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null : string.Concat(number.Where(c => !char.IsWhiteSpace(c) && c != '-'));

    /// An organisation number fits the file's Othr/Id: 1–35 letters A–Z or digits.
    public static bool IsValidOrganisationNumber(string number) =>
        number.Length <= IdLength && number.All(char.IsAsciiLetterOrDigit);

    /// An amount as the file writes it: invariant culture, two decimals, no grouping (1234.50).
    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9/\-?:().,'+]+$")]
    private static partial Regex IdCharacters();

    [GeneratedRegex("^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$")]
    private static partial Regex Bic();
}
