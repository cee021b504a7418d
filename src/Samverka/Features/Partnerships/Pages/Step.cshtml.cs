using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Features.Register;
using Samverka.Features.Register.Search;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;
using Samverka.Platform.Indicators;
using Samverka.Platform.Localization;
using Samverka.Platform.UI;

namespace Samverka.Features.Partnerships.Pages;

/// One step of the guided workflow: its questions, answered together, and the structured parts that belong to it
/// (parties and people; benefits; contributions; activities and the RACI matrix; goals with indicators; the
/// period). Every form posts to its own handler, so one form's errors never touch another's input.
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class StepModel(AppDbContext db, CurrentUser current, TimeProvider clock, RegisterSearch search,
    IStringLocalizer<SharedResource> l) : PartnershipPageModel(db, current, clock)
{
    public Workflow.Step Step { get; private set; } = default!;
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public Dictionary<string, string?> Answers { get; set; } = [];
    /// The version of each stored answer (the answers form carries them, so a save after someone else's is caught).
    public Dictionary<string, long> AnswerVersions { get; private set; } = [];
    public int? Rhythm { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int? RenewalMonths { get; set; }
    public PersonInput Person { get; set; } = new();
    public ContributionInput Contribution { get; set; } = new();
    public ActivityInput Activity { get; set; } = new();
    public GoalInput Goal { get; set; } = new();
    public Dictionary<Guid, string?> Benefits { get; set; } = [];
    public Dictionary<Guid, string?> Expectations { get; set; } = [];
    /// The RACI matrix as posted: "activityId:personId" → R, A, C, I or empty.
    public Dictionary<string, string?> Raci { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "partyq")] public string? PartyQuery { get; set; }
    public IReadOnlyList<SearchHit> FoundOrganisations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OtherMunicipalities { get; private set; } = [];
    public ConfirmDelete? Confirm { get; private set; }

    public static readonly int[] Rhythms = [7, 14, 30, 60, 90];
    public IEnumerable<SelectListItem> RhythmItems => Rhythms.Select(d => new SelectListItem(l["Partnerships.EveryDays", d], d.ToString()));
    public IEnumerable<SelectListItem> PartyItems => File.Parties.Select(p => new SelectListItem(p.DisplayName, p.Id.ToString()));
    public IEnumerable<SelectListItem> KindItems => Enum.GetValues<ContributionKind>().Select(k => new SelectListItem(l["ContributionKind." + k], k.ToString()));
    public string Here => $"/partnerships/{P.Id}/steps/{Step.Code}";

    private async Task<IActionResult?> BeginAsync(Guid id, string step, bool edit, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit, ct) is { } denied) return denied;
        if (Workflow.Find(step) is not { } s) return NotFound();
        Step = s;
        return null;
    }

    private async Task FillAsync(CancellationToken ct)
    {
        Missing = Workflow.Missing(Step, File);
        AnswerVersions = await Db.PartnershipAnswers().AsNoTracking().Where(a => a.PartnershipId == P.Id)
            .ToDictionaryAsync(a => a.Question, a => a.Version, ct);
        foreach (var q in Step.Questions) Answers.TryAdd(q.Code, File.Answer(q.Code));
        Rhythm ??= P.CheckInEveryDays;
        StartsOn ??= P.StartsOn;
        EndsOn ??= P.EndsOn;
        RenewalMonths ??= P.RenewalMonthsBefore;
        foreach (var party in File.Parties)
        {
            Benefits.TryAdd(party.Id, party.Benefit);
            Expectations.TryAdd(party.Id, party.Expectations);
        }
        if (Step.Code == "prepare")
        {
            if (!string.IsNullOrWhiteSpace(PartyQuery))
                FoundOrganisations = search.Search(SearchRequest.Text(PartyQuery) with { PageSize = 10 }).Items
                    .Where(h => !File.Parties.Any(p => p.OrganisationId == h.Id)).ToList();
            var taken = File.Parties.Select(p => p.TenantId).OfType<Guid>().ToList();
            OtherMunicipalities = (await Db.Tenants.AsNoTracking().Where(t => t.IsActive && !taken.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(ct))
                .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToList();
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string step, string? remove, Guid? item, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: false, ct) is { } denied) return denied;
        if (remove is not null && item is { } itemId && Rights.CanEdit && RemovalName(remove, itemId) is { } name)
            Confirm = new ConfirmDelete(l["Partnerships.ConfirmRemove", name], $"{Here}?handler=remove&remove={remove}&item={itemId}",
                l["Partnerships.Remove"], Here);
        await FillAsync(ct);
        return Page();
    }

    private async Task<IActionResult> Again(CancellationToken ct)
    {
        await FillAsync(ct);
        return Page();
    }

    private IActionResult Saved(string anchor, string? message = null)
    {
        TempData["Flash"] = message ?? l["Common.Saved"].Value;
        return Redirect($"{Here}#{anchor}");
    }

    private async Task TouchAsync(CancellationToken ct)
    {
        var p = await Db.Partnerships().SingleAsync(x => x.Id == P.Id, ct);
        p.UpdatedAt = Now;
    }

    public async Task<IActionResult> OnPostAnswersAsync(Guid id, string step, [FromForm] Dictionary<string, string?> answers,
        int? rhythm, DateOnly? startsOn, DateOnly? endsOn, int? renewalMonths, [FromForm(Name = "seen")] Dictionary<string, long>? seen, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: true, ct) is { } denied) return denied;
        Answers = answers;
        Rhythm = rhythm; StartsOn = startsOn; EndsOn = endsOn; RenewalMonths = renewalMonths;
        foreach (var q in Step.Questions)
            if (answers.GetValueOrDefault(q.Code) is { Length: > 4000 })
                ModelState.AddModelError($"Answers[{q.Code}]", l["Validation.MaxLength", l["WorkflowLabel." + q.Code], 4000]);
        if (Step.Code == "processes" && (rhythm is null || !Rhythms.Contains(rhythm.Value)))
            ModelState.AddModelError(nameof(Rhythm), l["Validation.Choose", l["Partnerships.Rhythm"]]);
        if (Step.Code == "continuation")
        {
            if (startsOn is not null && endsOn is not null && endsOn <= startsOn)
                ModelState.AddModelError(nameof(EndsOn), l["Partnerships.EndAfterStart"]);
            if (renewalMonths is null or < 1 or > 24)
                ModelState.AddModelError(nameof(RenewalMonths), l["Validation.Range", l["Partnerships.RenewalMonths"], 1, 24]);
        }
        if (!ModelState.IsValid) return await Again(ct);

        var now = clock.GetUtcNow().UtcDateTime;
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
            await FillAsync(ct);
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }
        foreach (var q in Step.Questions)
        {
            var text = Text.Blank(answers.GetValueOrDefault(q.Code));
            var row = existing.FirstOrDefault(a => a.Question == q.Code);
            if (text is null) { if (row is not null) Db.PartnershipAnswers().Remove(row); continue; }
            if (row is null) Db.PartnershipAnswers().Add(new PartnershipAnswer { PartnershipId = id, Question = q.Code, Text = text, UpdatedAt = now });
            else if (row.Text != text) { row.Text = text; row.UpdatedAt = now; }
        }
        var p = await Db.Partnerships().SingleAsync(x => x.Id == id, ct);
        if (Step.Code == "processes") p.CheckInEveryDays = rhythm!.Value;
        if (Step.Code == "continuation") { p.StartsOn = startsOn; p.EndsOn = endsOn; p.RenewalMonthsBefore = renewalMonths!.Value; }
        p.UpdatedAt = now;
        await Db.SaveChangesAsync(ct);
        return Saved("questions");
    }

    public async Task<IActionResult> OnPostAddOrganisationAsync(Guid id, string step, Guid organisationId, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: true, ct) is { } denied) return denied;
        if (!Rights.CanChangeParties) return Forbid();
        var o = await Db.Organisations().AsNoTracking().Where(x => x.Id == organisationId && x.Status == VerificationStatus.Verified)
            .Select(x => new { x.Id, x.Name }).SingleOrDefaultAsync(ct);
        if (o is null) return NotFound();
        if (File.Parties.Any(p => p.OrganisationId == o.Id)) return Saved("parties", l["Partnerships.AlreadyParty"]);
        Db.PartnershipParties().Add(new PartnershipParty { PartnershipId = id, Kind = PartyKind.Organisation, OrganisationId = o.Id, Name = o.Name, JoinedAt = clock.GetUtcNow().UtcDateTime });
        var renewing = await JoinedAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("parties", renewing ? l["Partnerships.PartyAddedNeedsAgreement", o.Name] : l["Partnerships.PartyAdded", o.Name]);
    }

    public async Task<IActionResult> OnPostAddMunicipalityAsync(Guid id, string step, Guid tenantId, string? department, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: true, ct) is { } denied) return denied;
        if (!Rights.CanChangeParties) return Forbid();
        var t = await Db.Tenants.AsNoTracking().SingleOrDefaultAsync(x => x.Id == tenantId && x.IsActive, ct);
        if (t is null) return NotFound();
        if (File.Parties.Any(p => p.TenantId == t.Id)) return Saved("parties", l["Partnerships.AlreadyParty"]);
        Db.PartnershipParties().Add(new PartnershipParty
        {
            PartnershipId = id, Kind = PartyKind.Municipality, TenantId = t.Id, Name = t.Name,
            Department = Text.Blank(department?.Length > 200 ? department[..200] : department), JoinedAt = clock.GetUtcNow().UtcDateTime,
        });
        var renewing = await JoinedAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("parties", renewing ? l["Partnerships.PartyAddedNeedsAgreement", t.Name] : l["Partnerships.PartyAdded", t.Name]);
    }

    /// A party joined. The agreement in force does not cover it, so an active partnership is renewing until a new
    /// version is approved by every party, the newcomer included. True when that happened.
    private async Task<bool> JoinedAsync(CancellationToken ct)
    {
        var p = await Db.Partnerships().SingleAsync(x => x.Id == P.Id, ct);
        p.UpdatedAt = Now;
        var next = PartnershipRules.StatusAfter(p.Status, LifecycleEvent.PartyJoined);
        if (next == p.Status) return false;
        p.Status = next;
        p.RenewalTalksStartedOn ??= Today;
        return true;
    }

    public async Task<IActionResult> OnPostAddPersonAsync(Guid id, string step, [Bind(Prefix = "Person")] PersonInput person, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: true, ct) is { } denied) return denied;
        Person = person;
        if (person.PartyId is { } partyId && File.Party(partyId) is null) ModelState.AddModelError("Person.PartyId", l["Validation.Choose", l["Partnerships.Party"]]);
        if (!ModelState.IsValid) return await Again(ct);
        Db.PartnershipPeople().Add(new PartnershipPerson
        {
            PartnershipId = id, PartyId = person.PartyId!.Value, Name = person.Name.Trim(), Role = Text.Blank(person.Role), Email = Text.Blank(person.Email),
        });
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("people", l["Partnerships.PersonAdded", person.Name.Trim()]);
    }

    public async Task<IActionResult> OnPostBenefitsAsync(Guid id, string step, [FromForm] Dictionary<Guid, string?>? benefits,
        [FromForm] Dictionary<Guid, string?>? expectations, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: true, ct) is { } denied) return denied;
        // The form always sends both lists (empty fields included); a request without one is not from it, and
        // saving it would blank what the parties wrote.
        if (benefits is null || expectations is null)
        {
            ModelState.AddModelError("", l["Partnerships.BenefitsIncomplete"]);
            await FillAsync(ct);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        Benefits = benefits;
        Expectations = expectations;
        foreach (var party in File.Parties)
        {
            if (benefits.GetValueOrDefault(party.Id) is { Length: > 2000 }) ModelState.AddModelError($"Benefits[{party.Id}]", l["Validation.MaxLength", l["WorkflowLabel.benefit"], 2000]);
            if (expectations.GetValueOrDefault(party.Id) is { Length: > 2000 }) ModelState.AddModelError($"Expectations[{party.Id}]", l["Validation.MaxLength", l["Partnerships.Expectations"], 2000]);
        }
        if (!ModelState.IsValid) return await Again(ct);
        var parties = await Db.PartnershipParties().Where(x => x.PartnershipId == id).ToListAsync(ct);
        foreach (var party in parties)
        {
            party.Benefit = Text.Blank(benefits.GetValueOrDefault(party.Id));
            party.Expectations = Text.Blank(expectations.GetValueOrDefault(party.Id));
        }
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("benefits");
    }

    public async Task<IActionResult> OnPostAddContributionAsync(Guid id, string step, [Bind(Prefix = "Contribution")] ContributionInput contribution, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: true, ct) is { } denied) return denied;
        Contribution = contribution;
        if (contribution.PartyId is { } partyId && File.Party(partyId) is null) ModelState.AddModelError("Contribution.PartyId", l["Validation.Choose", l["Partnerships.Party"]]);
        if (!ModelState.IsValid) return await Again(ct);
        Db.PartnershipContributions().Add(new PartnershipContribution
        {
            PartnershipId = id, PartyId = contribution.PartyId!.Value, Kind = contribution.Kind!.Value,
            Description = contribution.Description.Trim(), Value = contribution.Value!.Value,
        });
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("contributions");
    }

    public async Task<IActionResult> OnPostAddActivityAsync(Guid id, string step, [Bind(Prefix = "Activity")] ActivityInput activity, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: true, ct) is { } denied) return denied;
        Activity = activity;
        if (activity.StartsOn is { } s && activity.EndsOn is { } e && e < s) ModelState.AddModelError("Activity.EndsOn", l["Partnerships.EndAfterStart"]);
        if (!ModelState.IsValid) return await Again(ct);
        Db.PartnershipActivities().Add(new PartnershipActivity
        {
            PartnershipId = id, Title = activity.Title.Trim(), StartsOn = activity.StartsOn, EndsOn = activity.EndsOn, IsMilestone = activity.IsMilestone,
        });
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("activities");
    }

    /// Saves the whole RACI matrix. More than one Accountable on an activity is refused (the point of RACI is
    /// that one person answers for it); none is allowed while planning, and shows as a health signal.
    public async Task<IActionResult> OnPostRaciAsync(Guid id, string step, [FromForm] Dictionary<string, string?> raci, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: true, ct) is { } denied) return denied;
        Raci = raci;
        var cells = new List<(Guid Activity, Guid Person, RaciRole Role)>();
        foreach (var (key, value) in raci)
        {
            if (string.IsNullOrEmpty(value)) continue;
            var parts = key.Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var a) || !Guid.TryParse(parts[1], out var person)
                || File.Activities.All(x => x.Id != a) || File.People.All(x => x.Id != person)
                || !Enum.TryParse<RaciRole>(value, out var role) || !Enum.IsDefined(role))
                return BadRequest();
            cells.Add((a, person, role));
        }
        foreach (var activity in File.Activities)
            if (cells.Count(c => c.Activity == activity.Id && c.Role == RaciRole.Accountable) > 1)
                ModelState.AddModelError($"Raci-{activity.Id}", l["Partnerships.OneAccountable", activity.Title]);
        if (!ModelState.IsValid) return await Again(ct);
        var existing = await Db.PartnershipRaci().Where(r => r.PartnershipId == id).ToListAsync(ct);
        foreach (var row in existing)
        {
            var cell = cells.FirstOrDefault(c => c.Activity == row.ActivityId && c.Person == row.PersonId);
            if (cell == default) Db.PartnershipRaci().Remove(row);
            else if (row.Role != cell.Role) row.Role = cell.Role;
        }
        foreach (var c in cells.Where(c => !existing.Any(r => r.ActivityId == c.Activity && r.PersonId == c.Person)))
            Db.PartnershipRaci().Add(new PartnershipRaci { PartnershipId = id, ActivityId = c.Activity, PersonId = c.Person, Role = c.Role });
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("raci");
    }

    public async Task<IActionResult> OnPostAddGoalAsync(Guid id, string step, [Bind(Prefix = "Goal")] GoalInput goal, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: true, ct) is { } denied) return denied;
        Goal = goal;
        if (!ModelState.IsValid) return await Again(ct);
        // Goals live on the platform's indicator model; baseline and target are read as numbers with a unit.
        var (built, problem) = PartnershipGoals.Build(id, goal.Text, goal.Indicator, goal.Baseline, goal.Target, goal.TargetDate, clock.GetUtcNow().UtcDateTime);
        if (built is null)
        {
            if (problem == PartnershipGoals.Problem.UnitsDiffer) ModelState.AddModelError("Goal.Target", l["Indicators.UnitsDiffer"]);
            else ModelState.AddModelError(problem == PartnershipGoals.Problem.BaselineNotANumber ? "Goal.Baseline" : "Goal.Target",
                l["Indicators.NotANumber", l[problem == PartnershipGoals.Problem.BaselineNotANumber ? "Partnerships.Baseline" : "Partnerships.Target"]]);
            return await Again(ct);
        }
        Db.IndicatorGoals().Add(built);
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("goals");
    }

    /// What a removal would remove, by kind, if it is this partnership's; null otherwise.
    private string? RemovalName(string kind, Guid item) => kind switch
    {
        "party" => File.Parties.Count > 2 && Rights.CanChangeParties ? File.Party(item)?.DisplayName : null,
        "person" => File.Person(item)?.Name,
        "contribution" => File.Contributions.FirstOrDefault(c => c.Id == item)?.Description,
        "activity" => File.Activities.FirstOrDefault(a => a.Id == item)?.Title,
        "goal" => File.Goals.FirstOrDefault(g => g.Id == item)?.Text,
        _ => null,
    };

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string step, string remove, Guid item, CancellationToken ct)
    {
        if (await BeginAsync(id, step, edit: true, ct) is { } denied) return denied;
        if (remove == "party" && !Rights.CanChangeParties) return Forbid();
        if (RemovalName(remove, item) is not { } name) return NotFound();
        // A party stays while the pair public body + organisation would break without it.
        if (remove == "party")
        {
            var party = File.Party(item)!;
            var rest = File.Parties.Where(p => p.Id != item).ToList();
            if (!rest.Any(p => p.Kind == PartyKind.Municipality) || !rest.Any(p => p.Kind == PartyKind.Organisation))
                return Saved("parties", l["Partnerships.KeepBothSides"]);
            // Its approvals are part of the agreement's history.
            if (File.Approvals.Any(a => a.PartyId == item))
                return Saved("parties", l["Partnerships.PartyHasApproved", party.DisplayName]);
            Db.PartnershipParties().Remove(await Db.PartnershipParties().SingleAsync(p => p.Id == party.Id, ct));
        }
        else if (remove == "person") Db.PartnershipPeople().Remove(await Db.PartnershipPeople().SingleAsync(x => x.Id == item, ct));
        else if (remove == "contribution") Db.PartnershipContributions().Remove(await Db.PartnershipContributions().SingleAsync(x => x.Id == item, ct));
        else if (remove == "activity") Db.PartnershipActivities().Remove(await Db.PartnershipActivities().SingleAsync(x => x.Id == item, ct));
        else if (remove == "goal") Db.IndicatorGoals().Remove(await Db.IndicatorGoals().SingleAsync(x => x.Id == item, ct));
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved(remove switch { "party" => "parties", "person" => "people", "contribution" => "contributions", "activity" => "activities", _ => "goals" },
            l["Partnerships.Removed", name]);
    }
}

