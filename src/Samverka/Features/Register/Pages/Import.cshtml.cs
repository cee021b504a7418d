using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Register.Exchange;
using Samverka.Platform.Files;

namespace Samverka.Features.Register.Pages;

/// Officers import organisations: check the file first (every problem listed with row and column), then confirm;
/// the import is written whole or not at all.
[RequestSizeLimit(MaxBytes + 1_000_000)]
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class ImportModel(AppDbContext db, CurrentUser current, RegisterImporter importer, FileStore files, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxBytes = 20_000_000;
    public const int ProblemsShown = 500;

    [BindProperty] public IFormFile? File { get; set; }
    [BindProperty] public string? DefaultMunicipality { get; set; }
    [BindProperty] public Guid? BatchId { get; set; }

    public List<SelectListItem> Municipalities { get; private set; } = [];
    public ImportCheck? Check { get; private set; }
    public string? FileError { get; private set; }
    public string? FileName { get; private set; }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var access = await current.GetAccessAsync(ct);
        var staff = access.StaffTenantIds.ToList();
        if (!access.IsPlatformAdmin && staff.Count == 0) return Forbid();
        var query = db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Municipality);
        if (!access.IsPlatformAdmin) query = query.Where(t => staff.Contains(t.Id));
        else query = query.Where(t => t.IsActive);
        Municipalities = [new SelectListItem(l["Import.NoDefault"], ""), .. (await query.OrderBy(t => t.Name).ToListAsync(ct)).Select(t => new SelectListItem(t.Name, t.Code))];
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var format = File is { Length: > 0 } ? RegisterImporter.FormatOf(File.FileName) : null;
        if (File is { Length: > 0 } && format is null) FileError = l["Import.UnknownFormat"];
        if (DefaultMunicipality is { Length: > 0 } d && !Municipalities.Any(m => m.Value == d))
            ModelState.AddModelError(nameof(DefaultMunicipality), l["Validation.ChooseFromList", l["Import.DefaultMunicipality"]]);
        // Size and content are checked by the platform's file store: a spreadsheet must be one inside, text must be text.
        var upload = FileError is null
            ? await files.AddAsync(File, new FileRules(MaxBytes, format == "xlsx" ? FileKind.Xlsx : FileKind.Text), ImportFileAccess.Kind, null, current.Id!, ct)
            : null;
        FileError ??= upload?.Error;
        if (FileError is not null) ModelState.AddModelError(nameof(File), FileError);
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return Page();
        }
        FileName = File!.FileName;
        Check = await importer.CheckAsync(new MemoryStream(files.PendingBytes(upload!.File!)), format!, Samverka.Platform.UI.Text.Blank(DefaultMunicipality), await current.GetAccessAsync(ct), ct);
        if (!Check.IsValid)
        {
            db.ChangeTracker.Clear();
            return Page();
        }
        var batch = new ImportBatch
        {
            UserId = current.Id!, FileName = upload.File!.FileName, Format = format!, DefaultMunicipality = Samverka.Platform.UI.Text.Blank(DefaultMunicipality),
            FileId = upload.File.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(batch);
        await db.SaveChangesAsync(ct);
        BatchId = batch.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var batch = await db.Set<ImportBatch>().SingleOrDefaultAsync(b => b.Id == BatchId && b.UserId == current.Id && b.CreatedAt > since, ct);
        if (batch is null) return NotFound();
        // Checked again: the register may have changed since the first check.
        Check = await importer.CheckAsync(new MemoryStream(await files.ReadAsync(batch.FileId, ct) ?? []), batch.Format, batch.DefaultMunicipality, await current.GetAccessAsync(ct), ct);
        FileName = batch.FileName;
        if (!Check.IsValid) { BatchId = null; return Page(); }
        var count = await importer.ApplyAsync(Check, ct);
        db.Remove(batch);
        await files.RemoveAsync(batch.FileId, ct);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l.Plural("Import.Done", count).Value;
        return Redirect("/organisations/import");
    }

}
