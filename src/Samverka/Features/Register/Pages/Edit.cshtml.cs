using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;
using Samverka.Platform.Localization;
using Samverka.Platform.UI;

namespace Samverka.Features.Register.Pages;

/// The organisation keeps its own entry up to date; editing also confirms it is current.
public sealed class EditModel(AppDbContext db, CurrentUser current, OrganisationForm form, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IOrganisationFormPage
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    public OrganisationForm Form => form;
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    private async Task<(Organisation?, IActionResult?)> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().Include(x => x.HomeMunicipality).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return (null, NotFound());
        if (!(await current.GetAccessAsync(ct)).CanAdministerOrganisation(id)) return (null, Forbid());
        Id = o.Id;
        Name = o.Name;
        await form.LoadAsync(ct);
        return (o, null);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (o, denied) = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Input = OrganisationInput.From(o!);
        Stamp = EditStamp.Of(o!, Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (o, denied) = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        var number = form.Validate(Input, ModelState);
        if (!ModelState.IsValid) return Page();
        form.Apply(Input, number, o!);
        Upkeep.FreshnessConfirmation.Confirm(o!, clock.GetUtcNow().UtcDateTime);
        if (!await this.SaveEditAsync(db, o!, Stamp, Input, OrganisationInput.From, nameof(Input), l, ct)) return this.ConflictPage();
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/organisations/{id}");
    }
}
