using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Register.Exchange;

/// A checked file waiting for the user's go-ahead: kept in the database so any instance can finish the import.
public sealed class ImportBatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Format { get; set; } = "";
    public string? DefaultMunicipality { get; set; }
    public byte[] Content { get; set; } = [];
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
    }
}
