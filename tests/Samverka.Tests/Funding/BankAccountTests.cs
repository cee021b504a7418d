using Samverka.Features.Funding;

namespace Samverka.Tests.Funding;

/// BankAccount.TryParse reads what a person types: IBANs of the SEPA countries (length per country, ISO 7064 mod 97)
/// and Swedish bankgiro numbers (7–8 digits, Luhn), and shows them back as people write them.
public sealed class BankAccountTests
{
    public static TheoryData<BankAccountKind, string?, BankAccountProblem?, string?> Cases => new()
    {
        // Published valid examples, as typed: spaces, lower case and hyphens are allowed and removed.
        { BankAccountKind.Iban, "SE45 5000 0000 0583 9825 7466", null, "SE4550000000058398257466" },
        { BankAccountKind.Iban, "se4550000000058398257466", null, "SE4550000000058398257466" },
        { BankAccountKind.Iban, "DE89 3704 0044 0532 0130 00", null, "DE89370400440532013000" },
        { BankAccountKind.Iban, "LV80BANK0000435195001", null, "LV80BANK0000435195001" },
        { BankAccountKind.Iban, "lv80 bank 0000 4351 9500 1", null, "LV80BANK0000435195001" },
        { BankAccountKind.Iban, "LT12 1000 0111 0100 1000", null, "LT121000011101001000" },
        { BankAccountKind.Iban, "PT50 0002 0123 1234 5678 9015 4", null, "PT50000201231234567890154" },
        { BankAccountKind.Iban, "CY17 0020 0128 0000 0012 0052 7600", null, "CY17002001280000001200527600" },
        { BankAccountKind.Iban, "FI21-1234-5600-0007-85", null, "FI2112345600000785" },
        // One digit changed, or two swapped: the mod 97 check catches both.
        { BankAccountKind.Iban, "SE46 5000 0000 0583 9825 7466", BankAccountProblem.CheckDigit, null },
        { BankAccountKind.Iban, "DE89370400440532013001", BankAccountProblem.CheckDigit, null },
        { BankAccountKind.Iban, "LV80BANK0000435195010", BankAccountProblem.CheckDigit, null },
        { BankAccountKind.Iban, "CY17002001280000001200527601", BankAccountProblem.CheckDigit, null },
        // Wrong length for the country.
        { BankAccountKind.Iban, "SE455000000005839825746", BankAccountProblem.Length, null },
        { BankAccountKind.Iban, "DE893704004405320130000", BankAccountProblem.Length, null },
        { BankAccountKind.Iban, "LT12100001110100100", BankAccountProblem.Length, null },
        // A country outside the SEPA list (US has no IBAN) or no country at all.
        { BankAccountKind.Iban, "US64SVBKUS6S3300958879", BankAccountProblem.Country, null },
        { BankAccountKind.Iban, "XX89370400440532013000", BankAccountProblem.Country, null },
        // Characters an IBAN cannot hold, or a shape that is not an IBAN.
        { BankAccountKind.Iban, "SE45 5000 0000 0583 9825 746!", BankAccountProblem.Characters, null },
        { BankAccountKind.Iban, "4550000000058398257466", BankAccountProblem.Characters, null },
        { BankAccountKind.Iban, "SEXX50000000058398257466", BankAccountProblem.Characters, null },
        { BankAccountKind.Iban, "SE4", BankAccountProblem.Characters, null },
        { BankAccountKind.Iban, "", BankAccountProblem.Empty, null },
        { BankAccountKind.Iban, null, BankAccountProblem.Empty, null },
        { BankAccountKind.Iban, " - ", BankAccountProblem.Empty, null },
        // Bankgiro numbers: 7 or 8 digits with a Luhn check digit (5050-1055 is Bankgirot's own).
        { BankAccountKind.Bankgiro, "5050-1055", null, "50501055" },
        { BankAccountKind.Bankgiro, "991-2346", null, "9912346" },
        { BankAccountKind.Bankgiro, "902 0900", null, "9020900" },
        { BankAccountKind.Bankgiro, "1234-5674", null, "12345674" },
        { BankAccountKind.Bankgiro, "5050-1056", BankAccountProblem.CheckDigit, null },
        { BankAccountKind.Bankgiro, "991-2345", BankAccountProblem.CheckDigit, null },
        { BankAccountKind.Bankgiro, "5050-1505", BankAccountProblem.CheckDigit, null },
        { BankAccountKind.Bankgiro, "000-0000", BankAccountProblem.CheckDigit, null },
        { BankAccountKind.Bankgiro, "5050-105A", BankAccountProblem.Characters, null },
        { BankAccountKind.Bankgiro, "BG 5050-1055", BankAccountProblem.Characters, null },
        { BankAccountKind.Bankgiro, "99-2346", BankAccountProblem.Length, null },
        { BankAccountKind.Bankgiro, "50501-1055", BankAccountProblem.Length, null },
        { BankAccountKind.Bankgiro, "", BankAccountProblem.Empty, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryParse_reads_what_a_person_types(BankAccountKind kind, string? input, BankAccountProblem? problem, string? number)
    {
        var found = BankAccount.TryParse(kind, input, out var account);

        Assert.Equal(problem, found);
        if (number is null) Assert.Null(account);
        else Assert.Equal(new BankAccount(kind, number), account);
    }

    [Theory]
    [InlineData(BankAccountKind.Iban, "se4550000000058398257466", "SE45 5000 0000 0583 9825 7466")]
    [InlineData(BankAccountKind.Iban, "LV80BANK0000435195001", "LV80 BANK 0000 4351 9500 1")]
    [InlineData(BankAccountKind.Iban, "PT50000201231234567890154", "PT50 0002 0123 1234 5678 9015 4")]
    [InlineData(BankAccountKind.Iban, "FI2112345600000785", "FI21 1234 5600 0007 85")]
    [InlineData(BankAccountKind.Bankgiro, "50501055", "5050-1055")]
    [InlineData(BankAccountKind.Bankgiro, "9912346", "991-2346")]
    public void Display_is_how_people_write_it(BankAccountKind kind, string input, string display)
    {
        Assert.Null(BankAccount.TryParse(kind, input, out var account));
        Assert.Equal(display, account!.Display);
        // What is shown can be typed back in.
        Assert.Null(BankAccount.TryParse(kind, display, out var again));
        Assert.Equal(account, again);
    }

    /// Every problem has its message in Swedish and English.
    [Fact]
    public void Every_problem_has_a_message()
    {
        var sv = PaymentFileTests.Strings("FundingStrings.resx");
        var en = PaymentFileTests.Strings("FundingStrings.en.resx");
        foreach (var problem in Enum.GetNames<BankAccountProblem>())
        {
            Assert.True(sv.ContainsKey($"Funding.Bank.{problem}"), problem);
            Assert.True(en.ContainsKey($"Funding.Bank.{problem}"), problem);
        }
    }
}
