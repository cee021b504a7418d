using System.Globalization;
using Samverka.Features.Partnerships;
using Samverka.Platform.Indicators;

namespace Samverka.Tests.Platform;

/// The indicator rules: progress from the baseline towards the target in the indicator's direction, the latest
/// measurement, and values read as people write them.
public sealed class IndicatorTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Measurement M(decimal value, DateOnly on, int minute = 0) =>
        new() { Value = value, MeasuredOn = on, RecordedAt = Now.AddMinutes(minute) };

    [Fact]
    public void Progress_runs_from_the_baseline_to_the_target_in_either_direction()
    {
        var more = new Indicator { Baseline = 0, Target = 300, Direction = IndicatorDirection.HigherIsBetter };
        Assert.Null(more.Progress);
        more.Measurements.Add(M(42, new(2026, 10, 1)));
        Assert.Equal(0.14m, more.Progress);
        Assert.True(more.Improved(42));

        // Fewer is better: from 40 % waiting to 10 %; 25 % is half-way, 50 % is worse than at the start.
        var fewer = new Indicator { Baseline = 40, Target = 10, Direction = Indicator.DirectionOf(40, 10) };
        Assert.Equal(IndicatorDirection.LowerIsBetter, fewer.Direction);
        Assert.Equal(0.5m, fewer.ProgressOf(25));
        Assert.True(fewer.Improved(25));
        Assert.False(fewer.Improved(50));
        Assert.True(fewer.ProgressOf(50) < 0);
        Assert.Equal(1m, fewer.ProgressOf(10));
    }

    [Fact]
    public void Without_a_baseline_or_with_the_target_at_the_baseline_there_is_no_progress()
    {
        Assert.Null(new Indicator { Target = 10 }.ProgressOf(5));
        Assert.Null(new Indicator { Baseline = 10, Target = 10 }.ProgressOf(5));
        Assert.Null(new Indicator { Target = 10 }.Improved(5));
        Assert.Equal(IndicatorDirection.HigherIsBetter, Indicator.DirectionOf(null, 5));
    }

    [Fact]
    public void The_latest_measurement_is_the_latest_by_date_then_by_recording()
    {
        var i = new Indicator { Baseline = 0, Target = 100 };
        i.Measurements.AddRange([M(30, new(2026, 9, 1), 5), M(20, new(2026, 11, 1), 1), M(25, new(2026, 11, 1), 2), M(90, new(2026, 6, 1), 9)]);
        Assert.Equal(25, i.Latest!.Value);
        Assert.Equal(0.25m, i.Progress);
    }

    [Theory]
    [InlineData("35 %", 35, "%")]
    [InlineData("0", 0, null)]
    [InlineData("1 200 st", 1200, "st")]
    [InlineData("3,5 timmar", 3.5, "timmar")]
    [InlineData("-2.25", -2.25, null)]
    public void Values_are_read_as_people_write_them(string text, double value, string? unit)
    {
        Assert.True(IndicatorValue.TryParse(text, out var v, out var u));
        Assert.Equal((decimal)value, v);
        Assert.Equal(unit, u);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hög")]
    [InlineData("ungefär 30")]
    public void Words_are_not_values(string text) => Assert.False(IndicatorValue.TryParse(text, out _, out _));

    [Fact]
    public void Values_are_written_with_their_unit_in_the_current_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("sv-SE");
            Assert.Equal("35 %", IndicatorValue.Format(35, "%"));
            Assert.Equal("3,5 timmar", IndicatorValue.Format(3.5m, "timmar"));
            Assert.Equal("300", IndicatorValue.Format(300, null));
            Assert.Null(IndicatorValue.Format(null, "%"));
        }
        finally { CultureInfo.CurrentCulture = culture; }
    }

    [Fact]
    public void A_partnership_goal_written_in_words_becomes_a_goal_with_a_dated_baseline()
    {
        var id = Guid.NewGuid();
        var (goal, problem) = PartnershipGoals.Build(id, " Färre väntar ", "Andel som väntar mer än en vecka", "40 %", "10 %", new DateOnly(2027, 6, 30), Now);
        Assert.Equal(PartnershipGoals.Problem.None, problem);
        Assert.Equal((IndicatorOwner.Partnership, id, "Färre väntar"), (goal!.OwnerKind, goal.OwnerId, goal.Text));
        var i = Assert.Single(goal.Indicators);
        Assert.Equal((40m, 10m, "%", IndicatorDirection.LowerIsBetter, new DateOnly(2026, 12, 2)), (i.Baseline!.Value, i.Target!.Value, i.Unit, i.Direction, i.BaselineOn!.Value));
        Assert.True(goal.HasIndicator);

        Assert.Empty(PartnershipGoals.Build(id, "Bara ett mål", null, null, null, null, Now).Goal!.Indicators);
        Assert.Equal(PartnershipGoals.Problem.BaselineNotANumber, PartnershipGoals.Build(id, "Mål", "Mått", "låg", "80", null, Now).Problem);
        Assert.Equal(PartnershipGoals.Problem.TargetNotANumber, PartnershipGoals.Build(id, "Mål", "Mått", "1", "hög", null, Now).Problem);
        Assert.Equal(PartnershipGoals.Problem.UnitsDiffer, PartnershipGoals.Build(id, "Mål", "Mått", "1 %", "5 st", null, Now).Problem);
    }
}
