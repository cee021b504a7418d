using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Funding.Programmes;
using Samverka.Features.Municipalities.Profile;
using Samverka.Features.Register;

namespace Samverka.Features.Funding.Pages;

/// Sets up or changes a grant programme; for the municipality's staff. The form's questions and the assessment
/// criteria are kept on the programme's form page (ProgrammeForm).
[Authorize(Policy = Policies.TenantStaff)]
public sealed class ProgrammeEditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : MunicipalityPageModel
{
    [BindProperty] public ProgrammeInput Input { get; set; } = new();
    [BindProperty] public EditStamp Stamp { get; set; } = new();
    public GrantProgramme? Existing { get; private set; }
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Kinds => Enum.GetValues<GrantKind>().Select(k => new SelectListItem(l["GrantKind." + k], k.ToString())).ToList();
    public List<SelectListItem> Recurrences => Enum.GetValues<GrantRecurrence>().Select(k => new SelectListItem(l["GrantRecurrence." + k], k.ToString())).ToList();
    public List<SelectListItem> Deciders => Enum.GetValues<GrantDecider>().Select(k => new SelectListItem(l["GrantDecider." + k], k.ToString())).ToList();
    public List<SelectListItem> LateRules => Enum.GetValues<LateApplications>().Select(k => new SelectListItem(l["LateApplications." + k], k.ToString())).ToList();
    public List<SelectListItem> Currencies => GrantProgramme.Currencies.Select(c => new SelectListItem(c, c)).ToList();
    public List<SelectListItem> Areas => Taxonomy.Areas.Select(a => new SelectListItem(l["Area." + a], a)).ToList();
    public List<SelectListItem> LegalForms => Enum.GetValues<LegalForm>().Where(f => f != LegalForm.PublicBody)
        .Select(f => new SelectListItem(l["LegalForm." + f], f.ToString())).ToList();
    public List<SelectListItem> Documents => FundingDocuments.Kinds.Select(d => new SelectListItem(l["FundingDocument." + d], d)).ToList();

    private async Task<IActionResult?> LoadAsync(string slot, CancellationToken ct)
    {
        if (!EditSlot.TryParse(slot, out var id)) return NotFound();
        if (id is not null)
        {
            Existing = await db.GrantProgrammes().SingleOrDefaultAsync(p => p.Id == id && p.TenantId == Municipality.Id, ct);
            if (Existing is null) return NotFound();
        }
        Departments = [new SelectListItem(l["Funding.Programme.NoDepartment"], "")];
        Departments.AddRange((await db.ProfileEntries().Where(e => e.TenantId == Municipality.Id && e.Section == ProfileSection.Organisation
                && (e.Kind == ProfileKind.Department || e.Kind == ProfileKind.Committee))
            .OrderBy(e => e.Title).Select(e => new { e.Title, e.Id }).ToListAsync(ct))
            .Select(e => new SelectListItem(e.Title, e.Id.ToString())));
        return null;
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Existing is { } p)
        {
            Input = ProgrammeInput.From(p);
            Stamp = EditStamp.Of(p, Input);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Input.Areas.Any(a => !Taxonomy.Areas.Contains(a))) ModelState.AddModelError("Input.Areas", l["Validation.UnknownValue"]);
        if (Input.LegalForms.Any(f => !Enum.TryParse<LegalForm>(f, out var form) || form == LegalForm.PublicBody)) ModelState.AddModelError("Input.LegalForms", l["Validation.UnknownValue"]);
        if (Input.RequiredDocuments.Any(d => !FundingDocuments.Kinds.Contains(d))) ModelState.AddModelError("Input.RequiredDocuments", l["Validation.UnknownValue"]);
        if (!GrantProgramme.Currencies.Contains(Input.Currency)) ModelState.AddModelError("Input.Currency", l["Validation.UnknownValue"]);
        if (GrantProgramme.Instalments(Input.PaymentSchedule) is null) ModelState.AddModelError("Input.PaymentSchedule", l["Funding.Programme.ScheduleInvalid"]);
        if (Input.AgeFrom > Input.AgeTo) ModelState.AddModelError("Input.AgeTo", l["Validation.AgeOrder"]);
        if (Input.Late == LateApplications.ReducedPerWeek && Input.LateReductionPercent is null)
            ModelState.AddModelError("Input.LateReductionPercent", l["Funding.Programme.ReductionNeeded"]);
        if (Input.DepartmentId is { } dep && !Departments.Any(d => Guid.TryParse(d.Value, out var g) && g == dep))
            ModelState.AddModelError("Input.DepartmentId", l["Validation.UnknownValue"]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var programme = Existing;
        if (programme is null)
        {
            programme = new GrantProgramme { TenantId = Municipality.Id, CreatedAt = now };
            db.GrantProgrammes().Add(programme);
        }
        Input.ApplyTo(programme);
        programme.UpdatedAt = now;
        if (Existing is null) await db.SaveChangesAsync(ct);
        else if (!await this.SaveEditAsync(db, Existing, Stamp, Input, ProgrammeInput.From, nameof(Input), l, ct)) return this.ConflictPage();
        TempData["Flash"] = l["Funding.Programme.Saved"].Value;
        // A new programme goes on to its form (questions and criteria); a changed one back to the desk.
        return Redirect(Existing is null ? $"/municipalities/{Municipality.Code}/funding/programmes/{programme.Id}/form" : $"/municipalities/{Municipality.Code}/funding");
    }
}

