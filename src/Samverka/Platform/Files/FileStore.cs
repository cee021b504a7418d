using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Samverka.Platform.Files;

/// What one use of files accepts: the largest size and the kinds of content.
public sealed record FileRules(long MaxBytes, params FileKind[] Kinds);

/// The outcome of an upload: the file added to the unit of work, or a message for the person, in their language.
public sealed record FileUpload(StoredFile? File, string? Error);

/// Who may read the files of one owner kind. A feature that stores files registers one for each of its uses; a file
/// whose kind has none is served to no one.
public interface IFileAccess
{
    string OwnerKind { get; }
    Task<bool> CanReadAsync(StoredFile file, Access access, CancellationToken ct);
}

/// Files in and out: uploads checked by size and by content, kept in the database, served only after the owner
/// feature's access check.
public sealed class FileStore(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// Checks an upload and, when it passes, adds it to the unit of work: the caller's SaveChanges writes it together
    /// with the record that refers to it, so nothing is half-written.
    public async Task<FileUpload> AddAsync(IFormFile? upload, FileRules rules, string ownerKind, Guid? ownerId, string userId, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0) return new(null, l["Files.Choose"]);
        var megabytes = Math.Max(1, rules.MaxBytes / 1_000_000);
        if (upload.Length > rules.MaxBytes) return new(null, l["Files.TooLarge", megabytes]);
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        if (buffer.Length > rules.MaxBytes) return new(null, l["Files.TooLarge", megabytes]);
        var bytes = buffer.ToArray();
        if (FileKinds.Detect(bytes) is not { } kind || !rules.Kinds.Contains(kind))
            return new(null, l["Files.WrongKind", string.Join(", ", rules.Kinds.Select(k => l["FileKind." + k].Value))]);
        var file = new StoredFile
        {
            OwnerKind = ownerKind, OwnerId = ownerId, FileName = Path.GetFileName(upload.FileName), Kind = kind, Size = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedBy = userId, UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(file);
        db.Add(new StoredFileContent { FileId = file.Id, Bytes = bytes });
        return new(file, null);
    }

    /// The bytes of a file added in this unit of work and not yet saved.
    public byte[] PendingBytes(StoredFile file) =>
        db.ChangeTracker.Entries<StoredFileContent>().Single(e => e.Entity.FileId == file.Id).Entity.Bytes;

    public Task<byte[]?> ReadAsync(Guid id, CancellationToken ct) =>
        db.Set<StoredFileContent>().Where(c => c.FileId == id).Select(c => c.Bytes).SingleOrDefaultAsync(ct)!;

    /// Removes a file with the caller's next SaveChanges (its content goes with it).
    public async Task RemoveAsync(Guid id, CancellationToken ct)
    {
        if (await db.Files().FindAsync([id], ct) is { } file) db.Remove(file);
        if (await db.Set<StoredFileContent>().FindAsync([id], ct) is { } content) db.Remove(content);
    }
}

public static class FilesModule
{
    public static IServiceCollection AddSamverkaFiles(this IServiceCollection services) => services.AddScoped<FileStore>();

    /// GET /files/{id}: the file, to those its owner feature lets read it. Always a download with the content type
    /// read from its bytes, never rendered in the site's origin.
    public static void MapFiles(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/files/{id:guid}", async (Guid id, AppDbContext db, FileStore store, CurrentUser current,
                IEnumerable<IFileAccess> rules, HttpContext http, CancellationToken ct) =>
            {
                var file = await db.Files().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
                if (file is null) return Results.NotFound();
                var rule = rules.SingleOrDefault(r => r.OwnerKind == file.OwnerKind);
                if (rule is null || !await rule.CanReadAsync(file, await current.GetAccessAsync(ct), ct))
                    return current.IsSignedIn ? Results.Forbid() : Results.Challenge();
                var bytes = await store.ReadAsync(id, ct);
                if (bytes is null) return Results.NotFound();
                http.Response.Headers.CacheControl = "private, no-store";
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName(file.FileName);
                http.Response.Headers.ContentDisposition = disposition.ToString();
                return Results.Bytes(bytes, FileKinds.ContentType(file.Kind));
            })
            // Read access is the owner feature's rule (IFileAccess), checked above: a visitor may read a public file.
            .AllowAnonymous()
            .WithName("File");
}
