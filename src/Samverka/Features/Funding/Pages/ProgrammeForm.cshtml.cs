using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Funding.Programmes;

namespace Samverka.Features.Funding.Pages;

/// A programme's application form (questions by page group) and its assessment criteria with weights; for the
/// municipality's staff. Removing asks first.
[Authorize(Policy = Policies.TenantStaff)]
public sealed class ProgrammeFormModel(AppDbContext db, IStringLocalizer<SharedResource> l) : MunicipalityPageModel
{
    public GrantProgramme Programme { get; private set; } = default!;
    public IReadOnlyList<ProgrammeQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<ProgrammeCriterion> Criteria { get; private set; } = [];
    /// What the page asks to confirm removing, from ?remove={id}.
    public ProgrammeQuestion? RemovingQuestion { get; private set; }
    public ProgrammeCriterion? RemovingCriterion { get; private set; }
    [BindProperty] public QuestionInput Question { get; set; } = new();
    [BindProperty] public CriterionInput Criterion { get; set; } = new();
    public List<SelectListItem> Kinds => Enum.GetValues<QuestionKind>().Select(k => new SelectListItem(l["QuestionKind." + k], k.ToString())).ToList();
    public string Self => $"/municipalities/{Municipality.Code}/funding/programmes/{Programme.Id}/form";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var programme = await db.GrantProgrammes().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.TenantId == Municipality.Id, ct);
        if (programme is null) return false;
        Programme = programme;
        Questions = await db.ProgrammeQuestions().Where(q => q.ProgrammeId == id).OrderBy(q => q.Order).ToListAsync(ct);
        Criteria = await db.ProgrammeCriteria().Where(q => q.ProgrammeId == id).OrderBy(q => q.Order).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? remove, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        RemovingQuestion = Questions.FirstOrDefault(q => q.Id == remove);
        RemovingCriterion = Criteria.FirstOrDefault(q => q.Id == remove);
        if (Questions.Count > 0) Question.Group = Questions[^1].Group;
        return Page();
    }

    public async Task<IActionResult> OnPostAddQuestionAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        OnlyValidate(nameof(Question));
        var choices = QuestionInput.Lines(Question.Choices);
        if (Question.Kind == QuestionKind.Choice && choices.Count < 2) ModelState.AddModelError("Question.Choices", l["Funding.Form.ChoicesNeeded"]);
        if (!ModelState.IsValid) return Page();
        db.ProgrammeQuestions().Add(new ProgrammeQuestion
        {
            TenantId = Municipality.Id, ProgrammeId = id, Order = Questions.Count == 0 ? 1 : Questions.Max(q => q.Order) + 1,
            Group = Question.Group.Trim(), Kind = Question.Kind, Label = Question.Label.Trim(), Help = Text.Blank(Question.Help),
            Required = Question.Required, Choices = Question.Kind == QuestionKind.Choice ? choices : [],
        });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Funding.Form.QuestionAdded"].Value;
        return Redirect(Self + "#questions");
    }

    public async Task<IActionResult> OnPostAddCriterionAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        OnlyValidate(nameof(Criterion));
        if (!ModelState.IsValid) return Page();
        db.ProgrammeCriteria().Add(new ProgrammeCriterion
        {
            TenantId = Municipality.Id, ProgrammeId = id, Order = Criteria.Count == 0 ? 1 : Criteria.Max(q => q.Order) + 1,
            Title = Criterion.Title.Trim(), Description = Text.Blank(Criterion.Description), Weight = Criterion.Weight ?? 1,
        });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Funding.Form.CriterionAdded"].Value;
        return Redirect(Self + "#criteria");
    }

    /// The page has two forms; a post validates only the one sent (the other, absent, binds without its prefix).
    private void OnlyValidate(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    /// Moves a question one place up (swaps its order with the one before).
    public async Task<IActionResult> OnPostUpAsync(Guid id, Guid item, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var index = Questions.ToList().FindIndex(q => q.Id == item);
        if (index < 0) return NotFound();
        if (index > 0) (Questions[index].Order, Questions[index - 1].Order) = (Questions[index - 1].Order, Questions[index].Order);
        await db.SaveChangesAsync(ct);
        return Redirect(Self + "#questions");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid item, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Questions.FirstOrDefault(q => q.Id == item) is { } question) db.ProgrammeQuestions().Remove(question);
        else if (Criteria.FirstOrDefault(q => q.Id == item) is { } criterion) db.ProgrammeCriteria().Remove(criterion);
        else return NotFound();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Funding.Form.Removed"].Value;
        return Redirect(Self);
    }
}

public sealed class QuestionInput
{
    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().Take(30).ToList();

    [Display(Name = "Funding.Form.Group")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string Group { get; set; } = "";

    [Display(Name = "Funding.Form.Kind")]
    [EnumDataType(typeof(QuestionKind), ErrorMessage = "Validation.UnknownValue")]
    public QuestionKind Kind { get; set; } = QuestionKind.LongText;

    [Display(Name = "Funding.Form.Label")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string Label { get; set; } = "";

    [Display(Name = "Funding.Form.Help")]
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Help { get; set; }

    [Display(Name = "Funding.Form.Required")]
    public bool Required { get; set; } = true;

    [Display(Name = "Funding.Form.Choices")]
    [StringLength(3000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Choices { get; set; }
}

public sealed class CriterionInput
{
    [Display(Name = "Funding.Criterion.Title")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string Title { get; set; } = "";

    [Display(Name = "Funding.Criterion.Description")]
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Description { get; set; }

    [Display(Name = "Funding.Criterion.Weight")]
    [Required(ErrorMessage = "Validation.Required")]
    [Range(1, 10, ErrorMessage = "Validation.Range")]
    public int? Weight { get; set; } = 1;
}
