using Microsoft.AspNetCore.Mvc.Rendering;

namespace Samverka.Features.Partnerships.Pages;

/// The partnership's settings: title, purpose, form, the participation ladder, renewal talks, and (for the staff of a
/// party municipality) public money, which public fields are confidential and why, and ending the partnership. The
/// status is not a setting: it follows the lifecycle (PartnershipRules).
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class EditModel(AppDbContext db, CurrentUser current, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PartnershipPageModel(db, current, clock)
{
    [BindProperty] public PartnershipSettingsInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();

    public IEnumerable<SelectListItem> Forms => Enum.GetValues<PartnershipForm>().Select(f => new SelectListItem(l["PartnershipForm." + f], f.ToString()));
    public IEnumerable<SelectListItem> Levels => Enum.GetValues<LadderLevel>().Select(v => new SelectListItem(l["LadderLevel." + v], ((int)v).ToString()));
    public IEnumerable<SelectListItem> ConfidentialItems => ConfidentialField.All.Select(c => new SelectListItem(l["ConfidentialField." + c], c));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: false, ct) is { } denied) return denied;
        Input = PartnershipSettingsInput.From(P);
        Stamp = EditStamp.Of(P, Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: true, ct) is { } denied) return denied;
        if (Input.Ladder.Count != Partnership.LadderStages.Length || Input.Ladder.Any(v => !Enum.IsDefined((LadderLevel)v)))
            return BadRequest();
        var confidential = Input.Confidential.Where(ConfidentialField.All.Contains).Distinct().ToList();
        if (Rights.CanMarkConfidential && confidential.Count > 0 && string.IsNullOrWhiteSpace(Input.ConfidentialReason))
            ModelState.AddModelError("Input.ConfidentialReason", l["Partnerships.ReasonRequired"]);
        if (!ModelState.IsValid) return Page();

        var p = await Db.Partnerships().SingleAsync(x => x.Id == id, ct);
        Input.ApplyTo(p);
        // What the public side pays is the public side's to state; a posted value from anyone else is ignored.
        // Where the municipal parties list money contributions, those are the public money (PartnershipRules.PublicMoney).
        if (Rights.CanSetPublicMoney && !File.PublicMoneyFromContributions) p.PublicMoney = Input.PublicMoney;
        p.Ladder = [.. Input.Ladder];
        // Only officers of a party municipality decide what the public does not see.
        if (Rights.CanMarkConfidential)
        {
            p.ConfidentialFields = confidential;
            p.ConfidentialReason = confidential.Count == 0 ? null : Text.Blank(Input.ConfidentialReason);
        }
        p.UpdatedAt = Now;
        if (!await this.SaveEditAsync(Db, p, Stamp, Input, PartnershipSettingsInput.From, nameof(Input), l, ct)) return this.ConflictPage();
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect(Home);
    }

    /// Renewal talks have started: the partnership is renewing until a new agreement is approved.
    public async Task<IActionResult> OnPostRenewalAsync(Guid id, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: true, ct) is { } denied) return denied;
        if (!Rights.CanStartRenewal) return Forbid();
        var p = await Db.Partnerships().SingleAsync(x => x.Id == id, ct);
        p.Apply(LifecycleEvent.RenewalStarted, Now, Today);
        await Db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Partnerships.RenewalStarted"].Value;
        return Redirect(Home);
    }

    /// Municipal staff of a party end the partnership. The record stays for the parties to read and correct.
    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: true, ct) is { } denied) return denied;
        if (!Rights.CanEnd) return Forbid();
        var p = await Db.Partnerships().SingleAsync(x => x.Id == id, ct);
        p.Apply(LifecycleEvent.Ended, Now, Today);
        await Db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Partnerships.EndedFlash"].Value;
        return Redirect(Home);
    }
}

/// What a partnership is called, what it is for and its form: asked when it starts (NewPartnershipInput) and kept
/// in its settings (PartnershipSettingsInput), written onto it in one place.
public abstract class PartnershipBasicsInput
{
    [Display(Name = "Partnerships.TitleField")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Title { get; set; } = "";

    [Display(Name = "Partnerships.Purpose")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(2000, MinimumLength = 10, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Purpose { get; set; } = "";

    [Display(Name = "Partnerships.Form")]
    [Required(ErrorMessage = "Validation.Choose")]
    public PartnershipForm? Form { get; set; }

    public void ApplyTo(Partnership p)
    {
        p.Title = Title.Trim();
        p.Purpose = Purpose.Trim();
        p.Form = Form!.Value;
    }
}

public sealed class PartnershipSettingsInput : PartnershipBasicsInput
{
    public static PartnershipSettingsInput From(Partnership p) => new()
    {
        Title = p.Title, Purpose = p.Purpose, Form = p.Form, PublicMoney = p.PublicMoney,
        Ladder = [.. Enumerable.Range(0, Partnership.LadderStages.Length).Select(i => (int)p.LadderAt(i))],
        Confidential = [.. p.ConfidentialFields], ConfidentialReason = p.ConfidentialReason,
    };

    [Display(Name = "Partnerships.PublicMoney")]
    [Range(typeof(decimal), "0", "100000000000", ErrorMessage = "Validation.Range")]
    public decimal? PublicMoney { get; set; }

    public List<int> Ladder { get; set; } = [];

    [Display(Name = "Partnerships.ConfidentialFields")]
    public List<string> Confidential { get; set; } = [];

    [Display(Name = "Partnerships.ConfidentialReasonField")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? ConfidentialReason { get; set; }
}
