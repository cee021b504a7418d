using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Platform.Files;

/// An uploaded file, kept in the database (both providers) so that any number of instances serve it without a
/// shared disk. The row is what lists need; the bytes live in their own table and are read only when served.
/// `OwnerKind` names the feature's use ("register-import", later "grant-application"…); that feature's IFileAccess
/// decides who may read it.
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string OwnerKind { get; set; } = "";
    public Guid? OwnerId { get; set; }
    /// The name the person's computer gave it, for the download; never used as a path.
    public string FileName { get; set; } = "";
    /// What the content is, as read from its bytes (not from the name or the browser's word).
    public FileKind Kind { get; set; }
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}

public sealed class StoredFileContent
{
    public Guid FileId { get; set; }
    public byte[] Bytes { get; set; } = [];
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>, IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("Files");
        b.Property(x => x.OwnerKind).HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(450);
        b.HasIndex(x => new { x.OwnerKind, x.OwnerId });
        b.HasOne<StoredFileContent>().WithOne().HasForeignKey<StoredFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StoredFileContent> b)
    {
        b.ToTable("FileContents");
        b.HasKey(x => x.FileId);
    }
}

public static class FileData
{
    public static DbSet<StoredFile> Files(this AppDbContext db) => db.Set<StoredFile>();
}
