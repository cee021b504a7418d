using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Samverka.Platform.Data;
using Samverka.Platform.UI;

namespace Samverka.Features.Partnerships.Pages.Steps;

/// Step 6, follow-up: the partnership's goals with their indicators, besides the step's questions.
public sealed class FollowUpStepModel(PartnershipPageServices s) : StepPageModel(s)
{
    protected override string StepCode => "follow-up";

    public GoalInput Goal { get; set; } = new();

    protected override IReadOnlyDictionary<string, Removable> Removables => new Dictionary<string, Removable>
    {
        ["goal"] = new("goals", id => File.Goals.FirstOrDefault(g => g.Id == id)?.Text, RemoveRowAsync<PartnershipGoal>),
    };

    public async Task<IActionResult> OnPostAddGoalAsync(Guid id, [Bind(Prefix = "Goal")] GoalInput goal, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        Goal = goal;
        if (!ModelState.IsValid) return await AgainAsync(ct);
        Db.PartnershipGoals().Add(new PartnershipGoal
        {
            PartnershipId = id, Text = goal.Text.Trim(), Indicator = Text.Blank(goal.Indicator), Baseline = Text.Blank(goal.Baseline),
            Target = Text.Blank(goal.Target), TargetDate = goal.TargetDate,
        });
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
