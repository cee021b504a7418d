namespace Samverka.Features.Register.Pages;

/// "We run this organisation": asks the home municipality to make the signed-in person its administrator.
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class ClaimModel(AppDbContext db, CurrentUser current, RegistrationService registration, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ClaimInput Input { get; set; } = new();
    public Organisation Organisation { get; private set; } = default!;
    public OrganisationClaim? Pending { get; private set; }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Status == VerificationStatus.Verified, ct);
        if (o is null) return NotFound();
        Organisation = o;
        if ((await current.GetAccessAsync(ct)).IsMemberOf(id)) return Redirect($"/organisations/{id}");
        Pending = await db.Set<OrganisationClaim>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.OrganisationId == id && c.UserId == current.Id && c.Status == ClaimStatus.Pending, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } other) return other;
        if (Pending is not null) return Page();
        if (Organisation.HomeMunicipalityId is null) ModelState.AddModelError("", l["Claim.NoMunicipality"]);
        if (!ModelState.IsValid) return Page();
        await registration.ClaimAsync(Organisation, current.Id!, Input.Message, ct);
        TempData["Flash"] = l["Claim.Sent"].Value;
        return Redirect($"/organisations/{id}");
    }
}

public sealed class ClaimInput
{
    [Display(Name = "Claim.Message")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1000, MinimumLength = 10, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Message { get; set; } = "";
}
