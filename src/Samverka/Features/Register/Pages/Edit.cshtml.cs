using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;
using Samverka.Platform.Localization;
using Samverka.Platform.UI;

namespace Samverka.Features.Register.Pages;

public sealed class EditModel(AppDbContext db, CurrentUser current, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public List<SelectListItem> LegalForms { get; private set; } = [];

    private async Task<(Organisation?, IActionResult?)> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return (null, NotFound());
        if (!(await current.GetAccessAsync(ct)).CanAdministerOrganisation(id)) return (null, Forbid());
        Id = o.Id;
        Name = o.Name;
        LegalForms = [new SelectListItem(l["Common.Choose"], ""),
            .. Enum.GetValues<LegalForm>().Select(f => new SelectListItem(l["LegalForm." + f], f.ToString()))];
        return (o, null);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (o, denied) = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Input = new OrganisationInput
        {
            Name = o!.Name, LegalForm = o.LegalForm, Description = o.Description, Website = o.Website, ContactEmail = o.ContactEmail,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (o, denied) = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (Input.LegalForm is { } f && !Enum.IsDefined(f)) ModelState.AddModelError("Input.LegalForm", l["Validation.Choose"]);
        if (!ModelState.IsValid) return Page();
        o!.Name = Input.Name.Trim();
        o.LegalForm = Input.LegalForm!.Value;
        o.Description = Input.Description.Trim();
        o.Website = string.IsNullOrWhiteSpace(Input.Website) ? null : Input.Website.Trim();
        o.ContactEmail = string.IsNullOrWhiteSpace(Input.ContactEmail) ? null : Input.ContactEmail.Trim();
        o.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/organisations/{id}");
    }
}

public sealed class OrganisationInput
{
    [Display(Name = "Field.OrganisationName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Name { get; set; } = "";

    [Display(Name = "Field.LegalForm")]
    [Required(ErrorMessage = "Validation.Choose")]
    public LegalForm? LegalForm { get; set; }

    [Display(Name = "Field.Description")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string Description { get; set; } = "";

    [Display(Name = "Field.Website")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [HttpUrl]
    public string? Website { get; set; }

    [Display(Name = "Field.ContactEmail")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    public string? ContactEmail { get; set; }
}
