using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Features.Municipalities.Profile;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;
using Samverka.Platform.Localization;
using Samverka.Platform.Tenancy;
using Samverka.Platform.UI;

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

    /// The fields each list uses, in form order, and which of them must be filled in.
    public static readonly IReadOnlyDictionary<ProfileSection, (string Field, bool Required)[]> Fields = new Dictionary<ProfileSection, (string, bool)[]>
    {
        [ProfileSection.Organisation] = [("Kind", true), ("Title", true), ("Text", true), ("Url", false)],
        [ProfileSection.Coordinators] = [("Title", true), ("Detail", true), ("Text", false), ("Email", true), ("Phone", false)],
        [ProfileSection.Strategies] = [("Title", true), ("Text", true), ("FromYear", false), ("ToYear", false), ("Goals", false), ("Url", false)],
        [ProfileSection.Support] = [("Kind", true), ("Title", true), ("Text", true), ("Detail", true), ("Email", false)],
        [ProfileSection.Compacts] = [("Title", true), ("Text", true), ("Url", false)],
    };

    public bool Uses(string field) => Fields[Section].Any(f => f.Field == field);
    public bool Needs(string field) => Fields[Section].Any(f => f.Field == field && f.Required);
    public string Label(string field) => l[$"Profile.{Section}.{field}"];
    public string Hint(string field) => l[$"Profile.{Section}.{field}Hint"] is { ResourceNotFound: false } h ? h.Value : "";

    public IEnumerable<SelectListItem> Kinds =>
        (Section == ProfileSection.Organisation ? ProfileEntry.OrganisationKinds : ProfileEntry.SupportKinds)
        .Select(k => new SelectListItem(l["ProfileKind." + k], k.ToString()));

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
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.") && !Uses(k["Input.".Length..])).ToList()) ModelState.Remove(key);
        foreach (var (field, required) in Fields[Section])
        {
            var value = typeof(ProfileEntryInput).GetProperty(field)!.GetValue(Input);
            if (required && (value is null || value is string str && string.IsNullOrWhiteSpace(str)) && ModelState.GetValidationState("Input." + field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.AddModelError("Input." + field, field == "Kind" ? l["Validation.Choose", Label(field)] : l["Validation.Required", Label(field)]);
        }
        if (Input.Kind is { } kind && Uses("Kind") && !(Section == ProfileSection.Organisation ? ProfileEntry.OrganisationKinds : ProfileEntry.SupportKinds).Contains(kind))
            ModelState.AddModelError("Input.Kind", l["Validation.Choose", Label("Kind")]);
        if (Input.FromYear is { } from && Input.ToYear is { } to && to < from)
            ModelState.AddModelError("Input.ToYear", l["Profile.YearOrder"]);
        var goals = (Input.Goals ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (goals.Count > 20 || goals.Any(g => g.Length > 500)) ModelState.AddModelError("Input.Goals", l["Profile.GoalsTooMany"]);
        if (!ModelState.IsValid) return Page();

        if (e is null)
        {
            var last = await db.ProfileEntries().Where(x => x.TenantId == Municipality.Id && x.Section == Section).MaxAsync(x => (int?)x.SortOrder, ct);
            e = new ProfileEntry { TenantId = Municipality.Id, Section = Section, SortOrder = (last ?? 0) + 1 };
            db.ProfileEntries().Add(e);
        }
        e.Kind = Uses("Kind") ? Input.Kind : null;
        e.Title = Input.Title!.Trim();
        e.Text = Uses("Text") ? Text.Blank(Input.Text) : null;
        e.Detail = Uses("Detail") ? Text.Blank(Input.Detail) : null;
        e.Email = Uses("Email") ? Text.Blank(Input.Email) : null;
        e.Phone = Uses("Phone") ? Text.Blank(Input.Phone) : null;
        e.Url = Uses("Url") ? Text.Blank(Input.Url) : null;
        e.FromYear = Uses("FromYear") ? Input.FromYear : null;
        e.ToYear = Uses("ToYear") ? Input.ToYear : null;
        e.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (Uses("Goals"))
        {
            // Goals keep their ids where the text is unchanged, so links to them survive an edit.
            var kept = e.Goals.Where(g => goals.Contains(g.Text)).ToList();
            foreach (var gone in e.Goals.Except(kept).ToList()) e.Goals.Remove(gone);
            for (var i = 0; i < goals.Count; i++)
            {
                var goal = kept.FirstOrDefault(g => g.Text == goals[i]);
                if (goal is null)
                {
                    // Added explicitly: a new goal's id is set by us, so EF would otherwise take it for an existing row.
                    goal = new StrategyGoal { Text = goals[i], EntryId = e.Id };
                    db.Add(goal);
                    e.Goals.Add(goal);
                }
                goal.SortOrder = i;
            }
        }
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
