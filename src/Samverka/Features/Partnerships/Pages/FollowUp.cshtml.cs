using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Partnerships.Running;

namespace Samverka.Features.Partnerships.Pages;

/// Running the partnership: check-ins on the agreed rhythm, the decisions log and actions with owner and due date.
/// Check-ins and decisions are a record and are not removed; actions are marked done (or reopened).
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class FollowUpModel(AppDbContext db, CurrentUser current, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PartnershipPageModel(db, current, clock)
{
    public CheckInInput CheckIn { get; set; } = new();
    public DecisionInput Decision { get; set; } = new();
    public ActionInput Action { get; set; } = new();
    public IEnumerable<SelectListItem> OwnerItems => File.People.Select(p => new SelectListItem($"{p.Name} ({File.Party(p.PartyId)?.Name})", p.Id.ToString()));
    private string Here => $"{Home}/follow-up";

    private void Defaults()
    {
        CheckIn.HeldOn ??= Today;
        Decision.DecidedOn ??= Today;
        Action.DueOn ??= Today.AddDays(14);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: false, ct) is { } denied) return denied;
        Defaults();
        return Page();
    }

    private IActionResult Done(string anchor)
    {
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"{Here}#{anchor}");
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid id, [Bind(Prefix = "CheckIn")] CheckInInput input, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: true, ct) is { } denied) return denied;
        CheckIn = input;
        if (input.HeldOn > Today) ModelState.AddModelError("CheckIn.HeldOn", l["FollowUp.NotInFuture"]);
        if (!ModelState.IsValid) { Defaults(); return Page(); }
        Db.CheckIns().Add(new CheckIn
        {
            PartnershipId = id, HeldOn = input.HeldOn!.Value, Progress = input.Progress.Trim(), Blockers = Text.Blank(input.Blockers),
            Celebrate = Text.Blank(input.Celebrate), RecordedBy = await MeAsync(ct), CreatedAt = Now,
        });
        await Db.SaveChangesAsync(ct);
        return Done("check-ins");
    }

    public async Task<IActionResult> OnPostDecisionAsync(Guid id, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: true, ct) is { } denied) return denied;
        Decision = input;
        if (!ModelState.IsValid) { Defaults(); return Page(); }
        Db.Decisions().Add(new Decision
        {
            PartnershipId = id, DecidedOn = input.DecidedOn!.Value, Text = input.Text.Trim(), DecidedBy = Text.Blank(input.DecidedBy), CreatedAt = Now,
        });
        await Db.SaveChangesAsync(ct);
        return Done("decisions");
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, [Bind(Prefix = "Action")] ActionInput input, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: true, ct) is { } denied) return denied;
        Action = input;
        if (input.OwnerPersonId is { } owner && File.Person(owner) is null) ModelState.AddModelError("Action.OwnerPersonId", l["Validation.Choose", l["FollowUp.Owner"]]);
        if (!ModelState.IsValid) { Defaults(); return Page(); }
        Db.FollowUpActions().Add(new FollowUpAction
        {
            PartnershipId = id, Text = input.Text.Trim(), OwnerPersonId = input.OwnerPersonId, DueOn = input.DueOn!.Value, CreatedAt = Now,
        });
        await Db.SaveChangesAsync(ct);
        return Done("actions");
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid id, Guid actionId, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: true, ct) is { } denied) return denied;
        var action = await Db.FollowUpActions().SingleOrDefaultAsync(a => a.Id == actionId && a.PartnershipId == id, ct);
        if (action is null) return NotFound();
        action.DoneOn = action.DoneOn is null ? Today : null;
        await Db.SaveChangesAsync(ct);
        return Done("actions");
    }
}

public sealed class CheckInInput
{
    [Display(Name = "FollowUp.HeldOn")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateOnly? HeldOn { get; set; }

    [Display(Name = "FollowUp.Progress")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    public string Progress { get; set; } = "";

    [Display(Name = "FollowUp.Blockers")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    public string? Blockers { get; set; }

    [Display(Name = "FollowUp.Celebrate")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    public string? Celebrate { get; set; }
}

public sealed class DecisionInput
{
    [Display(Name = "FollowUp.DecidedOn")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateOnly? DecidedOn { get; set; }

    [Display(Name = "FollowUp.DecisionText")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(2000, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    public string Text { get; set; } = "";

    [Display(Name = "FollowUp.DecidedBy")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? DecidedBy { get; set; }
}

public sealed class ActionInput
{
    [Display(Name = "FollowUp.ActionText")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1000, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    public string Text { get; set; } = "";

    [Display(Name = "FollowUp.Owner")]
    [Required(ErrorMessage = "Validation.Choose")]
    public Guid? OwnerPersonId { get; set; }

    [Display(Name = "FollowUp.DueOn")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateOnly? DueOn { get; set; }
}
