using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Platform.Files;

namespace Samverka.Features.Register.Exchange;

/// A checked file waiting for the user's go-ahead: the file is kept with the platform's files (in the database), so
/// any instance can finish the import.
public sealed class ImportBatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Format { get; set; } = "";
    public string? DefaultMunicipality { get; set; }
    public Guid FileId { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("ImportBatches");
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Format).HasMaxLength(10);
        b.Property(x => x.DefaultMunicipality).HasMaxLength(32);
        b.HasIndex(x => x.UserId);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// The files of imports: read only by the person who uploaded them (and platform admins, who support them).
internal sealed class ImportFileAccess : IFileAccess
{
    public const string Kind = "register-import";
    public string OwnerKind => Kind;

    public Task<bool> CanReadAsync(StoredFile file, Access access, CancellationToken ct) =>
        Task.FromResult(access.IsPlatformAdmin || (access.UserId is { } id && file.UploadedBy == id));
}
