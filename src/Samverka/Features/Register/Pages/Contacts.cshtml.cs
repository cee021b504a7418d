namespace Samverka.Features.Register.Pages;

/// Ways to reach the organisation, by role where possible: add, change, remove (with a confirmation step).
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class ContactsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Organisation Organisation { get; private set; } = default!;
    [BindProperty] public ContactInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ConfirmDelete { get; set; }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().Include(x => x.Contacts).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return NotFound();
        if (await this.RefuseUnlessAsync(new OrganisationRef(id), Policies.OrganisationAdmin) is { } refused) return refused;
        Organisation = o;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Edit is { } cid && Organisation.Contacts.SingleOrDefault(c => c.Id == cid) is { } c)
        {
            Input = ContactInput.From(c);
            Stamp = EditStamp.Of(c, Input);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(Input.Email) && string.IsNullOrWhiteSpace(Input.Phone))
            ModelState.AddModelError("Input.Email", l["Contacts.EmailOrPhone"]);
        var contact = Input.Id is { } cid ? Organisation.Contacts.SingleOrDefault(c => c.Id == cid) : null;
        if (Input.Id is not null && contact is null) return NotFound();
        if (!ModelState.IsValid) { Edit = Input.Id; return Page(); }
        var existing = contact is not null;
        if (contact is null)
        {
            contact = new OrganisationContact { OrganisationId = id };
            db.Add(contact);
        }
        contact.Role = Input.Role.Trim();
        contact.Name = Text.Blank(Input.Name);
        contact.Email = Text.Blank(Input.Email);
        contact.Phone = Text.Blank(Input.Phone);
        Organisation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!existing) await db.SaveChangesAsync(ct);
        else if (!await this.SaveEditAsync(db, contact, Stamp, Input, ContactInput.From, nameof(Input), l, ct)) { Edit = Input.Id; return this.ConflictPage(); }
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/organisations/{id}/contacts");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid contactId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var contact = Organisation.Contacts.SingleOrDefault(c => c.Id == contactId);
        if (contact is null) return NotFound();
        db.Remove(contact);
        Organisation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Contacts.Deleted", contact.Role].Value;
        return Redirect($"/organisations/{id}/contacts");
    }
}

public sealed class ContactInput
{
    public static ContactInput From(OrganisationContact c) => new() { Id = c.Id, Role = c.Role, Name = c.Name, Email = c.Email, Phone = c.Phone };

    public Guid? Id { get; set; }

    [Display(Name = "Contacts.Role")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Role { get; set; } = "";

    [Display(Name = "Contacts.Name")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Name { get; set; }

    [Display(Name = "Field.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    public string? Email { get; set; }

    [Display(Name = "Field.Phone")]
    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(@"^\+?[0-9 ()-]{5,}$", ErrorMessage = "Validation.Phone")]
    public string? Phone { get; set; }
}
