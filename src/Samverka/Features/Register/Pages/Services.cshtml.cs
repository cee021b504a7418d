using Microsoft.AspNetCore.Mvc.Rendering;

namespace Samverka.Features.Register.Pages;

/// The organisation describes what it offers: add, change and remove activities (with a confirmation step).
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class ServicesModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Organisation Organisation { get; private set; } = default!;
    [BindProperty] public ServiceInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ConfirmDelete { get; set; }
    public List<SelectListItem> Places { get; private set; } = [];

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().Include(x => x.Services).Include(x => x.Locations).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return NotFound();
        if (await this.RefuseUnlessAsync(new OrganisationRef(id), Policies.OrganisationAdmin) is { } refused) return refused;
        Organisation = o;
        Places = [new SelectListItem(l["Services.NoPlace"], ""), .. o.Locations.Select(x => new SelectListItem(x.Name, x.Id.ToString()))];
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Edit is { } sid && Organisation.Services.SingleOrDefault(s => s.Id == sid) is { } s)
        {
            Input = ServiceInput.From(s);
            Stamp = EditStamp.Of(s, Input);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Guid? locationId = null;
        if (!string.IsNullOrEmpty(Input.Location))
        {
            if (Guid.TryParse(Input.Location, out var lid) && Organisation.Locations.Any(x => x.Id == lid)) locationId = lid;
            else ModelState.AddModelError("Input.Location", l["Validation.ChooseFromList", l["Field.Location"]]);
        }
        if (!Input.IsFree && string.IsNullOrWhiteSpace(Input.Cost)) ModelState.AddModelError("Input.Cost", l["Services.CostRequired"]);
        var service = Input.Id is { } sid ? Organisation.Services.SingleOrDefault(s => s.Id == sid) : null;
        if (Input.Id is not null && service is null) return NotFound();
        if (!ModelState.IsValid) { Edit = Input.Id; return Page(); }
        var existing = service is not null;
        if (service is null)
        {
            service = new OrganisationService { OrganisationId = id };
            db.Add(service);
        }
        service.Name = Input.Name.Trim();
        service.Description = Input.Description.Trim();
        service.Eligibility = Text.Blank(Input.Eligibility);
        service.IsFree = Input.IsFree;
        service.Cost = Input.IsFree ? null : Text.Blank(Input.Cost);
        service.Schedule = Text.Blank(Input.Schedule);
        service.LocationId = locationId;
        service.Url = Text.Blank(Input.Url);
        Organisation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!existing) await db.SaveChangesAsync(ct);
        else if (!await this.SaveEditAsync(db, service, Stamp, Input, ServiceInput.From, nameof(Input), l, ct)) { Edit = Input.Id; return this.ConflictPage(); }
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/organisations/{id}/services");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid serviceId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var service = Organisation.Services.SingleOrDefault(s => s.Id == serviceId);
        if (service is null) return NotFound();
        db.Remove(service);
        Organisation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Services.Deleted", service.Name].Value;
        return Redirect($"/organisations/{id}/services");
    }

}

public sealed class ServiceInput
{
    public static ServiceInput From(OrganisationService s) => new()
    {
        Id = s.Id, Name = s.Name, Description = s.Description, Eligibility = s.Eligibility, IsFree = s.IsFree, Cost = s.Cost,
        Schedule = s.Schedule, Location = s.LocationId?.ToString(), Url = s.Url,
    };

    public Guid? Id { get; set; }

    [Display(Name = "Services.Name")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Name { get; set; } = "";

    [Display(Name = "Field.Description")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string Description { get; set; } = "";

    [Display(Name = "Field.Eligibility")]
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Eligibility { get; set; }

    [Display(Name = "Services.IsFree")]
    public bool IsFree { get; set; } = true;

    [Display(Name = "Field.Cost")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Cost { get; set; }

    [Display(Name = "Field.Schedule")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Schedule { get; set; }

    [Display(Name = "Field.Location")]
    public string? Location { get; set; }

    [Display(Name = "Field.Website")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [HttpUrl]
    public string? Url { get; set; }
}
