using Samverka.Platform.Localization;

namespace Samverka.Tests.Unit;

/// The CLDR cardinal rules for counts, checked against CLDR's own examples for each category.
public sealed class PluralRulesTests
{
    public static TheoryData<string, long, PluralCategory> Cases => new()
    {
        { "sv", 0, PluralCategory.Other }, { "sv", 1, PluralCategory.One }, { "sv", 2, PluralCategory.Other }, { "sv", 21, PluralCategory.Other },
        { "en", 1, PluralCategory.One }, { "en", 11, PluralCategory.Other }, { "en", 101, PluralCategory.Other },
        // lv: zero = 0, 10~20, 30, 40, …, 100, 1000; one = 1, 21, 31, 41, 101; other = 2~9, 22~29, 102
        { "lv", 0, PluralCategory.Zero }, { "lv", 10, PluralCategory.Zero }, { "lv", 11, PluralCategory.Zero }, { "lv", 19, PluralCategory.Zero },
        { "lv", 30, PluralCategory.Zero }, { "lv", 1, PluralCategory.One }, { "lv", 21, PluralCategory.One }, { "lv", 101, PluralCategory.One },
        { "lv", 111, PluralCategory.Zero }, { "lv", 2, PluralCategory.Other }, { "lv", 29, PluralCategory.Other },
        // lt: one = 1, 21, 31, 101; few = 2~9, 22~29, 102; other = 0, 10~20, 30, 40, 100
        { "lt", 1, PluralCategory.One }, { "lt", 21, PluralCategory.One }, { "lt", 11, PluralCategory.Other }, { "lt", 2, PluralCategory.Few },
        { "lt", 9, PluralCategory.Few }, { "lt", 22, PluralCategory.Few }, { "lt", 12, PluralCategory.Other }, { "lt", 0, PluralCategory.Other },
        { "lt", 10, PluralCategory.Other }, { "lt", 100, PluralCategory.Other },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_count_gets_the_category_cldr_gives_it(string language, long n, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.For(language, n));

    [Fact]
    public void Each_language_names_the_categories_its_strings_need()
    {
        Assert.Equal([PluralCategory.One, PluralCategory.Other], PluralRules.CategoriesOf("sv"));
        Assert.Equal([PluralCategory.One, PluralCategory.Other], PluralRules.CategoriesOf("en"));
        Assert.Equal([PluralCategory.Zero, PluralCategory.One, PluralCategory.Other], PluralRules.CategoriesOf("lv"));
        Assert.Equal([PluralCategory.One, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other], PluralRules.CategoriesOf("lt"));
        Assert.Equal(("Needs.Count", PluralCategory.One), PluralRules.Split("Needs.Count.one"));
        Assert.Null(PluralRules.Split("Needs.Title"));
    }
}