public sealed class ProgrammeInput
{
    public static ProgrammeInput From(GrantProgramme p) => new()
    {
        Title = p.Title, DepartmentId = p.DepartmentId, Kind = p.Kind, Purpose = p.Purpose, Goals = p.Goals, Areas = [.. p.Areas],
        LegalForms = [.. p.LegalForms.Select(f => f.ToString())], LocalOnly = p.LocalOnly, MinimumMembers = p.MinimumMembers,
        AgeFrom = p.AgeFrom, AgeTo = p.AgeTo, Budget = p.Budget, Currency = p.Currency, PaymentSchedule = p.PaymentSchedule,
        Recurrence = p.Recurrence, Decider = p.Decider, Late = p.Late, LateReductionPercent = p.LateReductionPercent,
        RequiredDocuments = [.. p.RequiredDocuments], ReportingRequirements = p.ReportingRequirements, ReportDueDays = p.ReportDueDays,
        AppealInformation = p.AppealInformation,
    };

    public void ApplyTo(GrantProgramme p)
    {
        p.Title = Title.Trim();
        p.DepartmentId = DepartmentId;
        p.Kind = Kind;
        p.Purpose = Purpose.Trim();
        p.Goals = Text.Blank(Goals);
        p.Areas = [.. Areas.Distinct()];
        p.LegalForms = [.. LegalForms.Distinct().Select(Enum.Parse<LegalForm>)];
        p.LocalOnly = LocalOnly;
        p.MinimumMembers = MinimumMembers;
        p.AgeFrom = AgeFrom;
        p.AgeTo = AgeTo;
        p.Budget = Budget ?? 0;
        p.Currency = Currency;
        p.PaymentSchedule = string.Join(",", GrantProgramme.Instalments(PaymentSchedule)!);
        p.Recurrence = Recurrence;
        p.Decider = Decider;
        p.Late = Late;
        p.LateReductionPercent = Late == LateApplications.ReducedPerWeek ? LateReductionPercent : null;
        p.RequiredDocuments = [.. RequiredDocuments.Distinct()];
        p.ReportingRequirements = Text.Blank(ReportingRequirements);
        p.ReportDueDays = ReportDueDays ?? 60;
        p.AppealInformation = Text.Blank(AppealInformation);
    }

    [Display(Name = "Funding.Programme.TitleField")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Title { get; set; } = "";

    [Display(Name = "Funding.Programme.Department")]
    public Guid? DepartmentId { get; set; }

    [Display(Name = "Funding.Programme.Kind")]
    [EnumDataType(typeof(GrantKind), ErrorMessage = "Validation.UnknownValue")]
    public GrantKind Kind { get; set; } = GrantKind.OrganisationGrant;

    [Display(Name = "Funding.Programme.Purpose")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string Purpose { get; set; } = "";

    [Display(Name = "Funding.Programme.Goals")]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Goals { get; set; }

    [Display(Name = "Funding.Programme.Areas")]
    public List<string> Areas { get; set; } = [];

    [Display(Name = "Funding.Programme.LegalForms")]
    public List<string> LegalForms { get; set; } = [];

    [Display(Name = "Funding.Programme.LocalOnly")]
    public bool LocalOnly { get; set; } = true;

    [Display(Name = "Funding.Programme.MinimumMembers")]
    [Range(0, 1_000_000, ErrorMessage = "Validation.Range")]
    public int? MinimumMembers { get; set; }

    [Display(Name = "Funding.Programme.AgeFrom")]
    [Range(0, 120, ErrorMessage = "Validation.Range")]
    public int? AgeFrom { get; set; }

    [Display(Name = "Funding.Programme.AgeTo")]
    [Range(0, 120, ErrorMessage = "Validation.Range")]
    public int? AgeTo { get; set; }

    [Display(Name = "Funding.Programme.Budget")]
    [Required(ErrorMessage = "Validation.Required")]
    [Range(0, 10_000_000_000, ErrorMessage = "Validation.Range")]
    public decimal? Budget { get; set; }

    [Display(Name = "Funding.Programme.Currency")]
    [Required(ErrorMessage = "Validation.Required")]
    public string Currency { get; set; } = "SEK";

    [Display(Name = "Funding.Programme.PaymentSchedule")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    public string PaymentSchedule { get; set; } = "100";

    [Display(Name = "Funding.Programme.Recurrence")]
    [EnumDataType(typeof(GrantRecurrence), ErrorMessage = "Validation.UnknownValue")]
    public GrantRecurrence Recurrence { get; set; } = GrantRecurrence.Yearly;

    [Display(Name = "Funding.Programme.Decider")]
    [EnumDataType(typeof(GrantDecider), ErrorMessage = "Validation.UnknownValue")]
    public GrantDecider Decider { get; set; } = GrantDecider.DelegatedOfficer;

    [Display(Name = "Funding.Programme.Late")]
    [EnumDataType(typeof(LateApplications), ErrorMessage = "Validation.UnknownValue")]
    public LateApplications Late { get; set; } = LateApplications.Refused;

    [Display(Name = "Funding.Programme.LateReductionPercent")]
    [Range(1, 100, ErrorMessage = "Validation.Range")]
    public int? LateReductionPercent { get; set; }

    [Display(Name = "Funding.Programme.RequiredDocuments")]
    public List<string> RequiredDocuments { get; set; } = [];

    [Display(Name = "Funding.Programme.Reporting")]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? ReportingRequirements { get; set; }

    [Display(Name = "Funding.Programme.ReportDueDays")]
    [Range(0, 730, ErrorMessage = "Validation.Range")]
    public int? ReportDueDays { get; set; } = 60;

    [Display(Name = "Funding.Programme.Appeal")]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? AppealInformation { get; set; }
}
