namespace Samverka.Features.Register.Pages;

/// The organisation keeps its own entry up to date; editing also confirms it is current.
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class EditModel(AppDbContext db, CurrentUser current, OrganisationForm form, RegistrationService registration, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel, IOrganisationFormPage
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    public OrganisationForm Form => form;
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// What waits for verification, in words, and who verifies it; null when nothing waits.
    public (string Details, string By)? Pending { get; private set; }
    private Access _access = default!;

    private async Task<(Organisation?, IActionResult?)> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().Include(x => x.HomeMunicipality).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return (null, NotFound());
        _access = await current.GetAccessAsync(ct);
        if (await this.RefuseUnlessAsync(new OrganisationRef(id), Policies.OrganisationAdmin) is { } refused) return (null, refused);
        Id = o.Id;
        Name = o.Name;
        await form.LoadAsync(ct);
        await DescribePendingAsync(o, ct);
        return (o, null);
    }

    private async Task DescribePendingAsync(Organisation o, CancellationToken ct)
    {
        Pending = o.PendingDecidedBy is { } by
            ? (await registration.ChangeDetailsAsync(o, ct), await db.Tenants.Where(t => t.Id == by).Select(t => t.Name).SingleAsync(ct))
            : null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (o, denied) = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Input = OrganisationInput.From(o!);
        // Fingerprinted as stored, so a later conflict names only fields someone else changed, not the pending ones.
        Stamp = EditStamp.Of(o!, Input);
        // The form shows what the organisation asked for, so saving other fields keeps the request.
        if (o!.PendingName is { } name) Input.Name = name;
        if (o.PendingHomeMunicipalityId is { } home) Input.HomeMunicipality = await db.Tenants.Where(t => t.Id == home).Select(t => t.Code).SingleAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (o, denied) = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        var number = form.Validate(Input, ModelState);
        if (!ModelState.IsValid) return Page();
        var (verifiedName, verifiedHome) = (o!.Name, o.HomeMunicipalityId);
        form.Apply(Input, number, o);
        // A verified entry's name and home municipality are what the municipality vouched for: a change waits for
        // the (new) home municipality, unless the editor is its staff (or a platform admin) and may decide it now.
        var held = o.Status == VerificationStatus.Verified && !(o.HomeMunicipalityId is { } decider && _access.IsStaffOf(decider))
            && await registration.HoldForVerificationAsync(o, verifiedName, verifiedHome, ct);
        if (!held) { o.PendingName = null; o.PendingHomeMunicipalityId = null; o.PendingChangeAt = null; }
        Upkeep.FreshnessConfirmation.Confirm(o, clock.GetUtcNow().UtcDateTime);
        if (!await this.SaveEditAsync(db, o, Stamp, Input, OrganisationInput.From, nameof(Input), l, ct)) return this.ConflictPage();
        if (held)
        {
            await DescribePendingAsync(o, ct);
            TempData["Flash"] = l["OrganisationEdit.PendingSaved", Pending!.Value.By].Value;
        }
        else TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/organisations/{id}");
    }
}
