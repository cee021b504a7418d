using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Features.Register;

namespace Samverka.Features.Funding.Programmes;

/// The kinds of grant a Swedish municipality gives (domain.md §4): the kind sets defaults, the rules are data.
public enum GrantKind
{
    /// A yearly grant to the organisation's activity as a whole (organisationsbidrag, grundbidrag).
    OrganisationGrant = 1,
    /// Paid by counted sessions and participants (aktivitetsstöd).
    ActivityGrant = 2,
    /// For a project with a start and an end.
    ProjectGrant = 3,
    /// Towards rent or upkeep of premises (lokalbidrag).
    PremisesGrant = 4,
    /// A small, quick grant for young people's own initiatives.
    YouthInitiative = 5,
}

/// How often the programme opens a call.
public enum GrantRecurrence { OneOff = 1, Yearly = 2, EveryTerm = 3 }

/// Who decides: a committee from a meeting's minutes, or an officer by delegation.
public enum GrantDecider { Committee = 1, DelegatedOfficer = 2 }

/// What happens to an application that comes after the deadline.
public enum LateApplications { Refused = 1, ReducedPerWeek = 2 }

/// A municipality's grant programme: what it is for, who may apply, the pot, the form, how it is assessed, decided,
/// paid and reported back. Everything that differs between municipalities is a value here, not code.
public sealed class GrantProgramme : ITenantScoped, IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid TenantId { get; set; }
    /// The department (a profile entry of the municipality's organisation) that runs it.
    public Guid? DepartmentId { get; set; }
    public GrantKind Kind { get; set; } = GrantKind.OrganisationGrant;
    public string Title { get; set; } = "";
    public string Purpose { get; set; } = "";
    /// The municipality's strategy goals the programme serves, in its own words.
    public string? Goals { get; set; }
    /// Areas of work (the register's Taxonomy.Areas), which matching compares with organisations'.
    public List<string> Areas { get; set; } = [];

    // Who may apply.
    /// The legal forms that may apply; empty means any form except public bodies.
    public List<LegalForm> LegalForms { get; set; } = [];
    /// Only organisations based in the municipality or working there.
    public bool LocalOnly { get; set; } = true;
    public int? MinimumMembers { get; set; }
    public int? AgeFrom { get; set; }
    public int? AgeTo { get; set; }

    // Money.
    public decimal Budget { get; set; }
    /// ISO 4217: SEK or EUR.
    public string Currency { get; set; } = "SEK";
    /// Instalments as shares in per cent, in order ("100", "60,40").
    public string PaymentSchedule { get; set; } = "100";

    // Process.
    public GrantRecurrence Recurrence { get; set; } = GrantRecurrence.Yearly;
    public GrantDecider Decider { get; set; } = GrantDecider.DelegatedOfficer;
    public LateApplications Late { get; set; } = LateApplications.Refused;
    /// With ReducedPerWeek: the share taken off per started week after the deadline, in per cent.
    public int? LateReductionPercent { get; set; }
    /// The annual filing's documents an applicant must have in place (AnnualFiling document kinds).
    public List<string> RequiredDocuments { get; set; } = [];
    /// What must be reported back, and how many days after the grant period ends.
    public string? ReportingRequirements { get; set; }
    public int ReportDueDays { get; set; } = 60;
    /// How to appeal a decision (förvaltningsbesvär or laglighetsprövning), stated on every decision letter.
    public string? AppealInformation { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => null;

    public static readonly string[] Currencies = ["SEK", "EUR"];

    /// The instalments as shares that sum to 100, or null when the text is not such a list.
    public static IReadOnlyList<int>? Instalments(string? schedule)
    {
        var parts = (schedule ?? "").Split([',', ';', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var shares = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part.TrimEnd('%').Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var share) || share <= 0) return null;
            shares.Add(share);
        }
        return shares.Count is > 0 and <= 12 && shares.Sum() == 100 ? shares : null;
    }

    /// Whether an organisation of this legal form may apply at all.
    public bool Accepts(LegalForm form) => LegalForms.Count == 0 ? form != LegalForm.PublicBody : LegalForms.Contains(form);
}

internal sealed class GrantProgrammeConfiguration : IEntityTypeConfiguration<GrantProgramme>
{
    public void Configure(EntityTypeBuilder<GrantProgramme> b)
    {
        b.ToTable("GrantProgrammes");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Purpose).HasMaxLength(4000);
        b.Property(x => x.Goals).HasMaxLength(2000);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.PaymentSchedule).HasMaxLength(100);
        b.Property(x => x.ReportingRequirements).HasMaxLength(2000);
        b.Property(x => x.AppealInformation).HasMaxLength(2000);
        b.Property(x => x.Budget).HasPrecision(14, 2);
        b.HasIndex(x => x.TenantId);
        b.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// A question of a programme's application form, on the page of its group.
public enum QuestionKind { ShortText = 1, LongText = 2, Number = 3, Choice = 4, Date = 5, Budget = 6, File = 7 }

public sealed class ProgrammeQuestion : ITenantScoped, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProgrammeId { get; set; }
    public int Order { get; set; }
    /// The page of the form the question is on ("Om projektet", "Budget").
    public string Group { get; set; } = "";
    public QuestionKind Kind { get; set; }
    public string Label { get; set; } = "";
    public string? Help { get; set; }
    public bool Required { get; set; } = true;
    /// For Choice: the options, in order.
    public List<string> Choices { get; set; } = [];

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => null;
}

internal sealed class ProgrammeQuestionConfiguration : IEntityTypeConfiguration<ProgrammeQuestion>
{
    public void Configure(EntityTypeBuilder<ProgrammeQuestion> b)
    {
        b.ToTable("ProgrammeQuestions");
        b.Property(x => x.Group).HasMaxLength(100);
        b.Property(x => x.Label).HasMaxLength(300);
        b.Property(x => x.Help).HasMaxLength(1000);
        b.HasIndex(x => new { x.ProgrammeId, x.Order });
        b.HasOne<GrantProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// An assessment criterion with its weight; reviewers score each application on each (0–5).
public sealed class ProgrammeCriterion : ITenantScoped, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProgrammeId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int Weight { get; set; } = 1;

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => null;
}

internal sealed class ProgrammeCriterionConfiguration : IEntityTypeConfiguration<ProgrammeCriterion>
{
    public void Configure(EntityTypeBuilder<ProgrammeCriterion> b)
    {
        b.ToTable("ProgrammeCriteria");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.HasIndex(x => new { x.ProgrammeId, x.Order });
        b.HasOne<GrantProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class ProgrammesData
{
    public static DbSet<GrantProgramme> GrantProgrammes(this AppDbContext db) => db.Set<GrantProgramme>();
    public static DbSet<ProgrammeQuestion> ProgrammeQuestions(this AppDbContext db) => db.Set<ProgrammeQuestion>();
    public static DbSet<ProgrammeCriterion> ProgrammeCriteria(this AppDbContext db) => db.Set<ProgrammeCriterion>();
}
