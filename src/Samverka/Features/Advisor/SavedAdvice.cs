using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Advisor;

/// A set of advisor answers someone chose to keep: reachable by an unguessable link, holding no personal data
/// beyond the signed-in user who saved it (if any). The advice itself is worked out again from the answers when shown.
public sealed class SavedAdvice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Token { get; set; } = NewToken();
    public string Country { get; set; } = "SE";
    public int Year { get; set; }
    public string AnswersJson { get; set; } = "{}";
    public string? UserId { get; set; }
    public DateTime CreatedAt { get; set; }

    public Dictionary<string, string> Answers() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(AnswersJson) ?? [];

    public AdvisorInput Input() => new(Answers(), Country, Year);

    public static string NewToken() => Base64UrlToken(RandomNumberGenerator.GetBytes(16));

    private static string Base64UrlToken(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}

internal sealed class SavedAdviceConfiguration : IEntityTypeConfiguration<SavedAdvice>
{
    public void Configure(EntityTypeBuilder<SavedAdvice> b)
    {
        b.ToTable("SavedAdvice");
        b.Property(x => x.Token).HasMaxLength(32);
        b.HasIndex(x => x.Token).IsUnique();
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.AnswersJson).HasMaxLength(4000);
        b.Property(x => x.UserId).HasMaxLength(450);
    }
}

public static class AdvisorData
{
    public static DbSet<SavedAdvice> SavedAdvice(this AppDbContext db) => db.Set<SavedAdvice>();
}
