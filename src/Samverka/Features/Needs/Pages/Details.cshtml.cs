using Samverka.Features.Municipalities.Profile;
using Samverka.Features.Needs.Matching;

namespace Samverka.Features.Needs.Pages;

/// One need, its public questions and answers, and the ways to take part: ask, respond for an organisation, and
/// for the municipality's staff, answer and reply with the waiting time in view. Drafts exist only for staff.
[AllowAnonymous]
[Samverka.Platform.Security.SendsMail("question", Handler = "ask")]
public sealed class DetailsModel(AppDbContext db, CurrentUser current, TimeProvider clock, IOrganisationDirectory organisations,
    Samverka.Platform.Modules.PageContributions contributions,
    NeedNotifications notifications, IStringLocalizer<SharedResource> l) : PageModel
{
    public Need Need { get; private set; } = default!;
    public Tenant Municipality { get; private set; } = default!;
    public string? Department { get; private set; }
    public bool IsStaff { get; private set; }
    public bool IsOpen { get; private set; }
    public bool IsSignedIn { get; private set; }
    public DateTime Now { get; private set; }
    public IReadOnlyList<NeedQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<NeedResponse> Responses { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> OrganisationNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<(Guid Id, string Name)> MyOrganisations { get; private set; } = [];
    public bool IsFollowing { get; private set; }
    /// What other features add to the page (NeedPage's slots).
    public Samverka.Platform.Modules.ContributedLinks Contributed { get; private set; } = Samverka.Platform.Modules.ContributedLinks.None;
    public int Followers { get; private set; }
    /// The signed-in member's organisations that the municipality invited to respond.
    public IReadOnlyList<string> InvitedOrganisations { get; private set; } = [];

    [BindProperty] public string? QuestionText { get; set; }
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public NeedResponseKind? Kind { get; set; }
    [BindProperty] public string? ResponseText { get; set; }
    [BindProperty] public Guid? ItemId { get; set; }
    [BindProperty] public string? ReplyText { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var need = await db.Needs().AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return false;
        var access = await current.GetAccessAsync(ct);
        IsStaff = access.IsStaffOf(need.TenantId);
        if (need.Status == NeedStatus.Draft && !IsStaff) return false;
        IsSignedIn = access.IsSignedIn;
        Need = need;
        Now = clock.GetUtcNow().UtcDateTime;
        Municipality = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == need.TenantId, ct);
        Department = need.DepartmentId is { } d
            ? await db.ProfileEntries().Where(e => e.Id == d).Select(e => e.Title).SingleOrDefaultAsync(ct)
            : null;
        IsOpen = need.IsOpenOn(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));

        var me = access.UserId;
        Questions = await db.NeedQuestions().AsNoTracking()
            .Where(q => q.NeedId == id && (q.AnsweredAt != null || IsStaff || q.AskedByUserId == me))
            .OrderBy(q => q.AskedAt).ToListAsync(ct);
        var mine = access.Roles.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!.Value).Distinct().ToList();
        Responses = await db.NeedResponses().AsNoTracking()
            .Where(r => r.NeedId == id && (IsStaff || mine.Contains(r.OrganisationId)))
            .OrderBy(r => r.SubmittedAt).ToListAsync(ct);
        OrganisationNames = await organisations.NamesAsync(Responses.Select(r => r.OrganisationId).Concat(mine).Distinct().ToList(), ct);
        MyOrganisations = mine.Where(OrganisationNames.ContainsKey).Select(o => (o, OrganisationNames[o])).OrderBy(o => o.Item2).ToList();
        IsFollowing = me is not null && await db.NeedFollowers().AnyAsync(f => f.NeedId == id && f.UserId == me, ct);
        if (IsStaff) Followers = await db.NeedFollowers().CountAsync(f => f.NeedId == id, ct);
        var invited = await db.NeedInvitations().Where(i => i.NeedId == id && mine.Contains(i.OrganisationId)).Select(i => i.OrganisationId).ToListAsync(ct);
        InvitedOrganisations = invited.Select(o => OrganisationNames.GetValueOrDefault(o) ?? "").Where(n => n != "").ToList();
        var listed = Responses.Select(r => r.OrganisationId).Distinct().ToDictionary(o => o, o => OrganisationNames.GetValueOrDefault(o) ?? "");
        Contributed = await contributions.ForAsync(new NeedPage(need.Id, Municipality, listed, access), ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// Anyone signed in may ask while the need is open.
    public async Task<IActionResult> OnPostAskAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsSignedIn) return Challenge();
        if (!IsOpen) { ModelState.AddModelError("", l["Needs.ClosedNotice"]); return Page(); }
        var text = Checked(QuestionText, 10, 1000, nameof(QuestionText), "Needs.QuestionLength", "Needs.YourQuestion");
        if (!ModelState.IsValid) return Page();
        db.NeedQuestions().Add(new NeedQuestion { NeedId = id, TenantId = Need.TenantId, AskedByUserId = current.Id!, Text = text, AskedAt = Now });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Needs.QuestionSent"].Value;
        return Redirect($"/needs/{id}#questions");
    }

    /// Anyone signed in may follow a published need, and stop following it.
    public async Task<IActionResult> OnPostFollowAsync(Guid id, bool stop, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsSignedIn) return Challenge();
        if (Need.Status == NeedStatus.Draft) return NotFound();
        var existing = await db.NeedFollowers().SingleOrDefaultAsync(f => f.NeedId == id && f.UserId == current.Id, ct);
        if (stop && existing is not null) db.NeedFollowers().Remove(existing);
        if (!stop && existing is null) db.NeedFollowers().Add(new NeedFollower { NeedId = id, UserId = current.Id!, CreatedAt = Now });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l[stop ? "Needs.Unfollowed" : "Needs.Followed"].Value;
        return Redirect($"/needs/{id}");
    }

    /// A member of an organisation responds for it, with interest or a proposal.
    public async Task<IActionResult> OnPostRespondAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsSignedIn) return Challenge();
        if (!IsOpen) { ModelState.AddModelError("", l["Needs.ClosedNotice"]); return Page(); }
        var access = await current.GetAccessAsync(ct);
        if (OrganisationId is not { } org || !access.IsMemberOf(org)) ModelState.AddModelError(nameof(OrganisationId), l["Needs.ChooseOrganisation"]);
        if (Kind is null || !Enum.IsDefined(Kind.Value)) ModelState.AddModelError(nameof(Kind), l["Needs.ChooseKind"]);
        var text = Checked(ResponseText, 10, 4000, nameof(ResponseText), "Needs.ResponseLength", "Needs.ResponseText");
        if (!ModelState.IsValid) return Page();
        db.NeedResponses().Add(new NeedResponse
        {
            NeedId = id, TenantId = Need.TenantId, OrganisationId = OrganisationId!.Value, Kind = Kind!.Value, Text = text,
            SubmittedByUserId = current.Id!, SubmittedAt = Now,
        });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Needs.ResponseSent"].Value;
        return Redirect($"/needs/{id}#respond");
    }

    /// The municipality's staff answer a question (the answer becomes public) ...
    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsStaff) return Forbid();
        var question = await db.NeedQuestions().SingleOrDefaultAsync(q => q.Id == ItemId && q.NeedId == id, ct);
        if (question is null) return NotFound();
        var text = Checked(ReplyText, 2, 2000, $"answer-{question.Id}", "Needs.AnswerLength", "Needs.Answer");
        if (!ModelState.IsValid) return Page();
        question.Answer = text;
        question.AnsweredAt ??= Now;
        question.AnsweredByUserId = current.Id;
        await notifications.NotifyFollowersAsync(Need, NeedNotifications.Change.Answered, current.Id, ct);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Needs.AnswerPublished"].Value;
        return Redirect($"/needs/{id}#questions");
    }

    /// ... and reply to an organisation's response (seen by that organisation).
    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsStaff) return Forbid();
        var response = await db.NeedResponses().SingleOrDefaultAsync(r => r.Id == ItemId && r.NeedId == id, ct);
        if (response is null) return NotFound();
        var text = Checked(ReplyText, 2, 2000, $"reply-{response.Id}", "Needs.AnswerLength", "Needs.Reply");
        if (!ModelState.IsValid) return Page();
        response.Reply = text;
        response.RepliedAt ??= Now;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Needs.ReplySent"].Value;
        return Redirect($"/needs/{id}#responses");
    }

    /// The posted text, trimmed; a text of the wrong length or with markup (Text.Check) adds the field's error.
    private string Checked(string? raw, int min, int max, string field, string lengthKey, string labelKey)
    {
        var problem = Text.Check(raw, min, max, out var text);
        if (problem == TextProblem.Length) ModelState.AddModelError(field, l[lengthKey]);
        if (problem == TextProblem.Markup) ModelState.AddModelError(field, l["Validation.NoMarkup", l[labelKey]]);
        return text;
    }

    public string Waited(DateTime from, DateTime? to = null)
    {
        var span = (to ?? Now) - from;
        return span.TotalHours < 24 ? l.Plural("Needs.WaitedHours", Math.Max(0, (int)span.TotalHours)) : l.Plural("Needs.WaitedDays", (int)span.TotalDays);
    }
}
