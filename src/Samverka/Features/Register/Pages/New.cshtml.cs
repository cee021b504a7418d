namespace Samverka.Features.Register.Pages;

/// An organisation registers itself. Probable duplicates are shown first; the entry then waits for an officer.
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class NewModel(OrganisationForm form, DuplicateFinder duplicates, RegistrationService registration, CurrentUser current,
    IStringLocalizer<SharedResource> l) : PageModel, IOrganisationFormPage
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();
    [BindProperty] public bool NotADuplicate { get; set; }
    public OrganisationForm Form => form;
    public List<DuplicateCandidate> Duplicates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await form.LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await form.LoadAsync(ct);
        var number = form.Validate(Input, ModelState);
        if (!ModelState.IsValid) return Page();
        if (!NotADuplicate)
        {
            Duplicates = await duplicates.FindAsync(Input.Name, number, Input.HomeMunicipality, null, ct);
            if (Duplicates.Count > 0) return Page();
        }
        var o = await registration.RegisterAsync(form, Input, number, current.Id!, ct);
        TempData["Flash"] = l["OrganisationNew.Done"].Value;
        return Redirect($"/organisations/{o.Id}");
    }
}
