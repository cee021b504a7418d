namespace Samverka.Features.Partnerships.Pages.Steps;

/// Step 7, continuation: the step's questions and, in the same form, the agreed period and when renewal talks begin.
public sealed class ContinuationStepModel(PartnershipPageServices s) : StepPageModel(s)
{
    protected override string StepCode => "continuation";

    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public int? RenewalMonths { get; set; }

    protected override Task FillPartsAsync(CancellationToken ct)
    {
        StartsOn ??= P.StartsOn;
        EndsOn ??= P.EndsOn;
        RenewalMonths ??= P.RenewalMonthsBefore;
        return Task.CompletedTask;
    }

    protected override void ValidateSettings()
    {
        if (StartsOn is not null && EndsOn is not null && EndsOn <= StartsOn)
            ModelState.AddModelError(nameof(EndsOn), L["Partnerships.EndAfterStart"]);
        if (RenewalMonths is null or < 1 or > 24)
            ModelState.AddModelError(nameof(RenewalMonths), L["Validation.Range", L["Partnerships.RenewalMonths"], 1, 24]);
    }

    protected override void ApplySettings(Partnership p)
    {
        p.StartsOn = StartsOn;
        p.EndsOn = EndsOn;
        p.RenewalMonthsBefore = RenewalMonths!.Value;
    }
}
