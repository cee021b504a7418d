using Samverka.Features.Needs.Matching;
using Samverka.Features.Register;
using Samverka.Platform.Email;

namespace Samverka.Features.Needs.Pages;

/// The organisations that fit a need, with the reasons, for the municipality's staff, who can invite them to respond.
[Samverka.Platform.Security.SendsMail("need-invite", Handler = "invite")]
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.TenantStaff)]
public sealed class MatchesModel(AppDbContext db, CurrentUser current, NeedMatcher matcher, Samverka.Platform.Notifications.Notifier notifier, PublicUrls urls,
    Samverka.Platform.Modules.PageContributions contributions,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : MunicipalityPageModel
{
    /// Matches per page: each comes with its reasons, so a few at a time keep the page readable.
    public const int PageSize = 5;

    public Need Need { get; private set; } = default!;
    /// The best matches (NeedMatcher.Best at most); PageOfMatches is the part shown.
    public IReadOnlyList<NeedMatch> Matches { get; private set; } = [];
    public IReadOnlyList<NeedMatch> PageOfMatches { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;
    public IReadOnlyDictionary<Guid, DateTime> Invited { get; private set; } = new Dictionary<Guid, DateTime>();
    public IReadOnlySet<Guid> Responded { get; private set; } = new HashSet<Guid>();
    public bool IsOpen { get; private set; }
    /// What other features add to the page (NeedPage's slots).
    public Samverka.Platform.Modules.ContributedLinks Contributed { get; private set; } = Samverka.Platform.Modules.ContributedLinks.None;

    private async Task<IActionResult?> LoadAsync(string code, Guid id, int page, CancellationToken ct)
    {
        var tenant = Municipality;
        var need = await db.Needs().AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.TenantId == tenant.Id, ct);
        if (need is null) return NotFound();
        Need = need;
        IsOpen = need.IsOpenOn(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        Matches = await matcher.ForNeedAsync(need, tenant.Code, tenant.Name, NeedMatcher.Best, ct);
        Pager = new Pager(page, PageSize, Matches.Count, p => $"/municipalities/{code}/needs/{id}/matches" + (p > 1 ? $"?page={p}" : ""));
        PageOfMatches = Matches.Skip((Pager.Page - 1) * PageSize).Take(PageSize).ToList();
        Invited = await db.NeedInvitations().Where(i => i.NeedId == id).ToDictionaryAsync(i => i.OrganisationId, i => i.InvitedAt, ct);
        Responded = (await db.NeedResponses().Where(r => r.NeedId == id).Select(r => r.OrganisationId).Distinct().ToListAsync(ct)).ToHashSet();
        var access = await current.GetAccessAsync(ct);
        Contributed = await contributions.ForAsync(new NeedPage(need.Id, tenant, Matches.DistinctBy(m => m.OrganisationId)
            .ToDictionary(m => m.OrganisationId, m => m.Name), access), ct);
        return null;
    }

    // The page number is read from the query: "page" is Razor Pages' own route value and never binds as a number.
    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken ct) =>
        await LoadAsync(code, id, int.TryParse(Request.Query["page"], out var page) ? Math.Clamp(page, 1, 1000) : 1, ct) ?? Page();

    /// Invites one organisation (once) to respond; its admins, or failing that its public address, get an e-mail.
    public async Task<IActionResult> OnPostInviteAsync(string code, Guid id, Guid organisationId, CancellationToken ct)
    {
        if (await LoadAsync(code, id, 1, ct) is { } denied) return denied;
        if (!IsOpen)
        {
            ModelState.AddModelError("", l["Needs.InviteOnlyOpen"]);
            return Page();
        }
        var organisation = await db.Organisations().AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == organisationId && o.Status == VerificationStatus.Verified, ct);
        if (organisation is null) return NotFound();
        string? flash = null;
        if (!Invited.ContainsKey(organisationId))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.NeedInvitations().Add(new NeedInvitation
            {
                NeedId = id, TenantId = Municipality.Id, OrganisationId = organisationId, InvitedByUserId = current.Id!, InvitedAt = now,
            });
            var recipients = await db.MailRecipientsAsync(organisation, ct);
            // The admins hear of it on their chosen rhythm; the public address (no account) gets it at once.
            foreach (var to in recipients)
                await notifier.NotifyAddressAsync(to, NeedNotifications.InvitedKey, l["Mail.NeedInviteSubject", Municipality.Name, Need.Title],
                    l["Mail.NeedInviteBody", organisation.Name, Municipality.Name, Need.Title, urls.Absolute($"/needs/{id}#respond"),
                        Need.Closes.ToString("yyyy-MM-dd"), Need.ContactName, Need.ContactEmail], $"/needs/{id}#respond", ct);
            // Recorded either way (the organisation sees it when it signs in), but the officer should know no mail went.
            if (recipients.Count == 0) flash = l["Needs.InvitedNoAddress", organisation.Name];
            await db.SaveChangesAsync(ct);
        }
        TempData["Flash"] = flash ?? l["Needs.Invited", organisation.Name];
        // Back to the page that lists the organisation.
        var at = Matches.ToList().FindIndex(m => m.OrganisationId == organisationId);
        return Redirect(Pager.UrlFor(at < 0 ? 1 : at / PageSize + 1) + $"#org-{organisationId}");
    }
}
