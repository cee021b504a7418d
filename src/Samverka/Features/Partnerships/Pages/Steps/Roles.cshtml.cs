namespace Samverka.Features.Partnerships.Pages.Steps;

/// Step 4, roles: the activities and who is responsible, accountable, consulted and informed for each (the RACI
/// matrix, under PartnershipEditor's rules), besides the step's questions.
public sealed class RolesStepModel(PartnershipPageServices s) : StepPageModel(s)
{
    protected override string StepCode => "roles";

    public ActivityInput Activity { get; set; } = new();
    /// The RACI matrix as posted: "activityId:personId" → R, A, C, I or empty.
    public Dictionary<string, string?> Raci { get; set; } = [];
    /// What the matrix held when the page was drawn (the form carries it; see ChangedSince).
    public string RaciStamp => ContentStamp.Of(Stored(File.Raci));

    private static Dictionary<string, object?> Stored(IEnumerable<PartnershipRaci> cells) =>
        cells.ToDictionary(c => $"{c.ActivityId}:{c.PersonId}", c => (object?)c.Role);

    protected override IReadOnlyDictionary<string, Removable> Removables => new Dictionary<string, Removable>
    {
        ["activity"] = new("activities", id => File.Activities.FirstOrDefault(a => a.Id == id)?.Title, RemoveRowAsync<PartnershipActivity>),
    };

    public async Task<IActionResult> OnPostAddActivityAsync(Guid id, [Bind(Prefix = "Activity")] ActivityInput activity, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        Activity = activity;
        if (activity.StartsOn is { } s && activity.EndsOn is { } e && e < s) ModelState.AddModelError("Activity.EndsOn", L["Partnerships.EndAfterStart"]);
        if (!ModelState.IsValid) return await AgainAsync(ct);
        return await AddAsync(new PartnershipActivity
        {
            PartnershipId = id, Title = activity.Title.Trim(), StartsOn = activity.StartsOn, EndsOn = activity.EndsOn, IsMilestone = activity.IsMilestone,
        }, "activities", ct);
    }

    /// Saves the whole RACI matrix.
    public async Task<IActionResult> OnPostRaciAsync(Guid id, [FromForm] Dictionary<string, string?> raci, [FromForm] string? raciStamp, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        Raci = raci;
        var editor = new PartnershipEditor(File);
        if (editor.ReadRaci(raci) is not { } cells) return BadRequest();
        foreach (var activity in editor.SeveralAccountable(cells))
            ModelState.AddModelError($"Raci-{activity.Id}", L["Partnerships.OneAccountable", activity.Title]);
        if (!ModelState.IsValid) return await AgainAsync(ct);
        var stored = await Db.PartnershipRaci().Where(r => r.PartnershipId == id).ToListAsync(ct);
        if (ChangedSince(raciStamp, Stored(stored), key =>
            {
                var (activity, person) = (Guid.Parse(key[..key.IndexOf(':')]), Guid.Parse(key[(key.IndexOf(':') + 1)..]));
                return ($"Raci-{activity}", L["Partnerships.RaciCell", File.Person(person)?.Name ?? "", File.Activities.FirstOrDefault(a => a.Id == activity)?.Title ?? ""]);
            }, role => L["RaciLetter." + role]))
            return await AgainAsync(ct, StatusCodes.Status409Conflict);
        var changes = PartnershipEditor.Diff(stored, cells);
        Db.PartnershipRaci().RemoveRange(changes.Remove);
        foreach (var (row, role) in changes.Change) row.Role = role;
        Db.PartnershipRaci().AddRange(changes.Add.Select(c => new PartnershipRaci { PartnershipId = id, ActivityId = c.Activity, PersonId = c.Person, Role = c.Role }));
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("raci");
    }
}

public sealed class ActivityInput
{
    [Display(Name = "Partnerships.Activity")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Title { get; set; } = "";

    [Display(Name = "Partnerships.StartsOn")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Partnerships.EndsOn")]
    public DateOnly? EndsOn { get; set; }

    [Display(Name = "Partnerships.Milestone")]
    public bool IsMilestone { get; set; }
}
