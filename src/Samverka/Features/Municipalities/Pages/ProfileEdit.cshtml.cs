using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Municipalities.Profile;

namespace Samverka.Features.Municipalities.Pages;

/// Adds, changes or removes one item in a profile list (organisation, coordinators, strategies, support, compacts);
/// for the municipality's admins and coordinators. Each list asks for the fields it needs.
[Authorize(Policy = Policies.TenantProfileEditor)]
public sealed class ProfileEditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : MunicipalityPageModel
{
    [BindProperty] public ProfileEntryInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    public ProfileSection Section { get; private set; }
    public Guid? EntryId { get; private set; }
    public bool ConfirmDelete { get; private set; }

    public bool Uses(ProfileField field) => ProfileLayout.Uses(Section, field);
    public bool Needs(ProfileField field) => ProfileLayout.Requires(Section, field);
    public string Label(ProfileField field) => l[$"Profile.{Section}.{field}"];
    public string Hint(ProfileField field) => l[$"Profile.{Section}.{field}Hint"] is { ResourceNotFound: false } h ? h.Value : "";

    public IEnumerable<SelectListItem> Kinds =>
        ProfileLayout.Kinds(Section).Select(k => new SelectListItem(l["ProfileKind." + k], k.ToString()));

    private async Task<(ProfileEntry? Entry, IActionResult? Denied)> LoadAsync(string code, string section, string slot, CancellationToken ct)
    {
        if (!Enum.TryParse<ProfileSection>(section, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(section, out _))
            return (null, NotFound());
        Section = s;
        if (!EditSlot.TryParse(slot, out var id)) return (null, NotFound());
        EntryId = id;
        if (id is null) return (null, null);
        var e = await db.ProfileEntries().Include(x => x.Goals)
            .SingleOrDefaultAsync(x => x.Id == id && x.TenantId == Municipality.Id && x.Section == s, ct);
        return e is null ? (null, NotFound()) : (e, null);
    }

    public async Task<IActionResult> OnGetAsync(string code, string section, string id, bool confirmDelete, CancellationToken ct)
    {
        var (e, denied) = await LoadAsync(code, section, id, ct);
        if (denied is not null) return denied;
        ConfirmDelete = confirmDelete && e is not null;
        if (e is not null)
        {
            Input = ProfileEntryInput.From(e);
            Stamp = EditStamp.Of(e, Input);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string section, string id, CancellationToken ct)
    {
        var (e, denied) = await LoadAsync(code, section, id, ct);
        if (denied is not null) return denied;
        // Only the fields this list uses count; each list says which it needs.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.") && !(Enum.TryParse<ProfileField>(k["Input.".Length..], out var f) && Uses(f))).ToList())
            ModelState.Remove(key);
        foreach (var field in ProfileLayout.Missing(Section, Input.ValueOf))
            if (ModelState.GetValidationState("Input." + field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.AddModelError("Input." + field, field == ProfileField.Kind ? l["Validation.Choose", Label(field)] : l["Validation.Required", Label(field)]);
        if (Input.Kind is { } kind && Uses(ProfileField.Kind) && !ProfileLayout.Kinds(Section).Contains(kind))
            ModelState.AddModelError("Input.Kind", l["Validation.Choose", Label(ProfileField.Kind)]);
        if (Input.FromYear is { } from && Input.ToYear is { } to && to < from)
            ModelState.AddModelError("Input.ToYear", l["Profile.YearOrder"]);
        var goals = ProfileLayout.GoalLines(Input.Goals);
        if (goals is null) ModelState.AddModelError("Input.Goals", l["Profile.GoalsTooMany"]);
        if (!ModelState.IsValid) return Page();

        if (e is null)
        {
            var last = await db.ProfileEntries().Where(x => x.TenantId == Municipality.Id && x.Section == Section).MaxAsync(x => (int?)x.SortOrder, ct);
            e = new ProfileEntry { TenantId = Municipality.Id, Section = Section, SortOrder = (last ?? 0) + 1 };
            db.ProfileEntries().Add(e);
        }
        Input.ApplyTo(e, Section);
        e.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (Uses(ProfileField.Goals)) db.AddRange(e.SetGoals(goals!));
        if (EntryId is null) await db.SaveChangesAsync(ct);
        else if (!await this.SaveEditAsync(db, e, Stamp, Input, ProfileEntryInput.From, nameof(Input), l, ct)) return this.ConflictPage();
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/municipalities/{code}#{Section.ToString().ToLowerInvariant()}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, string section, string id, CancellationToken ct)
    {
        var (e, denied) = await LoadAsync(code, section, id, ct);
        if (denied is not null) return denied;
        if (e is null) return NotFound();
        db.ProfileEntries().Remove(e);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Profile.Deleted"].Value;
        return Redirect($"/municipalities/{code}#{Section.ToString().ToLowerInvariant()}");
    }
}

public sealed class ProfileEntryInput
{
    public static ProfileEntryInput From(ProfileEntry e) => new()
    {
        Kind = e.Kind, Title = e.Title, Text = e.Text, Detail = e.Detail, Email = e.Email, Phone = e.Phone, Url = e.Url,
        FromYear = e.FromYear, ToYear = e.ToYear,
        Goals = string.Join("\n", e.Goals.OrderBy(g => g.SortOrder).Select(g => g.Text)),
    };

    /// What was entered for a field, for the list's required-field check (ProfileLayout.Missing).
    public object? ValueOf(ProfileField field) => field switch
    {
        ProfileField.Kind => Kind, ProfileField.Title => Title, ProfileField.Text => Text, ProfileField.Detail => Detail,
        ProfileField.Email => Email, ProfileField.Phone => Phone, ProfileField.Url => Url, ProfileField.FromYear => FromYear,
        ProfileField.ToYear => ToYear, ProfileField.Goals => Goals, _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// The form onto the entry: the fields the list uses, and none of the others (the goals are ProfileEntry.SetGoals').
    public void ApplyTo(ProfileEntry e, ProfileSection section)
    {
        bool Uses(ProfileField f) => ProfileLayout.Uses(section, f);
        e.Kind = Uses(ProfileField.Kind) ? Kind : null;
        e.Title = Title!.Trim();
        e.Text = Uses(ProfileField.Text) ? Platform.UI.Text.Blank(Text) : null;
        e.Detail = Uses(ProfileField.Detail) ? Platform.UI.Text.Blank(Detail) : null;
        e.Email = Uses(ProfileField.Email) ? Platform.UI.Text.Blank(Email) : null;
        e.Phone = Uses(ProfileField.Phone) ? Platform.UI.Text.Blank(Phone) : null;
        e.Url = Uses(ProfileField.Url) ? Platform.UI.Text.Blank(Url) : null;
        e.FromYear = Uses(ProfileField.FromYear) ? FromYear : null;
        e.ToYear = Uses(ProfileField.ToYear) ? ToYear : null;
    }

    [Display(Name = "Profile.Generic.Kind")]
    public ProfileKind? Kind { get; set; }

    [Display(Name = "Profile.Generic.Title")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Title { get; set; }

    [Display(Name = "Profile.Generic.Text")]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Text { get; set; }

    [Display(Name = "Profile.Generic.Detail")]
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Detail { get; set; }

    [Display(Name = "Field.ContactEmail")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    public string? Email { get; set; }

    [Display(Name = "Field.Phone")]
    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(@"^[0-9+() \-]{5,40}$", ErrorMessage = "Validation.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Field.Website")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [HttpUrl]
    public string? Url { get; set; }

    [Display(Name = "Profile.Year")]
    [Range(1990, 2100, ErrorMessage = "Validation.Range")]
    public int? FromYear { get; set; }

    [Display(Name = "Profile.Year")]
    [Range(1990, 2100, ErrorMessage = "Validation.Range")]
    public int? ToYear { get; set; }

    [Display(Name = "Profile.Generic.Goals")]
    [StringLength(10000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Goals { get; set; }
}
