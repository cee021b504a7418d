using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Municipalities.Profile;
using Samverka.Features.Register;

namespace Samverka.Features.Needs.Pages;

/// Writes a need as a draft, publishes it, or closes it; for the municipality's staff.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.TenantStaff)]
public sealed class EditModel(AppDbContext db, CurrentUser current, TimeProvider clock, NeedNotifications notifications,
    IStringLocalizer<SharedResource> l) : MunicipalityPageModel
{
    [BindProperty] public NeedInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    public Need? Existing { get; private set; }
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Areas => Taxonomy.Areas.Select(a => new SelectListItem(l["Area." + a], a)).ToList();
    public List<SelectListItem> TargetGroups => Taxonomy.TargetGroups.Select(g => new SelectListItem(l["TargetGroup." + g], g)).ToList();
    public List<SelectListItem> Languages => Taxonomy.Languages.Select(g => new SelectListItem(l["Language." + g], g)).ToList();
    public List<SelectListItem> Reaches => Enum.GetValues<NeedReach>().Select(r => new SelectListItem(l["NeedReach." + r], r.ToString())).ToList();
    public List<SelectListItem> Forms => Need.FormCodes.Select(f => new SelectListItem(l["NeedForm." + f], f)).ToList();

    private async Task<IActionResult?> LoadAsync(string code, string slot, CancellationToken ct)
    {
        if (!EditSlot.TryParse(slot, out var id)) return NotFound();
        var tenant = Municipality;
        if (id is not null)
        {
            Existing = await db.Needs().SingleOrDefaultAsync(n => n.Id == id && n.TenantId == tenant.Id, ct);
            if (Existing is null) return NotFound();
        }
        Departments = [new SelectListItem(l["Needs.NoDepartment"], "")];
        Departments.AddRange((await db.ProfileEntries().Where(e => e.TenantId == tenant.Id && e.Section == ProfileSection.Organisation
                && (e.Kind == ProfileKind.Department || e.Kind == ProfileKind.Committee || e.Kind == ProfileKind.Company))
            .OrderBy(e => e.Title).Select(e => new { e.Title, e.Id }).ToListAsync(ct))
            // Formatted here, not in SQL: SQLite keeps GUIDs as upper-case text.
            .Select(e => new SelectListItem(e.Title, e.Id.ToString())));
        return null;
    }

    public async Task<IActionResult> OnGetAsync(string code, string id, CancellationToken ct)
    {
        if (await LoadAsync(code, id, ct) is { } denied) return denied;
        if (Existing is { } n)
        {
            Input = NeedInput.From(n);
            Stamp = EditStamp.Of(n, Input);
        }
        else
        {
            // A new need starts with the writer as contact (they can name a role instead) and a month to answer.
            Input.Closes = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(30);
            if (await db.Users.Where(u => u.Id == current.Id).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct) is { } me)
            {
                Input.ContactName = me.DisplayName;
                Input.ContactEmail = me.Email ?? "";
            }
        }
        return Page();
    }

    /// "save" keeps the current state (a new need starts as a draft); "publish" opens it; "close" ends it early.
    public async Task<IActionResult> OnPostAsync(string code, string id, string? go, CancellationToken ct)
    {
        if (await LoadAsync(code, id, ct) is { } denied) return denied;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (go == "close" && Existing is not null)
        {
            if (Existing.Close(clock.GetUtcNow().UtcDateTime))
                await notifications.NotifyFollowersAsync(Existing, NeedNotifications.Change.Closed, current.Id, ct);
            if (!await this.SaveEditAsync(db, Existing, Stamp, Input, NeedInput.From, nameof(Input), l, ct)) return this.ConflictPage();
            TempData["Flash"] = l["Needs.ClosedDone"].Value;
            return Redirect($"/needs/{Existing.Id}");
        }
        var publishing = go == "publish" || Existing?.Status == NeedStatus.Open;
        if (Input.Areas.Any(a => !Taxonomy.Areas.Contains(a))) ModelState.AddModelError("Input.Areas", l["Validation.UnknownValue"]);
        if (Input.TargetGroups.Any(g => !Taxonomy.TargetGroups.Contains(g))) ModelState.AddModelError("Input.TargetGroups", l["Validation.UnknownValue"]);
        if (Input.Languages.Any(g => !Taxonomy.Languages.Contains(g))) ModelState.AddModelError("Input.Languages", l["Validation.UnknownValue"]);
        if (Input.Forms.Any(f => !Need.FormCodes.Contains(f))) ModelState.AddModelError("Input.Forms", l["Validation.UnknownValue"]);
        if (Input.Areas.Count == 0) ModelState.AddModelError("Input.Areas", l["Needs.AreaNeeded"]);
        if (Input.Forms.Count == 0) ModelState.AddModelError("Input.Forms", l["Needs.FormNeeded"]);
        if (Input.AgeFrom > Input.AgeTo) ModelState.AddModelError("Input.AgeTo", l["Validation.AgeOrder"]);
        if (Need.ClosingProblem(publishing, Input.Closes, today) is { } closing) ModelState.AddModelError("Input.Closes", l[closing]);
        if (Input.DepartmentId is { } dep && !Departments.Any(d => Guid.TryParse(d.Value, out var g) && g == dep)) ModelState.AddModelError("Input.DepartmentId", l["Validation.UnknownValue"]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var need = Existing;
        if (need is null)
        {
            need = new Need { TenantId = Municipality.Id, CreatedAt = now };
            db.Needs().Add(need);
        }
        Input.ApplyTo(need);
        need.UpdatedAt = now;
        var opened = go == "publish" && need.Publish(now, today);
        // Followers hear about changes to a published need (a draft has none).
        if (!opened && Existing?.Status == NeedStatus.Open) await notifications.NotifyFollowersAsync(need, NeedNotifications.Change.Updated, current.Id, ct);
        if (Existing is null) await db.SaveChangesAsync(ct);
        else if (!await this.SaveEditAsync(db, Existing, Stamp, Input, NeedInput.From, nameof(Input), l, ct)) return this.ConflictPage();
        TempData["Flash"] = (need.Status == NeedStatus.Open ? l["Needs.Published"] : l["Needs.DraftSaved"]).Value;
        return Redirect($"/needs/{need.Id}");
    }
}

