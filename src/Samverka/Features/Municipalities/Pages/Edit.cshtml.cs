namespace Samverka.Features.Municipalities.Pages;

/// The public face of a municipality, kept by its admins and coordinators.
[Authorize(Policy = Policies.TenantProfileEditor)]
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> l) : TenantPageModel
{
    [BindProperty] public MunicipalityProfileInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    public string Code => Tenant.Code;
    public string Name => Tenant.Name;

    public IActionResult OnGet()
    {
        Input = MunicipalityProfileInput.From(Tenant);
        Stamp = EditStamp.Of(Tenant, Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var tenant = Tenant;
        tenant.Description = Text.Blank(Input.Description);
        tenant.Website = Text.Blank(Input.Website);
        tenant.ContactEmail = Text.Blank(Input.ContactEmail);
        if (!await this.SaveEditAsync(db, tenant, Stamp, Input, MunicipalityProfileInput.From, nameof(Input), l, ct)) return this.ConflictPage();
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/municipalities/{code}");
    }

}

public sealed class MunicipalityProfileInput
{
    public static MunicipalityProfileInput From(Platform.Tenancy.Tenant t) => new()
    {
        Description = t.Description, Website = t.Website, ContactEmail = t.ContactEmail,
    };

    [Display(Name = "Field.Description")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Description { get; set; }

    [Display(Name = "Field.Website")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [HttpUrl]
    public string? Website { get; set; }

    [Display(Name = "Field.ContactEmail")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    public string? ContactEmail { get; set; }
}
