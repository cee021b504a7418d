using Microsoft.AspNetCore.Mvc.Rendering;

namespace Samverka.Platform.Notifications.Pages;

/// Which e-mails a person gets and why: per kind that concerns them (by their roles, or that they have chosen for
/// before), immediately, in a daily or weekly digest, or not at all.
[Authorize]
public sealed class SettingsModel(AppDbContext db, CurrentUser current, NotificationCatalogue catalogue, Notifier notifier,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(NotificationKind Kind, string FieldId, Rhythm Chosen);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// The resource key naming a rhythm ("Notifications.Rhythm.DailyDigest").
    public static string RhythmKey(Rhythm rhythm) => $"Notifications.Rhythm.{rhythm}";

    public static string FieldIdOf(NotificationKind kind) => TagBuilder.CreateSanitizedId(kind.Key, "_");

    private async Task<Dictionary<string, NotificationPreference>> LoadAsync(CancellationToken ct)
    {
        var access = await current.GetAccessAsync(ct);
        var stored = await db.NotificationPreferences().Where(p => p.UserId == access.UserId).ToDictionaryAsync(p => p.Kind, ct);
        Rows = catalogue.Kinds.Where(k => k.ConcernsPerson(access) || stored.ContainsKey(k.Key))
            .Select(k => new Row(k, FieldIdOf(k), k.Resolve(stored.TryGetValue(k.Key, out var p) ? p.Rhythm : null)))
            .ToList();
        return stored;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// Saves every listed kind at once; a choice the kind does not offer (a forged form) changes nothing.
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var choices = new Dictionary<string, Rhythm>();
        foreach (var row in Rows)
        {
            var value = Request.Form[row.Kind.Key].ToString();
            if (value.Length == 0) continue; // not sent: keep what was there
            if (!Enum.TryParse<Rhythm>(value, out var rhythm) || !Enum.IsDefined(rhythm) || !row.Kind.Allowed.Contains(rhythm))
                ModelState.AddModelError(row.FieldId, l["Notifications.InvalidChoice", l[row.Kind.LabelKey]]);
            else
                choices[row.Kind.Key] = rhythm;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // Only what the person changed is stored: a kind left at its default follows the default.
        foreach (var row in Rows)
            if (choices.TryGetValue(row.Kind.Key, out var rhythm) && rhythm != row.Chosen)
                await notifier.ChooseAsync(current.Id!, row.Kind.Key, rhythm, ct);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Notifications.Saved"].Value;
        return Redirect(NotificationSettings.Address);
    }
}