public sealed class NeedInput
{
    public static NeedInput From(Need n) => new()
    {
        Title = n.Title, DepartmentId = n.DepartmentId, Problem = n.Problem, TargetGroup = n.TargetGroup, TargetGroups = [.. n.TargetGroups], Languages = [.. n.Languages], AgeFrom = n.AgeFrom, AgeTo = n.AgeTo,
        Areas = [.. n.Areas], DesiredOutcome = n.DesiredOutcome, Timeframe = n.Timeframe, Budget = n.Budget, Forms = [.. n.Forms],
        ContactName = n.ContactName, ContactEmail = n.ContactEmail, Closes = n.Closes, Reach = n.Reach,
    };

    /// The form's fields onto the need (the reverse of From); its state is Need.Publish's and Need.Close's.
    public void ApplyTo(Need need)
    {
        need.Title = Title.Trim();
        need.DepartmentId = DepartmentId;
        need.Problem = Problem.Trim();
        need.TargetGroup = Text.Blank(TargetGroup);
        need.TargetGroups = [.. TargetGroups.Distinct()];
        need.Languages = [.. Languages.Distinct()];
        need.AgeFrom = AgeFrom;
        need.AgeTo = AgeTo;
        need.Areas = [.. Areas.Distinct()];
        need.DesiredOutcome = DesiredOutcome.Trim();
        need.Timeframe = Text.Blank(Timeframe);
        need.Budget = Budget;
        need.Forms = [.. Forms.Distinct()];
        need.Reach = Reach;
        need.ContactName = ContactName.Trim();
        need.ContactEmail = ContactEmail.Trim();
        need.Closes = Closes!.Value;
    }

    [Display(Name = "Needs.TitleField")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 5, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Title { get; set; } = "";

    [Display(Name = "Needs.Department")]
    public Guid? DepartmentId { get; set; }

    [Display(Name = "Needs.Problem")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string Problem { get; set; } = "";

    [Display(Name = "Needs.TargetGroup")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? TargetGroup { get; set; }

    [Display(Name = "Needs.TargetGroups")]
    public List<string> TargetGroups { get; set; } = [];

    [Display(Name = "Needs.Languages")]
    public List<string> Languages { get; set; } = [];

    [Display(Name = "Needs.AgeFrom")]
    [Range(0, 120, ErrorMessage = "Validation.Range")]
    public int? AgeFrom { get; set; }

    [Display(Name = "Needs.AgeTo")]
    [Range(0, 120, ErrorMessage = "Validation.Range")]
    public int? AgeTo { get; set; }

    [Display(Name = "Needs.Area")]
    public List<string> Areas { get; set; } = [];

    [Display(Name = "Needs.DesiredOutcome")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string DesiredOutcome { get; set; } = "";

    [Display(Name = "Needs.Timeframe")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Timeframe { get; set; }

    [Display(Name = "Needs.Budget")]
    [Range(0, 1_000_000_000, ErrorMessage = "Validation.Range")]
    public decimal? Budget { get; set; }

    [Display(Name = "Needs.Forms")]
    public List<string> Forms { get; set; } = [];

    [Display(Name = "Needs.Reach")]
    [EnumDataType(typeof(NeedReach), ErrorMessage = "Validation.UnknownValue")]
    public NeedReach Reach { get; set; } = NeedReach.Local;

    [Display(Name = "Needs.ContactName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string ContactName { get; set; } = "";

    [Display(Name = "Needs.ContactEmail")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    public string ContactEmail { get; set; } = "";

    [Display(Name = "Needs.ClosesLabel")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateOnly? Closes { get; set; }
}
