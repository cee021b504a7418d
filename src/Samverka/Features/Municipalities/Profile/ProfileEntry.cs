using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Municipalities.Profile;

/// The lists that make up a municipality's public profile.
public enum ProfileSection
{
    Organisation = 1,
    Coordinators = 2,
    Strategies = 3,
    Support = 4,
    Compacts = 5,
}

/// Kinds within a section: how the municipality is organised, and the support it offers (domain.md §6).
public enum ProfileKind
{
    Council = 1,
    Committee = 2,
    Department = 3,
    Company = 4,
    Premises = 10,
    Transport = 11,
    OfficeSpace = 12,
    Expertise = 13,
    Money = 14,
    StrategicSupport = 15,
    Contacts = 16,
}

/// One item in a profile list: a committee or department and what it is responsible for, a named coordinator with
/// work contact details, a strategy with its goals, a kind of support and how to ask for it, or a local compact.
/// One table for all five lists: they share title, text, order and the public profile; each uses the fields it needs.
public sealed class ProfileEntry : ITenantScoped, IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid TenantId { get; set; }
    public ProfileSection Section { get; set; }
    public ProfileKind? Kind { get; set; }
    /// Name of the body, the coordinator, the strategy, the support or the compact.
    public string Title { get; set; } = "";
    /// Responsibility, what the coordinator helps with, the strategy's purpose, the support, or the compact's content.
    public string? Text { get; set; }
    /// A coordinator's role title, or for support: how to ask for it.
    public string? Detail { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Url { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<StrategyGoal> Goals { get; set; } = [];

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => null;

    /// Sets a strategy's goals to these texts in this order. A goal keeps its id where its text is unchanged, so
    /// links to it survive an edit; the goals it returns are new (the caller adds them to the unit of work: their
    /// ids are set by us, so EF would otherwise take them for existing rows).
    public IReadOnlyList<StrategyGoal> SetGoals(IReadOnlyList<string> texts)
    {
        var kept = Goals.Where(g => texts.Contains(g.Text)).ToList();
        foreach (var gone in Goals.Except(kept).ToList()) Goals.Remove(gone);
        var added = new List<StrategyGoal>();
        for (var i = 0; i < texts.Count; i++)
        {
            var goal = kept.FirstOrDefault(g => g.Text == texts[i]);
            if (goal is null)
            {
                goal = new StrategyGoal { Text = texts[i], EntryId = Id };
                Goals.Add(goal);
                added.Add(goal);
            }
            goal.SortOrder = i;
        }
        return added;
    }

    public static readonly ProfileKind[] OrganisationKinds = [ProfileKind.Council, ProfileKind.Committee, ProfileKind.Department, ProfileKind.Company];
    public static readonly ProfileKind[] SupportKinds =
        [ProfileKind.Premises, ProfileKind.Transport, ProfileKind.OfficeSpace, ProfileKind.Expertise, ProfileKind.Money, ProfileKind.StrategicSupport, ProfileKind.Contacts];
}

/// A goal of a strategy (e.g. one of the four goals of Region Dalarna's youth strategy); organisations and
/// partnerships link their work to it by id.
public sealed class StrategyGoal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public string Text { get; set; } = "";
    public int SortOrder { get; set; }
}

internal sealed class ProfileEntryConfiguration : IEntityTypeConfiguration<ProfileEntry>
{
    public void Configure(EntityTypeBuilder<ProfileEntry> b)
    {
        b.ToTable("ProfileEntries");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.Detail).HasMaxLength(1000);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Url).HasMaxLength(300);
        b.HasIndex(x => new { x.TenantId, x.Section, x.SortOrder });
        b.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Goals).WithOne().HasForeignKey(g => g.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StrategyGoalConfiguration : IEntityTypeConfiguration<StrategyGoal>
{
    public void Configure(EntityTypeBuilder<StrategyGoal> b)
    {
        b.ToTable("StrategyGoals");
        b.Property(x => x.Text).HasMaxLength(500);
    }
}

public static class ProfileData
{
    public static DbSet<ProfileEntry> ProfileEntries(this AppDbContext db) => db.Set<ProfileEntry>();
}
