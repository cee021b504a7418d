using Microsoft.AspNetCore.Mvc.Rendering;

namespace Samverka.Features.Partnerships.Pages.Steps;

/// Step 3, strategies: what each party contributes, besides the step's questions.
public sealed class StrategiesStepModel(PartnershipPageServices s) : StepPageModel(s)
{
    protected override string StepCode => "strategies";

    public ContributionInput Contribution { get; set; } = new();
    public IEnumerable<SelectListItem> KindItems => Enum.GetValues<ContributionKind>().Select(k => new SelectListItem(L["ContributionKind." + k], k.ToString()));

    protected override IReadOnlyDictionary<string, Removable> Removables => new Dictionary<string, Removable>
    {
        ["contribution"] = new("contributions", id => File.Contributions.FirstOrDefault(c => c.Id == id)?.Description, RemoveRowAsync<PartnershipContribution>),
    };

    public async Task<IActionResult> OnPostAddContributionAsync(Guid id, [Bind(Prefix = "Contribution")] ContributionInput contribution, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        Contribution = contribution;
        if (contribution.PartyId is { } partyId && File.Party(partyId) is null) ModelState.AddModelError("Contribution.PartyId", L["Validation.Choose", L["Partnerships.Party"]]);
        if (!ModelState.IsValid) return await AgainAsync(ct);
        return await AddAsync(new PartnershipContribution
        {
            PartnershipId = id, PartyId = contribution.PartyId!.Value, Kind = contribution.Kind!.Value,
            Description = contribution.Description.Trim(), Value = contribution.Value!.Value,
        }, "contributions", ct);
    }
}

public sealed class ContributionInput
{
    [Display(Name = "Partnerships.Party")]
    [Required(ErrorMessage = "Validation.Choose")]
    public Guid? PartyId { get; set; }

    [Display(Name = "Partnerships.ContributionKind")]
    [Required(ErrorMessage = "Validation.Choose")]
    public ContributionKind? Kind { get; set; }

    [Display(Name = "Partnerships.ContributionDescription")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Description { get; set; } = "";

    [Display(Name = "Partnerships.ContributionValue")]
    [Required(ErrorMessage = "Validation.Required")]
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Validation.Range")]
    public decimal? Value { get; set; }
}
