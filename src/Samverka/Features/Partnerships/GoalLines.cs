using Samverka.Platform.Indicators;

namespace Samverka.Features.Partnerships;

/// A partnership's goals as the pages and the agreement list them: one line per indicator (a goal without one gets
/// a line of its own), values written with their unit in the current culture.
public sealed record GoalLine(IndicatorGoal Goal, Indicator? Indicator, string? IndicatorName, string? Baseline, string? Target)
{
    public static IReadOnlyList<GoalLine> Of(IEnumerable<IndicatorGoal> goals) =>
        goals.SelectMany(g => g.Indicators.Count == 0
            ? [new GoalLine(g, null, null, null, null)]
            : g.Indicators.OrderBy(i => i.Position).Select(i => new GoalLine(g, i, Name(i),
                IndicatorValue.Format(i.Baseline, i.Unit), IndicatorValue.Format(i.Target, i.Unit)))).ToList();

    private static string? Name(Indicator i)
    {
        var name = string.IsNullOrWhiteSpace(i.Name) ? null : i.Name;
        return i.Note is null ? name : name is null ? i.Note : $"{name} ({i.Note})";
    }
}

/// A partnership goal as the parties write it — a goal, what shows it, where it starts and where it should end, in
/// words with numbers ("35 %") — put on the indicator model. A baseline set now is dated today; a target below the
/// baseline means less is better.
public static class PartnershipGoals
{
    public enum Problem { None, BaselineNotANumber, TargetNotANumber, UnitsDiffer }

    public static (IndicatorGoal? Goal, Problem Problem) Build(Guid partnershipId, string text, string? indicator, string? baseline, string? target,
        DateOnly? targetDate, DateTime now)
    {
        decimal from = 0, to = 0;
        string? fromUnit = null, toUnit = null;
        var hasFrom = !string.IsNullOrWhiteSpace(baseline);
        var hasTo = !string.IsNullOrWhiteSpace(target);
        if (hasFrom && !IndicatorValue.TryParse(baseline, out from, out fromUnit)) return (null, Problem.BaselineNotANumber);
        if (hasTo && !IndicatorValue.TryParse(target, out to, out toUnit)) return (null, Problem.TargetNotANumber);
        if (fromUnit is not null && toUnit is not null && fromUnit != toUnit) return (null, Problem.UnitsDiffer);

        var goal = new IndicatorGoal { OwnerKind = IndicatorOwner.Partnership, OwnerId = partnershipId, Text = text.Trim(), TargetDate = targetDate, CreatedAt = now };
        if (!string.IsNullOrWhiteSpace(indicator) || hasFrom || hasTo)
        {
            decimal? b = hasFrom ? from : null, t = hasTo ? to : null;
            goal.Indicators.Add(new Indicator
            {
                GoalId = goal.Id, Name = indicator?.Trim() ?? "", Unit = fromUnit ?? toUnit, Baseline = b, BaselineOn = hasFrom ? DateOnly.FromDateTime(now) : null,
                Target = t, Direction = Indicator.DirectionOf(b, t),
            });
        }
        return (goal, Problem.None);
    }
}
