using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Platform.Merging;

namespace Samverka.Features.Register.Upkeep;

/// A record that one entry was merged into another: old links lead to the survivor, and its history includes the
/// merged entry's.
public sealed class OrganisationMerge : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SourceId { get; set; }
    public string SourceName { get; set; } = "";
    public Guid TargetId { get; set; }
    public string MergedByUserId { get; set; } = "";
    public DateTime MergedAt { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => TargetId;
}

internal sealed class OrganisationMergeConfiguration : IEntityTypeConfiguration<OrganisationMerge>
{
    public void Configure(EntityTypeBuilder<OrganisationMerge> b)
    {
        b.ToTable("OrganisationMerges");
        b.Property(m => m.SourceName).HasMaxLength(200);
        b.HasIndex(m => m.SourceId).IsUnique();
        b.HasIndex(m => m.TargetId);
    }
}

public sealed record MergePreview(Organisation Target, Organisation Source, int Services, int Places, int Contacts, int People);

/// Merges a duplicate (the source) into the entry that stays (the target), in one transaction: every merge participant
/// moves its records of the source (the register's own in RegisterMergeParticipant, other features' in theirs); lists
/// are joined; empty fields are filled from the source; the source's name is kept as an other name; the source is
/// then removed.
public sealed class MergeService(AppDbContext db, TimeProvider clock, Search.RegisterIndexState indexState, Search.RegisterIndexFollower follower,
    IEnumerable<IMergeParticipant> participants)
{
    public async Task<MergePreview?> PreviewAsync(Guid targetId, Guid sourceId, CancellationToken ct)
    {
        if (targetId == sourceId) return null;
        var target = await Load(targetId, ct);
        var source = await Load(sourceId, ct);
        if (target is null || source is null) return null;
        var people = await db.RoleAssignments.CountAsync(r => r.OrganisationId == sourceId, ct);
        return new MergePreview(target, source, source.Services.Count, source.Locations.Count, source.Contacts.Count, people);
    }

    private Task<Organisation?> Load(Guid id, CancellationToken ct) =>
        db.Set<Organisation>().AsSplitQuery().Include(o => o.HomeMunicipality).Include(o => o.Services).Include(o => o.Locations).Include(o => o.Contacts)
            .SingleOrDefaultAsync(o => o.Id == id, ct);

    public async Task MergeAsync(Organisation target, Organisation source, string userId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // Every record that points at the source — the register's own (services, people, claims, …) and other
        // features' (responses to needs, partnership parties, …) — moves to the target.
        foreach (var participant in participants) await participant.MoveAsync(source.Id, target.Id, ct);

        target.OtherNames = Join(target.OtherNames, [source.Name, .. source.OtherNames]).Where(n => n != target.Name).ToList();
        target.Areas = Join(target.Areas, source.Areas);
        target.TargetGroups = Join(target.TargetGroups, source.TargetGroups);
        target.MunicipalitiesServed = Join(target.MunicipalitiesServed, source.MunicipalitiesServed);
        target.Languages = Join(target.Languages, source.Languages);
        target.SocialLinks = Join(target.SocialLinks, source.SocialLinks);
        target.OrganisationNumber ??= source.OrganisationNumber;
        target.Website ??= source.Website;
        target.ContactEmail ??= source.ContactEmail;
        target.Phone ??= source.Phone;
        target.LogoUrl ??= source.LogoUrl;
        target.FoundedYear ??= source.FoundedYear;
        target.Staff ??= source.Staff;
        target.Volunteers ??= source.Volunteers;
        target.Members ??= source.Members;
        target.AgeFrom = Min(target.AgeFrom, source.AgeFrom);
        target.AgeTo = target.AgeTo is null || source.AgeTo is null ? null : Math.Max(target.AgeTo.Value, source.AgeTo.Value);
        if (string.IsNullOrWhiteSpace(target.Description)) target.Description = source.Description;
        if (source.LastConfirmedAt > target.LastConfirmedAt) FreshnessConfirmation.Confirm(target, source.LastConfirmedAt);
        target.UpdatedAt = now;

        db.Add(new OrganisationMerge { SourceId = source.Id, SourceName = source.Name, TargetId = target.Id, MergedByUserId = userId, MergedAt = now });
        // Save the moves first: the children then belong to the target, and removing the source cascades to nothing.
        await db.SaveChangesAsync(ct);
        db.Remove(source);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Saved inside a transaction, so the index is brought up to date now that it is committed.
        if (indexState.Serving) await follower.CatchUpAsync(ct);
    }

    private static List<string> Join(IEnumerable<string> a, IEnumerable<string> b) => a.Concat(b).Distinct().ToList();

    private static int? Min(int? a, int? b) => a is null || b is null ? null : Math.Min(a.Value, b.Value);
}
