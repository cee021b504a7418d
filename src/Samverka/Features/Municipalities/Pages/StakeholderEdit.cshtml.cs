using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Municipalities.Stakeholders;

namespace Samverka.Features.Municipalities.Pages;

/// Adds, moves or removes one stakeholder on the municipality's map; for its staff.
[Authorize(Policy = Policies.TenantStaff)]
public sealed class StakeholderEditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : MunicipalityPageModel
{
    [BindProperty] public StakeholderInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    public Guid? StakeholderId { get; private set; }
    public bool ConfirmDelete { get; private set; }

    /// The 1–5 scale for influence and interest, highest first.
    public IEnumerable<SelectListItem> Scale =>
        Enumerable.Range(1, 5).Reverse().Select(i => new SelectListItem($"{i} – {l["Scale." + i]}", i.ToString()));

    private async Task<(Stakeholder? Stakeholder, IActionResult? Denied)> LoadAsync(string code, string slot, CancellationToken ct)
    {
        if (!EditSlot.TryParse(slot, out var id)) return (null, NotFound());
        StakeholderId = id;
        if (id is null) return (null, null);
        var s = await db.Stakeholders().SingleOrDefaultAsync(x => x.Id == id && x.TenantId == Municipality.Id, ct);
        return s is null ? (null, NotFound()) : (s, null);
    }

    public async Task<IActionResult> OnGetAsync(string code, string id, bool confirmDelete, CancellationToken ct)
    {
        var (s, denied) = await LoadAsync(code, id, ct);
        if (denied is not null) return denied;
        ConfirmDelete = confirmDelete && s is not null;
        if (s is not null)
        {
            Input = StakeholderInput.From(s);
            Stamp = EditStamp.Of(s, Input);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string id, CancellationToken ct)
    {
        var (s, denied) = await LoadAsync(code, id, ct);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var existing = s is not null;
        if (s is null)
        {
            s = new Stakeholder { TenantId = Municipality.Id };
            db.Stakeholders().Add(s);
        }
        s.Name = Input.Name.Trim();
        s.Role = Text.Blank(Input.Role);
        s.Influence = Input.Influence!.Value;
        s.Interest = Input.Interest!.Value;
        s.Note = Text.Blank(Input.Note);
        s.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!existing) await db.SaveChangesAsync(ct);
        else if (!await this.SaveEditAsync(db, s, Stamp, Input, StakeholderInput.From, nameof(Input), l, ct)) return this.ConflictPage();
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/municipalities/{code}/stakeholders");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, string id, CancellationToken ct)
    {
        var (s, denied) = await LoadAsync(code, id, ct);
        if (denied is not null) return denied;
        if (s is null) return NotFound();
        db.Stakeholders().Remove(s);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Stakeholders.Deleted"].Value;
        return Redirect($"/municipalities/{code}/stakeholders");
    }
}

public sealed class StakeholderInput
{
    public static StakeholderInput From(Stakeholder s) => new() { Name = s.Name, Role = s.Role, Influence = s.Influence, Interest = s.Interest, Note = s.Note };

    [Display(Name = "Stakeholders.Name")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Name { get; set; } = "";

    [Display(Name = "Stakeholders.Role")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Role { get; set; }

    [Display(Name = "Stakeholders.Influence")]
    [Required(ErrorMessage = "Validation.Choose")]
    [Range(1, 5, ErrorMessage = "Validation.Range")]
    public int? Influence { get; set; } = 3;

    [Display(Name = "Stakeholders.Interest")]
    [Required(ErrorMessage = "Validation.Choose")]
    [Range(1, 5, ErrorMessage = "Validation.Range")]
    public int? Interest { get; set; } = 3;

    [Display(Name = "Stakeholders.Note")]
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Note { get; set; }
}
