using Samverka.Features.Municipalities.Profile;
using static Samverka.Features.Municipalities.Profile.ProfileField;
using static Samverka.Features.Municipalities.Profile.ProfileSection;

namespace Samverka.Tests.Municipalities;

/// What each profile list asks for, which fields it requires, and how a strategy's goals are kept (no database).
public sealed class ProfileLayoutTests
{
    // list, the fields entered (others empty) → the required fields missing
    public static TheoryData<ProfileSection, ProfileField[], ProfileField[]> Required => new()
    {
        { Organisation, [Kind, Title, Text], [] },
        { Organisation, [Title], [Kind, Text] },
        { Coordinators, [Title, Detail, Email], [] },
        { Coordinators, [Title, Text, Phone], [Detail, Email] },
        { Strategies, [Title, Text], [] },
        { Strategies, [Goals, Url, FromYear], [Title, Text] },
        { Support, [Kind, Title, Text], [Detail] },
        { Compacts, [], [Title, Text] },
    };

    [Theory]
    [MemberData(nameof(Required))]
    public void Each_list_requires_its_own_fields(ProfileSection section, ProfileField[] entered, ProfileField[] missing) =>
        Assert.Equal(missing, ProfileLayout.Missing(section, f => entered.Contains(f) ? (f == Kind ? ProfileKind.Council : "x") : f == Title ? "   " : null));

    [Theory]
    [InlineData(Organisation, Kind, true)]
    [InlineData(Support, Kind, true)]
    [InlineData(Coordinators, Kind, false)]
    [InlineData(Strategies, Goals, true)]
    [InlineData(Compacts, Goals, false)]
    [InlineData(Coordinators, Phone, true)]
    [InlineData(Organisation, Email, false)]
    public void A_list_uses_only_its_fields(ProfileSection section, ProfileField field, bool uses) =>
        Assert.Equal(uses, ProfileLayout.Uses(section, field));

    [Fact]
    public void Kinds_come_from_the_list()
    {
        Assert.Contains(ProfileKind.Department, ProfileLayout.Kinds(Organisation));
        Assert.DoesNotContain(ProfileKind.Money, ProfileLayout.Kinds(Organisation));
        Assert.Contains(ProfileKind.Money, ProfileLayout.Kinds(Support));
        Assert.Empty(ProfileLayout.Kinds(Compacts));
    }

    [Theory]
    [InlineData("a\n\n  b  \n", new[] { "a", "b" })]
    [InlineData(null, new string[0])]
    public void Goals_are_written_one_a_line(string? text, string[] goals) => Assert.Equal(goals, ProfileLayout.GoalLines(text));

    [Fact]
    public void Too_many_or_too_long_goals_are_refused()
    {
        Assert.Null(ProfileLayout.GoalLines(string.Join("\n", Enumerable.Range(1, ProfileLayout.MaxGoals + 1).Select(i => "mål " + i))));
        Assert.Null(ProfileLayout.GoalLines(new string('x', ProfileLayout.MaxGoalLength + 1)));
        Assert.NotNull(ProfileLayout.GoalLines(string.Join("\n", Enumerable.Range(1, ProfileLayout.MaxGoals).Select(i => "mål " + i))));
    }

    [Fact]
    public void Goals_keep_their_ids_where_the_text_is_unchanged()
    {
        var entry = new ProfileEntry { Section = Strategies };
        var first = entry.SetGoals(["Trygg uppväxt", "Fler i arbete"]);
        Assert.Equal(2, first.Count);
        var kept = entry.Goals.Single(g => g.Text == "Fler i arbete");

        var added = entry.SetGoals(["Fler i arbete", "Hållbar fritid"]);
        Assert.Equal(["Hållbar fritid"], added.Select(g => g.Text));
        Assert.Equal(["Fler i arbete", "Hållbar fritid"], entry.Goals.OrderBy(g => g.SortOrder).Select(g => g.Text));
        Assert.Same(kept, entry.Goals.Single(g => g.Text == "Fler i arbete"));
        Assert.Equal(0, kept.SortOrder);
        Assert.All(added, g => Assert.Equal(entry.Id, g.EntryId));
    }
}
