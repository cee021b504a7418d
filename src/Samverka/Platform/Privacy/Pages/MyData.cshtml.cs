using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Samverka.Platform.Privacy.Pages;

/// Everything Samverka holds about the signed-in person, by feature: a readable page and the same as JSON.
[Authorize]
public sealed class MyDataModel(UserManager<AppUser> users, PersonalDataCatalogue catalogue) : PageModel
{
    public AppUser Me { get; private set; } = default!;
    public IReadOnlyList<PersonalRecords> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        Me = me;
        Records = await catalogue.ExportAsync(new DataSubject(me.Id, me.Email, me.DisplayName), ct);
        return Page();
    }
}

/// The download: the same rows as the page, as a JSON attachment.
[Authorize]
public sealed class MyDataJsonModel(UserManager<AppUser> users, PersonalDataCatalogue catalogue, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        var records = await catalogue.ExportAsync(new DataSubject(me.Id, me.Email, me.DisplayName), ct);
        var document = new
        {
            exportedAt = clock.GetUtcNow().UtcDateTime,
            userId = me.Id,
            tables = records.Select(r => new { table = r.Table, title = r.Title, rows = r.Rows }),
        };
        return File(JsonSerializer.SerializeToUtf8Bytes(document, Options), "application/json", "samverka-my-data.json");
    }
}
