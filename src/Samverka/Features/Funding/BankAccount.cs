namespace Samverka.Features.Funding;

/// How money reaches an organisation: an IBAN (euro countries, and Swedish accounts by IBAN) or a Swedish bankgiro
/// number. Payment files (pain.001) and the annual filing's bank details use this one type.
public enum BankAccountKind { Iban = 1, Bankgiro = 2 }

/// Why a typed account number was refused; each has a localised message "Funding.Bank.{problem}".
public enum BankAccountProblem { Empty, Characters, Length, Country, CheckDigit }

/// A checked account number, normalised: an IBAN in capitals without spaces, a bankgiro number as its digits.
public sealed record BankAccount(BankAccountKind Kind, string Number)
{
    /// IBAN length per country (ISO 13616 registry), for the SEPA countries; an IBAN from elsewhere is refused.
    private static readonly Dictionary<string, int> IbanLengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23,
        ["GL"] = 18, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21,
        ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28,
        ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["VA"] = 22,
    };

    /// Reads what a person typed (spaces and hyphens allowed); null problem and an account when it holds.
    public static BankAccountProblem? TryParse(BankAccountKind kind, string? input, out BankAccount? account)
    {
        account = null;
        var text = string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
        if (text.Length == 0) return BankAccountProblem.Empty;
        var problem = kind == BankAccountKind.Iban ? CheckIban(text) : CheckBankgiro(text);
        if (problem is null) account = new BankAccount(kind, text);
        return problem;
    }

    private static BankAccountProblem? CheckIban(string iban)
    {
        if (!iban.All(char.IsAsciiLetterOrDigit) || iban.Length < 4 || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
            return BankAccountProblem.Characters;
        if (!IbanLengths.TryGetValue(iban[..2], out var length)) return BankAccountProblem.Country;
        if (iban.Length != length) return BankAccountProblem.Length;
        // ISO 7064 mod 97-10: the first four characters move to the end, letters count as 10–35, the remainder is 1.
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder == 1 ? null : BankAccountProblem.CheckDigit;
    }

    private static BankAccountProblem? CheckBankgiro(string number)
    {
        if (!number.All(char.IsAsciiDigit)) return BankAccountProblem.Characters;
        if (number.Length is < 7 or > 8) return BankAccountProblem.Length;
        // All zeros passes the Luhn check but is no bankgiro number.
        return Luhn(number) && number.Any(c => c != '0') ? null : BankAccountProblem.CheckDigit;
    }

    /// The modulus-10 (Luhn) check over the whole number, the check digit last.
    private static bool Luhn(string digits)
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

    /// As people write it: an IBAN in groups of four, a bankgiro number as 123-4567 or 1234-5678.
    public string Display => Kind == BankAccountKind.Iban
        ? string.Join(' ', Enumerable.Range(0, (Number.Length + 3) / 4).Select(i => Number.Substring(i * 4, Math.Min(4, Number.Length - i * 4))))
        : Number[..^4] + "-" + Number[^4..];
}
