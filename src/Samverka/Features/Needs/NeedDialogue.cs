using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Needs;

/// A question about a need. Everyone sees it once answered (the answer is for all who wonder the same); until then
/// only the asker and the municipality's staff see it, and staff see how long it has waited.
public sealed class NeedQuestion : ITenantScoped, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NeedId { get; set; }
    public Guid TenantId { get; set; }
    public string AskedByUserId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime AskedAt { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredByUserId { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => null;
}

public enum NeedResponseKind
{
    Interest = 1,
    Proposal = 2,
}

/// An organisation's answer to a need: interest, or a proposal. Seen by the organisation and the municipality's staff.
public sealed class NeedResponse : ITenantScoped, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NeedId { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrganisationId { get; set; }
    public NeedResponseKind Kind { get; set; }
    public string Text { get; set; } = "";
    public string SubmittedByUserId { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    /// When an officer replied to the organisation; until then the response is waiting.
    public DateTime? RepliedAt { get; set; }
    public string? Reply { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => OrganisationId;
}

internal sealed class NeedQuestionConfiguration : IEntityTypeConfiguration<NeedQuestion>
{
    public void Configure(EntityTypeBuilder<NeedQuestion> b)
    {
        b.ToTable("NeedQuestions");
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Answer).HasMaxLength(2000);
        b.Property(x => x.AskedByUserId).HasMaxLength(450);
        b.Property(x => x.AnsweredByUserId).HasMaxLength(450);
        b.HasIndex(x => x.NeedId);
        b.HasIndex(x => new { x.TenantId, x.AnsweredAt });
        b.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NeedResponseConfiguration : IEntityTypeConfiguration<NeedResponse>
{
    public void Configure(EntityTypeBuilder<NeedResponse> b)
    {
        b.ToTable("NeedResponses");
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Reply).HasMaxLength(2000);
        b.Property(x => x.SubmittedByUserId).HasMaxLength(450);
        b.HasIndex(x => x.NeedId);
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => new { x.TenantId, x.RepliedAt });
        b.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class NeedDialogueData
{
    public static DbSet<NeedQuestion> NeedQuestions(this AppDbContext db) => db.Set<NeedQuestion>();
    public static DbSet<NeedResponse> NeedResponses(this AppDbContext db) => db.Set<NeedResponse>();

    /// The median time the municipality took to answer questions and reply to responses over the last year,
    /// or null when it has answered nothing yet.
    public static async Task<TimeSpan?> MedianResponseTimeAsync(this AppDbContext db, Guid tenantId, DateTime now, CancellationToken ct)
    {
        var since = now.AddYears(-1);
        var questions = await db.NeedQuestions().Where(q => q.TenantId == tenantId && q.AnsweredAt != null && q.AnsweredAt >= since)
            .Select(q => new { From = q.AskedAt, To = q.AnsweredAt!.Value }).ToListAsync(ct);
        var responses = await db.NeedResponses().Where(r => r.TenantId == tenantId && r.RepliedAt != null && r.RepliedAt >= since)
            .Select(r => new { From = r.SubmittedAt, To = r.RepliedAt!.Value }).ToListAsync(ct);
        var spans = questions.Select(q => q.To - q.From).Concat(responses.Select(r => r.To - r.From)).Order().ToList();
        if (spans.Count == 0) return null;
        return spans.Count % 2 == 1 ? spans[spans.Count / 2] : (spans[spans.Count / 2 - 1] + spans[spans.Count / 2]) / 2;
    }
}
