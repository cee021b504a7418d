using Microsoft.AspNetCore.Mvc.Rendering;

namespace Samverka.Features.Partnerships.Pages.Steps;

/// Step 5, processes: the step's questions and, in the same form, how often the parties check in.
public sealed class ProcessesStepModel(PartnershipPageServices s) : StepPageModel(s)
{
    protected override string StepCode => "processes";

    public static readonly int[] Rhythms = [7, 14, 30, 60, 90];
    [BindProperty] public int? Rhythm { get; set; }
    public IEnumerable<SelectListItem> RhythmItems => Rhythms.Select(d => new SelectListItem(L["Partnerships.EveryDays", d], d.ToString()));

    protected override Task FillPartsAsync(CancellationToken ct)
    {
        Rhythm ??= P.CheckInEveryDays;
        return Task.CompletedTask;
    }

    protected override void ValidateSettings()
    {
        if (Rhythm is null || !Rhythms.Contains(Rhythm.Value))
            ModelState.AddModelError(nameof(Rhythm), L["Validation.Choose", L["Partnerships.Rhythm"]]);
    }

    protected override void ApplySettings(Partnership p) => p.CheckInEveryDays = Rhythm!.Value;
}
