using Samverka.Features.Needs.Matching;
using Samverka.Features.Register;

namespace Samverka.Features.Needs.Pages;

/// For an organisation's members: the open needs that fit it, the ones it was invited to, and a shortcut to the
/// person's choice for the digest of fitting needs (the notification kind "needs.fitting"; more rhythms on /my/notifications).
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class ForOrganisationModel(AppDbContext db, CurrentUser current, NeedMatcher matcher, TimeProvider clock,
    Samverka.Platform.Notifications.Notifier notifier, IStringLocalizer<SharedResource> l) : PageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<(NeedsModule.NeedRow Need, NeedMatch Match)> Fits { get; private set; } = [];
    public IReadOnlyList<NeedsModule.NeedRow> Invitations { get; private set; } = [];
    public bool Subscribed { get; private set; }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return NotFound();
        if (await this.RefuseUnlessAsync(new OrganisationRef(id), Policies.OrganisationMember) is { } refused) return refused;
        Organisation = organisation;
        Fits = await matcher.ForOrganisationAsync(id, ct);
        var invited = await db.NeedInvitations().Where(i => i.OrganisationId == id).Select(i => i.NeedId).ToListAsync(ct);
        Invitations = await NeedsModule.OpenNeeds(db, clock, null, null).Where(n => invited.Contains(n.Need.Id))
            .OrderBy(n => n.Need.Closes).ToListAsync(ct);
        Subscribed = await notifier.RhythmAsync(current.Id!, FittingNeedsDigest.KindKey, ct) != Samverka.Platform.Notifications.Rhythm.Off;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// Starts (weekly) or stops this member's digest of fitting needs; it covers needs published from their next digest on.
    public async Task<IActionResult> OnPostDigestAsync(Guid id, bool subscribe, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (subscribe != Subscribed)
            await notifier.ChooseAsync(current.Id!, FittingNeedsDigest.KindKey,
                subscribe ? Samverka.Platform.Notifications.Rhythm.WeeklyDigest : Samverka.Platform.Notifications.Rhythm.Off, ct);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l[subscribe ? "Needs.DigestOn" : "Needs.DigestOff"].Value;
        return Redirect($"/organisations/{id}/needs");
    }
}
