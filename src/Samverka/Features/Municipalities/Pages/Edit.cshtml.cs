using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;
using Samverka.Platform.Localization;
using Samverka.Platform.UI;

namespace Samverka.Features.Municipalities.Pages;

/// The public face of a municipality, kept by its admins and coordinators.
public sealed class EditModel(AppDbContext db, CurrentUser current, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public MunicipalityProfileInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    private async Task<(Platform.Tenancy.Tenant?, IActionResult?)> LoadAsync(string code, CancellationToken ct)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Code == code, ct);
        if (tenant is null) return (null, NotFound());
        var access = await current.GetAccessAsync(ct);
        if (!access.CanEditTenantProfile(tenant.Id)) return (null, Forbid());
        Code = tenant.Code;
        Name = tenant.Name;
        return (tenant, null);
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var (tenant, denied) = await LoadAsync(code, ct);
        if (denied is not null) return denied;
        Input = MunicipalityProfileInput.From(tenant!);
        Stamp = EditStamp.Of(tenant!, Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var (tenant, denied) = await LoadAsync(code, ct);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        tenant!.Description = Text.Blank(Input.Description);
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
