namespace Samverka.Features.Partnerships.Pages;

/// What every page of one partnership starts with: the partnership's file and what the signed-in user may do
/// with it. Someone who may not see it gets 404 (an exploring partnership's existence is the parties' business);
/// someone who may see but not change it gets 403 on any change.
public abstract class PartnershipPageModel(AppDbContext db, CurrentUser current, TimeProvider clock) : PageModel
{
    protected PartnershipPageModel(PartnershipPageServices s) : this(s.Db, s.Current, s.Clock) { }

    protected AppDbContext Db => db;
    /// The injected clock's now, for timestamps (tests and the demo move it).
    protected DateTime Now => clock.GetUtcNow().UtcDateTime;
    public PartnershipFile File { get; private set; } = default!;
    public PartnershipRights Rights { get; private set; } = default!;
    public Access Access { get; private set; } = default!;
    public DateOnly Today { get; private set; }
    public Partnership P => File.Partnership;
    protected string Home => $"/partnerships/{P.Id}";

    /// Null when the page may go on; otherwise the answer to give.
    protected async Task<IActionResult?> LoadAsync(Guid id, bool edit, CancellationToken ct)
    {
        var f = await PartnershipFile.LoadAsync(db, id, ct);
        if (f is null) return NotFound();
        Access = await current.GetAccessAsync(ct);
        var rights = f.RightsOf(Access);
        if (!rights.CanSee) return NotFound();
        if (edit && !rights.CanEdit) return Access.IsSignedIn ? Forbid() : Challenge();
        File = f;
        Rights = rights;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return null;
    }

    /// The party pages are for the parties; others get the public summary only.
    protected async Task<IActionResult?> LoadForPartyAsync(Guid id, bool edit, CancellationToken ct)
    {
        var denied = await LoadAsync(id, edit, ct);
        if (denied is not null) return denied;
        if (await this.RefuseUnlessAsync(File, PartnershipPolicies.Party) is { } refused) return refused;
        return null;
    }

    /// The signed-in person's name for "recorded by" and "approved by".
    protected async Task<string> MeAsync(CancellationToken ct)
    {
        var user = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Users.Where(u => u.Id == Access.UserId).Select(u => new { u.DisplayName, u.Email }), ct);
        return string.IsNullOrWhiteSpace(user?.DisplayName) ? user?.Email ?? "" : user.DisplayName;
    }

    protected async Task ReloadAsync(CancellationToken ct) =>
        File = (await PartnershipFile.LoadAsync(db, File.Partnership.Id, ct))!;
}

/// What a partnership page needs from the request's services, taken as one so a page declares only what is its own
/// (a step page that searches the register takes RegisterSearch besides).
public sealed record PartnershipPageServices(AppDbContext Db, CurrentUser Current, TimeProvider Clock, IStringLocalizer<SharedResource> L);
