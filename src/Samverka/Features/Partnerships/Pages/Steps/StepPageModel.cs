using Microsoft.AspNetCore.Mvc.Rendering;

namespace Samverka.Features.Partnerships.Pages.Steps;

/// What every page of the guided workflow shares: one page per step (Prepare, Goal, Strategies, Roles, Processes,
/// FollowUp, Continuation), each at the address users know (/partnerships/{id}/steps/{code}) and each with the
/// inputs and handlers of its own parts. This base loads the partnership for a party (PartnershipPageModel),
/// saves the step's questions (every step has them), confirms and performs removals of the items a step lists,
/// and redirects after a save. The layout (_StepLayout) draws the heading, the step list and the questions form.
[Microsoft.AspNetCore.Authorization.Authorize]
public abstract class StepPageModel(PartnershipPageServices s) : PartnershipPageModel(s)
{
    private readonly IStringLocalizer<SharedResource> l = s.L;
    protected IStringLocalizer<SharedResource> L => l;

    /// The step's code in Workflow, which is also the last segment of its address.
    protected abstract string StepCode { get; }

    public Workflow.Step Step => Workflow.Find(StepCode)!;
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public Dictionary<string, string?> Answers { get; set; } = [];
    /// The version of each stored answer (the answers form carries them, so a save after someone else's is caught).
    public Dictionary<string, long> AnswerVersions { get; private set; } = [];
    public ConfirmDelete? Confirm { get; private set; }
    /// The parties as choices, for the forms that record something per party.
    public IEnumerable<SelectListItem> PartyItems => File.Parties.Select(p => new SelectListItem(p.DisplayName, p.Id.ToString()));
    /// The first error of a field the page draws by hand (the matrix, the per-party texts, the questions), or "".
    public string ErrorOf(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : "";
    public static string FieldId(string key) => TagBuilder.CreateSanitizedId(key, "_");
    public string Here => $"/partnerships/{P.Id}/steps/{StepCode}";

    /// An item kind this step lists and lets the parties remove ("person", "goal", …): its name in this partnership
    /// (null when it is not one, or may not be removed), the section it is listed in, and the removal itself, which
    /// answers null when done or a message that says why it was not; Allowed, when given, is an access check that
    /// refuses (403) a person who may edit the partnership but not remove this kind.
    protected sealed record Removable(string Anchor, Func<Guid, string?> NameOf, Func<Guid, CancellationToken, Task<string?>> RemoveAsync,
        Func<bool>? Allowed = null);

    protected virtual IReadOnlyDictionary<string, Removable> Removables { get; } = new Dictionary<string, Removable>();

    /// Null when the page may go on; otherwise the answer to give.
    protected Task<IActionResult?> BeginAsync(Guid id, bool edit, CancellationToken ct) => LoadForPartyAsync(id, edit, ct);

    /// What the page shows besides what was posted: missing parts, the stored answers, the step's own parts.
    protected async Task FillAsync(CancellationToken ct)
    {
        Missing = Workflow.Missing(Step, File);
        AnswerVersions = await Db.PartnershipAnswers().AsNoTracking().Where(a => a.PartnershipId == P.Id)
            .ToDictionaryAsync(a => a.Question, a => a.Version, ct);
        foreach (var q in Step.Questions) Answers.TryAdd(q.Code, File.Answer(q.Code));
        await FillPartsAsync(ct);
    }

    /// The step's own parts, filled for the page (posted values kept).
    protected virtual Task FillPartsAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(Guid id, string? remove, Guid? item, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: false, ct) is { } denied) return denied;
        if (remove is not null && item is { } itemId && Rights.CanEdit && Removables.GetValueOrDefault(remove)?.NameOf(itemId) is { } name)
            Confirm = new ConfirmDelete(l["Partnerships.ConfirmRemove", name], $"{Here}?handler=remove&remove={remove}&item={itemId}",
                l["Partnerships.Remove"], Here);
        await FillAsync(ct);
        return Page();
    }

    protected async Task<IActionResult> AgainAsync(CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        await FillAsync(ct);
        return new PageResult { StatusCode = status };
    }

    protected IActionResult Saved(string anchor, string? message = null)
    {
        TempData["Flash"] = message ?? l["Common.Saved"].Value;
        return Redirect($"{Here}#{anchor}");
    }

    /// Marks the partnership changed now (the overview and the health signals read it).
    protected async Task<Partnership> TouchAsync(CancellationToken ct)
    {
        var p = await Db.Partnerships().SingleAsync(x => x.Id == P.Id, ct);
        p.UpdatedAt = Now;
        return p;
    }

    /// Adds a row of the step's parts and saves it with the partnership's change time.
    protected async Task<IActionResult> AddAsync<T>(T row, string anchor, CancellationToken ct, string? message = null) where T : class
    {
        Db.Add(row);
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved(anchor, message);
    }

    /// Removes a stored row of this partnership by its id (the caller has checked, through NameOf, that it is one).
    protected async Task<string?> RemoveRowAsync<T>(Guid id, CancellationToken ct) where T : class
    {
        // Someone else may have removed it since this page loaded the partnership: then there is nothing left to do.
        if (await Db.Set<T>().FindAsync([id], ct) is { } row) Db.Remove(row);
        return null;
    }

    /// The step's questions, answered together. Steps with settings in the same form (the check-in rhythm, the
    /// period) check and apply them in ValidateSettings and ApplySettings.
    public async Task<IActionResult> OnPostAnswersAsync(Guid id, [FromForm] Dictionary<string, string?> answers,
        [FromForm(Name = "seen")] Dictionary<string, long>? seen, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        Answers = answers;
        foreach (var q in Step.Questions)
            if (answers.GetValueOrDefault(q.Code) is { Length: > 4000 })
                ModelState.AddModelError($"Answers[{q.Code}]", l["Validation.MaxLength", l["WorkflowLabel." + q.Code], 4000]);
        ValidateSettings();
        if (!ModelState.IsValid) return await AgainAsync(ct);

        var existing = await Db.PartnershipAnswers().Where(a => a.PartnershipId == id).ToListAsync(ct);
        // An answer saved, changed or removed by someone else since this form was loaded (-1: there was none):
        // nothing is written, the person keeps their text and sees the answer as it is now.
        List<Workflow.Question> changed = seen is null ? [] : Step.Questions
            .Where(q => seen.TryGetValue(q.Code, out var v) && v != (existing.FirstOrDefault(a => a.Question == q.Code)?.Version ?? -1)).ToList();
        if (changed.Count > 0)
        {
            ModelState.AddModelError("", l["Edit.Conflict"]);
            foreach (var q in changed)
                ModelState.AddModelError($"Answers[{q.Code}]", l["Edit.ConflictField", l["WorkflowLabel." + q.Code],
                    existing.FirstOrDefault(a => a.Question == q.Code)?.Text ?? l["Edit.Empty"].Value]);
            return await AgainAsync(ct, StatusCodes.Status409Conflict);
        }
        foreach (var q in Step.Questions)
        {
            var text = Text.Blank(answers.GetValueOrDefault(q.Code));
            var row = existing.FirstOrDefault(a => a.Question == q.Code);
            if (text is null) { if (row is not null) Db.PartnershipAnswers().Remove(row); continue; }
            if (row is null) Db.PartnershipAnswers().Add(new PartnershipAnswer { PartnershipId = id, Question = q.Code, Text = text, UpdatedAt = Now });
            else if (row.Text != text) { row.Text = text; row.UpdatedAt = Now; }
        }
        ApplySettings(await TouchAsync(ct));
        await Db.SaveChangesAsync(ct);
        return Saved("questions");
    }

    /// Whether someone else changed the stored rows a form of this step shows (now) since the person loaded the
    /// page (the form's ContentStamp, loaded). If so, the model state says so at the top and at each changed field,
    /// with what is stored now; the caller writes nothing and answers AgainAsync(ct, 409), so the person keeps their
    /// input, and the form then carries the current stamp: saving again is a deliberate overwrite. Describe names a
    /// field's model-state key and label (the field may belong to a party or activity removed meanwhile); show, a stored
    /// value as the person reads it.
    protected bool ChangedSince(string? loaded, IReadOnlyDictionary<string, object?> now, Func<string, (string ErrorKey, string Label)> describe,
        Func<object, string>? show = null)
    {
        var changed = ContentStamp.Changed(loaded, now);
        if (changed.Count == 0) return false;
        ModelState.AddModelError("", l["Edit.Conflict"]);
        foreach (var key in changed)
        {
            var (errorKey, label) = describe(key);
            var value = now.GetValueOrDefault(key) is { } v && (show?.Invoke(v) ?? v.ToString()) is { Length: > 0 } text ? text : l["Edit.Empty"].Value;
            ModelState.AddModelError(errorKey, l["Edit.ConflictField", label, value]);
        }
        return true;
    }

    protected virtual void ValidateSettings() { }

    protected virtual void ApplySettings(Partnership p) { }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string remove, Guid item, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        var removable = Removables.GetValueOrDefault(remove);
        if (removable?.Allowed is { } allowed && !allowed()) return Forbid();
        if (removable is null || removable.NameOf(item) is not { } name) return NotFound();
        if (await removable.RemoveAsync(item, ct) is { } refused) return Saved(removable.Anchor, refused);
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved(removable.Anchor, l["Partnerships.Removed", name]);
    }
}
