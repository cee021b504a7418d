using Samverka.Platform.Indicators;

namespace Samverka.Features.Partnerships.Pages.Steps;

/// Step 6, follow-up: the partnership's goals with their indicators, besides the step's questions.
public sealed class FollowUpStepModel(PartnershipPageServices s) : StepPageModel(s)
{
    protected override string StepCode => "follow-up";

    public GoalInput Goal { get; set; } = new();

    protected override IReadOnlyDictionary<string, Removable> Removables => new Dictionary<string, Removable>
    {
        ["goal"] = new("goals", id => File.Goals.FirstOrDefault(g => g.Id == id)?.Text, RemoveRowAsync<IndicatorGoal>),
    };

    public async Task<IActionResult> OnPostAddGoalAsync(Guid id, [Bind(Prefix = "Goal")] GoalInput goal, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        Goal = goal;
        if (!ModelState.IsValid) return await AgainAsync(ct);
        // Goals live on the platform's indicator model; baseline and target are read as numbers with a unit.
        var (built, problem) = PartnershipGoals.Build(id, goal.Text, goal.Indicator, goal.Baseline, goal.Target, goal.TargetDate, Now);
        if (built is null)
        {
            if (problem == PartnershipGoals.Problem.UnitsDiffer) ModelState.AddModelError("Goal.Target", L["Indicators.UnitsDiffer"]);
            else ModelState.AddModelError(problem == PartnershipGoals.Problem.BaselineNotANumber ? "Goal.Baseline" : "Goal.Target",
                L["Indicators.NotANumber", L[problem == PartnershipGoals.Problem.BaselineNotANumber ? "Partnerships.Baseline" : "Partnerships.Target"]]);
            return await AgainAsync(ct);
        }
        Db.IndicatorGoals().Add(built);
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("goals");
    }
}

public sealed class GoalInput
{
    [Display(Name = "Partnerships.Goal")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1000, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Text { get; set; } = "";

    [Display(Name = "Partnerships.Indicator")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Indicator { get; set; }

    [Display(Name = "Partnerships.Baseline")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Baseline { get; set; }

    [Display(Name = "Partnerships.Target")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Target { get; set; }

    [Display(Name = "Partnerships.TargetDate")]
    public DateOnly? TargetDate { get; set; }
}
