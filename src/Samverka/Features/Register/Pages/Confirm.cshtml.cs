using Samverka.Features.Register.Upkeep;

namespace Samverka.Features.Register.Pages;

/// "Our details are still correct": reached from the e-mailed link (no sign-in needed, the link is the key) or by
/// the organisation's admins. A GET only shows the question; the change needs the button, so mail scanners that
/// open links cannot confirm anything.
[AllowAnonymous]
public sealed class ConfirmModel(AppDbContext db, ConfirmationLinks links, CurrentUser current, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Organisation Organisation { get; private set; } = default!;
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public bool Allowed { get; private set; }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return NotFound();
        Organisation = o;
        Allowed = links.IsValidFor(Token, id) || (await current.GetAccessAsync(ct)).CanAdministerOrganisation(id);
        if (!Allowed) Response.StatusCode = StatusCodes.Status403Forbidden;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound) return notFound;
        if (!Allowed) return Page();
        FreshnessConfirmation.Confirm(Organisation, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Confirm.Done"].Value;
        return Redirect($"/organisations/{id}");
    }
}
