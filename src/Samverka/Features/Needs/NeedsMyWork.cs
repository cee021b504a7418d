using Samverka.Features.Needs.Matching;
using Samverka.Features.Register;
using Samverka.Platform.Modules;

namespace Samverka.Features.Needs;

/// What the needs board holds for a person. For the staff of a municipality: questions on its needs and
/// organisations' responses that wait for an answer. For members of an organisation: needs it was invited to and has
/// not answered yet, the few open needs that fit it best, and answers the municipality gave them lately.
internal sealed class NeedsMyWork(AppDbContext db, NeedMatcher matcher, TimeProvider clock, IStringLocalizer<SharedResource> l) : IMyWorkSource
{
    /// How many fitting needs "my work" shows per organisation; the organisation's own page lists them all.
    public const int FitsShown = 3;

    /// How long an answer to the person stays in "my work".
    public static readonly TimeSpan AnswersKept = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<MyWorkItem>> ForAsync(Access person, CancellationToken ct)
    {
        var items = new List<MyWorkItem>();
        var tenants = person.StaffTenantIds.ToList();
        if (tenants.Count > 0) await StaffItemsAsync(tenants, items, ct);
        var organisations = person.OrganisationIds.ToList();
        if (organisations.Count > 0) await MemberItemsAsync(organisations, items, ct);
        if (person.UserId is { } userId) await AnswersAsync(userId, organisations, items, ct);
        return items;
    }

    private async Task StaffItemsAsync(List<Guid> tenants, List<MyWorkItem> items, CancellationToken ct)
    {
        var questions = await db.NeedQuestions().AsNoTracking().Where(q => tenants.Contains(q.TenantId) && q.AnsweredAt == null)
            .Join(db.Needs(), q => q.NeedId, n => n.Id, (q, n) => new { q.NeedId, q.AskedAt, q.Text, n.Title })
            .OrderBy(x => x.AskedAt).ToListAsync(ct);
        var group = l["Needs.MyWorkQuestions"].Value;
        items.AddRange(questions.Select(q => new MyWorkItem("needs.questions", group, q.Title, $"/needs/{q.NeedId}#desk", Since: q.AskedAt,
            Detail: Shorten(q.Text))));

        var responses = await db.NeedResponses().AsNoTracking().Where(r => tenants.Contains(r.TenantId) && r.RepliedAt == null)
            .Join(db.Needs(), r => r.NeedId, n => n.Id, (r, n) => new { r.NeedId, r.OrganisationId, r.SubmittedAt, n.Title })
            .OrderBy(x => x.SubmittedAt).ToListAsync(ct);
        var names = await NamesAsync(responses.Select(r => r.OrganisationId), ct);
        group = l["Needs.MyWorkResponses"].Value;
        items.AddRange(responses.Select(r => new MyWorkItem("needs.responses", group, r.Title, $"/needs/{r.NeedId}#responses", Since: r.SubmittedAt,
            Detail: names.GetValueOrDefault(r.OrganisationId))));
    }

    private async Task MemberItemsAsync(List<Guid> organisations, List<MyWorkItem> items, CancellationToken ct)
    {
        var names = await NamesAsync(organisations, ct);
        var invited = await db.NeedInvitations().AsNoTracking().Where(i => organisations.Contains(i.OrganisationId)).ToListAsync(ct);
        var invitedNeeds = invited.Select(i => i.NeedId).Distinct().ToList();
        var answered = invitedNeeds.Count == 0 ? [] : await db.NeedResponses().AsNoTracking()
            .Where(r => invitedNeeds.Contains(r.NeedId) && organisations.Contains(r.OrganisationId))
            .Select(r => new { r.NeedId, r.OrganisationId }).ToListAsync(ct);
        var open = invitedNeeds.Count == 0 ? [] : await NeedsModule.OpenNeeds(db, clock, null, null)
            .Where(n => invitedNeeds.Contains(n.Need.Id)).ToListAsync(ct);
        var group = l["Needs.MyWorkInvitations"].Value;
        foreach (var i in invited.OrderBy(i => i.InvitedAt))
        {
            if (open.FirstOrDefault(n => n.Need.Id == i.NeedId) is not { } need) continue;
            if (answered.Any(a => a.NeedId == i.NeedId && a.OrganisationId == i.OrganisationId)) continue;
            items.Add(new MyWorkItem("needs.invitations", group, need.Need.Title, $"/needs/{need.Need.Id}", Since: i.InvitedAt,
                Due: Day(need.Need.Closes), Detail: l["Needs.MyWorkFor", names.GetValueOrDefault(i.OrganisationId) ?? "", need.Municipality.Name]));
        }

        group = l["Needs.MyWorkFits"].Value;
        foreach (var organisation in organisations)
        {
            var fits = (await matcher.ForOrganisationAsync(organisation, ct)).Where(f => !invitedNeeds.Contains(f.Need.Need.Id)).ToList();
            if (fits.Count == 0) continue;
            var name = names.GetValueOrDefault(organisation) ?? "";
            items.AddRange(fits.Take(FitsShown).Select(f => new MyWorkItem("needs.fits", group, f.Need.Need.Title, $"/needs/{f.Need.Need.Id}",
                Due: Day(f.Need.Need.Closes), Detail: l["Needs.MyWorkFor", name, f.Need.Municipality.Name])));
            if (fits.Count > FitsShown)
                items.Add(new MyWorkItem("needs.fits", group, l["Needs.MyWorkAllFits", name], $"/organisations/{organisation}/needs"));
        }
    }

    /// Questions the person asked and responses of their organisations that the municipality answered lately.
    private async Task AnswersAsync(string userId, List<Guid> organisations, List<MyWorkItem> items, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - AnswersKept;
        var group = l["Needs.MyWorkAnswers"].Value;
        var questions = await db.NeedQuestions().AsNoTracking().Where(q => q.AskedByUserId == userId && q.AnsweredAt != null && q.AnsweredAt >= since)
            .Join(db.Needs(), q => q.NeedId, n => n.Id, (q, n) => new { q.NeedId, q.Text, q.AnsweredAt, n.Title })
            .OrderByDescending(x => x.AnsweredAt).ToListAsync(ct);
        items.AddRange(questions.Select(q => new MyWorkItem("needs.answers", group, q.Title, $"/needs/{q.NeedId}#questions",
            Detail: l["Needs.MyWorkAnswered", Shorten(q.Text), Date(q.AnsweredAt!.Value)])));
        if (organisations.Count == 0) return;
        var replies = await db.NeedResponses().AsNoTracking().Where(r => organisations.Contains(r.OrganisationId) && r.RepliedAt != null && r.RepliedAt >= since)
            .Join(db.Needs(), r => r.NeedId, n => n.Id, (r, n) => new { r.NeedId, r.RepliedAt, n.Title })
            .OrderByDescending(x => x.RepliedAt).ToListAsync(ct);
        items.AddRange(replies.Select(r => new MyWorkItem("needs.answers", group, r.Title, $"/needs/{r.NeedId}#responses",
            Detail: l["Needs.MyWorkReplied", Date(r.RepliedAt!.Value)])));
    }

    private Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return db.Organisations().AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// A closing day as the moment it ends, so "due" sorts with other dates.
    private static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static string Date(DateTime utc) => utc.ToLocalTime().ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117].TrimEnd() + "…";
}
