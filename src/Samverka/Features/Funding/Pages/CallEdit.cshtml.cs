using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Funding.Calls;
using Samverka.Features.Funding.Programmes;
using Samverka.Features.Needs;

namespace Samverka.Features.Funding.Pages;

/// Opens a call of a programme (or turns a need into one: ?need=), saves it as a draft, publishes it, or cancels it;
/// for the municipality's staff.
[Authorize(Policy = Policies.TenantStaff)]
public sealed class CallEditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : MunicipalityPageModel
{
    [BindProperty] public CallInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    public GrantCall? Existing { get; private set; }
    public IReadOnlyList<GrantProgramme> Programmes { get; private set; } = [];
    public List<SelectListItem> ProgrammeItems => Programmes.Select(p => new SelectListItem(p.Title, p.Id.ToString())).ToList();
    public Need? FromNeed { get; private set; }
    public bool ConfirmCancel { get; private set; }

    private async Task<IActionResult?> LoadAsync(string slot, Guid? need, CancellationToken ct)
    {
        if (!EditSlot.TryParse(slot, out var id)) return NotFound();
        if (id is not null)
        {
            Existing = await db.GrantCalls().SingleOrDefaultAsync(c => c.Id == id && c.TenantId == Municipality.Id, ct);
            if (Existing is null) return NotFound();
        }
        Programmes = await db.GrantProgrammes().AsNoTracking().Where(p => p.TenantId == Municipality.Id).OrderBy(p => p.Title).ToListAsync(ct);
        var needId = Existing?.NeedId ?? need;
        if (needId is not null)
        {
            FromNeed = await db.Needs().AsNoTracking().SingleOrDefaultAsync(n => n.Id == needId && n.TenantId == Municipality.Id, ct);
            if (FromNeed is null && Existing is null) return NotFound();
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(string id, Guid? programme, Guid? need, bool confirmCancel, CancellationToken ct)
    {
        if (await LoadAsync(id, need, ct) is { } refused) return refused;
        if (Existing is { } c)
        {
            Input = CallInput.From(c);
            Stamp = EditStamp.Of(c, Input);
            ConfirmCancel = confirmCancel && c.Status != CallStatus.Cancelled;
            return Page();
        }
        if (Programmes.Count == 0)
        {
            TempData["Flash"] = l["Funding.Call.ProgrammeFirst"].Value;
            return Redirect($"/municipalities/{Municipality.Code}/funding/programmes/new");
        }
        var today = CallBoard.Today(clock);
        Input.ProgrammeId = Programmes.FirstOrDefault(p => p.Id == programme)?.Id ?? Programmes[0].Id;
        Input.Opens = today;
        Input.Closes = today.AddDays(30);
        if (FromNeed is { } n)
        {
            // A need becomes a call: its problem and wished outcome are the call's text, its budget the pot.
            Input.Title = n.Title;
            Input.Description = n.Problem + "\n\n" + n.DesiredOutcome;
            Input.Pot = n.Budget;
            Input.Closes = n.Closes > today ? n.Closes : today.AddDays(30);
        }
        return Page();
    }

    /// "save" keeps the state (a new call is a draft), "publish" puts it on the board, "cancel" withdraws it.
    public async Task<IActionResult> OnPostAsync(string id, Guid? need, string? go, CancellationToken ct)
    {
        if (await LoadAsync(id, need, ct) is { } refused) return refused;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = CallBoard.Today(clock);
        if (go == "cancel" && Existing is not null)
        {
            Existing.Cancel(now);
            if (!await this.SaveEditAsync(db, Existing, Stamp, Input, CallInput.From, nameof(Input), l, ct)) return this.ConflictPage();
            TempData["Flash"] = l["Funding.Call.CancelledDone"].Value;
            return Redirect($"/funding/calls/{Existing.Id}");
        }
        var publishing = go == "publish" || Existing?.Status == CallStatus.Published;
        var programme = Programmes.FirstOrDefault(p => p.Id == (Existing?.ProgrammeId ?? Input.ProgrammeId));
        if (programme is null) ModelState.AddModelError("Input.ProgrammeId", l["Validation.UnknownValue"]);
        else if (Input.Pot > programme.Budget) ModelState.AddModelError("Input.Pot", l["Funding.Call.PotOverBudget", Money.Format(programme.Budget, programme.Currency)]);
        if (GrantCall.WindowProblem(Input.Opens, Input.Closes, publishing, today) is { } window) ModelState.AddModelError("Input.Closes", l[window]);
        if (!ModelState.IsValid) return Page();

        var call = Existing;
        if (call is null)
        {
            call = new GrantCall { TenantId = Municipality.Id, ProgrammeId = programme!.Id, NeedId = FromNeed?.Id, CreatedAt = now };
            db.GrantCalls().Add(call);
        }
        Input.ProgrammeId = call.ProgrammeId;
        Input.ApplyTo(call);
        call.UpdatedAt = now;
        if (go == "publish") call.Publish(now);
        if (Existing is null) await db.SaveChangesAsync(ct);
        else if (!await this.SaveEditAsync(db, Existing, Stamp, Input, CallInput.From, nameof(Input), l, ct)) return this.ConflictPage();
        TempData["Flash"] = (call.Status == CallStatus.Published ? l["Funding.Call.Published"] : l["Funding.Call.DraftSaved"]).Value;
        return Redirect($"/funding/calls/{call.Id}");
    }
}

public sealed class CallInput
{
    public static CallInput From(GrantCall c) => new()
    {
        ProgrammeId = c.ProgrammeId, Title = c.Title, Description = c.Description, Pot = c.Pot, Opens = c.Opens, Closes = c.Closes,
    };

    public void ApplyTo(GrantCall c)
    {
        c.Title = Title.Trim();
        c.Description = Description.Trim();
        c.Pot = Pot ?? 0;
        c.Opens = Opens!.Value;
        c.Closes = Closes!.Value;
    }

    [Display(Name = "Funding.Call.Programme")]
    public Guid ProgrammeId { get; set; }

    [Display(Name = "Funding.Call.TitleField")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Title { get; set; } = "";

    [Display(Name = "Funding.Call.Description")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string Description { get; set; } = "";

    [Display(Name = "Funding.Call.Pot")]
    [Required(ErrorMessage = "Validation.Required")]
    [Range(0, 10_000_000_000, ErrorMessage = "Validation.Range")]
    public decimal? Pot { get; set; }

    [Display(Name = "Funding.Call.Opens")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateOnly? Opens { get; set; }

    [Display(Name = "Funding.Call.Closes")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateOnly? Closes { get; set; }
}