public sealed class PersonInput
{
    [Display(Name = "Partnerships.Party")]
    [Required(ErrorMessage = "Validation.Choose")]
    public Guid? PartyId { get; set; }

    [Display(Name = "Partnerships.PersonName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Name { get; set; } = "";

    [Display(Name = "Partnerships.PersonRole")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Role { get; set; }

    [Display(Name = "Partnerships.PersonEmail")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    public string? Email { get; set; }
}

public sealed class ContributionInput
{
    [Display(Name = "Partnerships.Party")]
    [Required(ErrorMessage = "Validation.Choose")]
    public Guid? PartyId { get; set; }

    [Display(Name = "Partnerships.ContributionKind")]
    [Required(ErrorMessage = "Validation.Choose")]
    public ContributionKind? Kind { get; set; }

    [Display(Name = "Partnerships.ContributionDescription")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Description { get; set; } = "";

    [Display(Name = "Partnerships.ContributionValue")]
    [Required(ErrorMessage = "Validation.Required")]
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Validation.Range")]
    public decimal? Value { get; set; }
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

public sealed class GoalInput
{
    [Display(Name = "Partnerships.Goal")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1000, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Text { get; set; } = "";

    [Display(Name = "Partnerships.Indicator")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Indicator { get; set; }

    [Display(Name = "Partnerships.Baseline")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Baseline { get; set; }

    [Display(Name = "Partnerships.Target")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Target { get; set; }

    [Display(Name = "Partnerships.TargetDate")]
    public DateOnly? TargetDate { get; set; }
}
