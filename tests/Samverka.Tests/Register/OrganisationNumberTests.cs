using Samverka.Features.Register;

namespace Samverka.Tests.Register;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("802497-3128", "802497-3128")]
    [InlineData("8024973128", "802497-3128")]
    [InlineData("16802497-3128", "802497-3128")]
    [InlineData(" 802497 3128 ", "802497-3128")]
    [InlineData("556036-0793", "556036-0793")]
    public void Valid_numbers_are_normalised(string input, string expected)
    {
        Assert.True(SwedishOrganisationNumber.TryNormalize(input, out var n));
        Assert.Equal(expected, n);
    }

    [Theory]
    [InlineData("802497-3125")]   // wrong check digit
    [InlineData("802497-312")]    // too short
    [InlineData("19850101-1234")] // a personal identity number (12 digits, not 16-prefixed)
    [InlineData("850101-1236")]   // valid Luhn but third digit < 2: a person, not an organisation
    [InlineData("80249A-3125")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_numbers_are_refused(string? input) => Assert.False(SwedishOrganisationNumber.TryNormalize(input, out _));

    [Fact]
    public void Check_digit_completion_produces_valid_numbers()
    {
        var n = SwedishOrganisationNumber.WithCheckDigit("802497312");
        Assert.Equal("802497-3128", n);
        Assert.True(SwedishOrganisationNumber.TryNormalize(n, out _));
    }

    [Theory]
    [InlineData(10, 30, new[] { "6-12", "13-17", "18-25", "26-64" })]
    [InlineData(null, null, new[] { "0-5", "6-12", "13-17", "18-25", "26-64", "65+" })]
    [InlineData(70, null, new[] { "65+" })]
    [InlineData(null, 5, new[] { "0-5" })]
    public void Age_ranges_map_to_the_bands_they_overlap(int? from, int? to, string[] bands) =>
        Assert.Equal(bands, Taxonomy.AgeBandsFor(from, to));
}
