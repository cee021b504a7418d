using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Municipalities.Calendar;

namespace Samverka.Features.Municipalities.Pages;

/// Adds, changes or removes one date in the budget calendar; for the municipality's admins and coordinators.
[Authorize(Policy = Policies.TenantProfileEditor)]
public sealed class CalendarEditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : MunicipalityPageModel
{
    [BindProperty] public BudgetEventInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    public Guid? EventId { get; private set; }
    public bool ConfirmDelete { get; private set; }

    public IEnumerable<SelectListItem> Kinds =>
        Enum.GetValues<BudgetEventKind>().Select(k => new SelectListItem(l["BudgetEventKind." + k], k.ToString()));

    private async Task<(BudgetEvent? Event, IActionResult? Denied)> LoadAsync(string code, string slot, CancellationToken ct)
    {
        if (!EditSlot.TryParse(slot, out var id)) return (null, NotFound());
        EventId = id;
        if (id is null) return (null, null);
        var e = await db.BudgetEvents().SingleOrDefaultAsync(x => x.Id == id && x.TenantId == Municipality.Id, ct);
        return e is null ? (null, NotFound()) : (e, null);
    }

    public async Task<IActionResult> OnGetAsync(string code, string id, bool confirmDelete, CancellationToken ct)
    {
        var (e, denied) = await LoadAsync(code, id, ct);
        if (denied is not null) return denied;
        ConfirmDelete = confirmDelete && e is not null;
        if (e is not null)
        {
            Input = BudgetEventInput.From(e);
            Stamp = EditStamp.Of(e, Input);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string id, CancellationToken ct)
    {
        var (e, denied) = await LoadAsync(code, id, ct);
        if (denied is not null) return denied;
        if (Input.EndTime is not null && Input.StartTime is null)
            ModelState.AddModelError("Input.StartTime", l["Calendar.StartNeeded"]);
        else if (Input.EndTime is { } end && Input.StartTime is { } start && end <= start)
            ModelState.AddModelError("Input.EndTime", l["Calendar.EndAfterStart"]);
        if (!ModelState.IsValid) return Page();
        var existing = e is not null;
        if (e is null)
        {
            e = new BudgetEvent { TenantId = Municipality.Id };
            db.BudgetEvents().Add(e);
        }
        e.Kind = Input.Kind!.Value;
        e.Title = Input.Title.Trim();
        e.Body = Text.Blank(Input.Body);
        e.Date = Input.Date!.Value;
        e.StartTime = Input.StartTime;
        e.EndTime = Input.EndTime;
        e.Location = Text.Blank(Input.Location);
        e.Description = Text.Blank(Input.Description);
        e.IsPublic = Input.IsPublic;
        e.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!existing) await db.SaveChangesAsync(ct);
        else if (!await this.SaveEditAsync(db, e, Stamp, Input, BudgetEventInput.From, nameof(Input), l, ct)) return this.ConflictPage();
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/municipalities/{code}/calendar");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, string id, CancellationToken ct)
    {
        var (e, denied) = await LoadAsync(code, id, ct);
        if (denied is not null) return denied;
        if (e is null) return NotFound();
        db.BudgetEvents().Remove(e);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Calendar.Deleted"].Value;
        return Redirect($"/municipalities/{code}/calendar");
    }
}

public sealed class BudgetEventInput
{
    public static BudgetEventInput From(BudgetEvent e) => new()
    {
        Kind = e.Kind, Title = e.Title, Body = e.Body, Date = e.Date, StartTime = e.StartTime, EndTime = e.EndTime,
        Location = e.Location, Description = e.Description, IsPublic = e.IsPublic,
    };

    [Display(Name = "Calendar.Kind")]
    [Required(ErrorMessage = "Validation.Choose")]
    public BudgetEventKind? Kind { get; set; }

    [Display(Name = "Calendar.TitleField")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Title { get; set; } = "";

    [Display(Name = "Calendar.Body")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Body { get; set; }

    [Display(Name = "Calendar.Date")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Calendar.StartTime")]
    public TimeOnly? StartTime { get; set; }

    [Display(Name = "Calendar.EndTime")]
    public TimeOnly? EndTime { get; set; }

    [Display(Name = "Calendar.Location")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Location { get; set; }

    [Display(Name = "Field.Description")]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Description { get; set; }

    [Display(Name = "Calendar.IsPublic")]
    public bool IsPublic { get; set; } = true;
}
