using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Features.Partnerships;

public enum PartnershipForm { Grant = 1, Procurement = 2, Iop = 3, OtherAgreement = 4, Informal = 5 }

public enum PartnershipStatus { Exploring = 1, Agreeing = 2, Active = 3, Renewing = 4, Ended = 5 }

public enum PartyKind { Municipality = 1, Organisation = 2 }

/// The rungs of the participation ladder (Council of Europe code): how much say civil society has in a stage.
public enum LadderLevel { None = 0, Information = 1, Consultation = 2, Dialogue = 3, Partnership = 4 }

/// A collaboration between one or more public bodies and one or more organisations, kept as one shared record from
/// the first conversation to renewal, so it survives staff changes. Exploring partnerships are seen by their parties
/// only; from agreeing on, anyone sees the public summary (parties, purpose, form, period, public money) except the
/// fields an officer marked confidential.
public sealed class Partnership : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public string Title { get; set; } = "";
    public string Purpose { get; set; } = "";
    public PartnershipForm Form { get; set; } = PartnershipForm.Iop;
    public PartnershipStatus Status { get; set; } = PartnershipStatus.Exploring;
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// Public money going into the partnership over its whole period, in kronor.
    public decimal? PublicMoney { get; set; }
    /// The need on the needs board it grew from, if any.
    public Guid? NeedId { get; set; }
    /// The advisor result that recommended the form, if any (SavedAdvice.Token).
    public string? AdviceToken { get; set; }
    /// The agreed rhythm of check-ins, in days.
    public int CheckInEveryDays { get; set; } = 30;
    /// How many months before the end renewal talks should start.
    public int RenewalMonthsBefore { get; set; } = 6;
    public DateOnly? RenewalTalksStartedOn { get; set; }
    /// One ladder level per stage of joint work (LadderStages), as ints.
    public List<int> Ladder { get; set; } = [];
    /// Public-summary fields kept from the public (ConfidentialField codes), and why.
    public List<string> ConfidentialFields { get; set; } = [];
    public string? ConfidentialReason { get; set; }
    public DateOnly? CheckInReminderSentOn { get; set; }
    public DateOnly? RenewalReminderSentOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;

    /// The stages of joint work on which the ladder is recorded (domain: "joint efforts" matrix).
    public static readonly string[] LadderStages = ["initiated", "team", "plan", "carry-out", "follow-up"];

    public LadderLevel LadderAt(int stage) => stage < Ladder.Count ? (LadderLevel)Ladder[stage] : LadderLevel.None;

    public bool IsConfidential(string field) => ConfidentialFields.Contains(field);

    /// Seen by the public at all (the parties always see it).
    public bool IsPublic => Status != PartnershipStatus.Exploring;

    public bool IsRunning => Status is PartnershipStatus.Active or PartnershipStatus.Renewing;

    /// Moves the partnership on a lifecycle event (PartnershipRules.StatusAfter) and marks it changed now; true
    /// when the status moved. Renewal talks (a renewal started, or a party joining a running partnership, which the
    /// agreement in force does not cover) date from the day they began; freezing a new version ends them.
    public bool Apply(LifecycleEvent e, DateTime now, DateOnly today)
    {
        UpdatedAt = now;
        var next = PartnershipRules.StatusAfter(Status, e);
        if (next == Status) return false;
        Status = next;
        if (next == PartnershipStatus.Renewing) RenewalTalksStartedOn ??= today;
        return true;
    }
}

/// Codes of the public-summary fields an officer can keep confidential.
public static class ConfidentialField
{
    public const string Purpose = "purpose";
    public const string Period = "period";
    public const string PublicMoney = "public-money";
    public const string Agreement = "agreement";
    public static readonly string[] All = [Purpose, Period, PublicMoney, Agreement];
}

/// A municipality (or one of its departments) or an organisation taking part.
public sealed class PartnershipParty : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid PartnershipId { get; set; }
    public PartyKind Kind { get; set; }
    public Guid? TenantId { get; set; }
    public Guid? OrganisationId { get; set; }
    /// The party's name when it joined (the register or tenant name), so the record reads well on its own.
    public string Name { get; set; } = "";
    public string? Department { get; set; }
    /// What this party gains from the partnership (shared-goal step).
    public string? Benefit { get; set; }
    /// What this party expects of the others.
    public string? Expectations { get; set; }
    public DateTime JoinedAt { get; set; }

    public Guid? AuditTenantId => TenantId;
    public Guid? AuditOrganisationId => OrganisationId;
    public string DisplayName => Department is null ? Name : $"{Name}, {Department}";

    /// A municipality (id: its tenant, optionally a department) or a register organisation (id: its organisation)
    /// joining a partnership under its name at that time.
    public static PartnershipParty Of(PartyKind kind, Guid id, string name, string? department, Guid partnershipId, DateTime joinedAt) =>
        kind == PartyKind.Municipality
            ? new() { PartnershipId = partnershipId, Kind = kind, TenantId = id, Name = name, Department = Platform.UI.Text.Blank(department), JoinedAt = joinedAt }
            : new() { PartnershipId = partnershipId, Kind = kind, OrganisationId = id, Name = name, JoinedAt = joinedAt };
}

/// A named person of a party. Only what the work needs: name, role and, if they want reminders, an e-mail address.
public sealed class PartnershipPerson : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PartyId { get; set; }
    [Microsoft.AspNetCore.Identity.PersonalData] public string Name { get; set; } = "";
    public string? Role { get; set; }
    public string? Email { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;
}

/// The written answer to one of the workflow's questions (Workflow.Questions).
public sealed class PartnershipAnswer : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid PartnershipId { get; set; }
    public string Question { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;
}

public enum ContributionKind { Money = 1, StaffTime = 2, Premises = 3, Expertise = 4, Volunteers = 5, Other = 6 }

/// What one party puts in: money, staff time, premises, expertise or volunteers, with its value in kronor.
public sealed class PartnershipContribution : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PartyId { get; set; }
    public ContributionKind Kind { get; set; }
    public string Description { get; set; } = "";
    public decimal Value { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;
}

/// An activity or milestone on the partnership's timeline; its people's roles are in the RACI matrix.
public sealed class PartnershipActivity : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid PartnershipId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public bool IsMilestone { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;
}

public enum RaciRole { Responsible = 1, Accountable = 2, Consulted = 3, Informed = 4 }

/// One cell of the RACI matrix: a person's role in an activity.
public sealed class PartnershipRaci : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid ActivityId { get; set; }
    public Guid PersonId { get; set; }
    public RaciRole Role { get; set; }

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;
}

internal sealed class PartnershipConfiguration :
    IEntityTypeConfiguration<Partnership>, IEntityTypeConfiguration<PartnershipParty>, IEntityTypeConfiguration<PartnershipPerson>,
    IEntityTypeConfiguration<PartnershipAnswer>, IEntityTypeConfiguration<PartnershipContribution>,
    IEntityTypeConfiguration<PartnershipActivity>, IEntityTypeConfiguration<PartnershipRaci>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.ToTable("Partnerships");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Purpose).HasMaxLength(2000);
        b.Property(x => x.PublicMoney).HasPrecision(14, 2);
        b.Property(x => x.AdviceToken).HasMaxLength(32);
        b.Property(x => x.ConfidentialReason).HasMaxLength(500);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.NeedId);
    }

    public void Configure(EntityTypeBuilder<PartnershipParty> b)
    {
        b.ToTable("PartnershipParties");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Department).HasMaxLength(200);
        b.Property(x => x.Benefit).HasMaxLength(2000);
        b.Property(x => x.Expectations).HasMaxLength(2000);
        b.HasIndex(x => x.PartnershipId);
        b.HasIndex(x => x.TenantId);
        b.HasIndex(x => x.OrganisationId);
        // An organisation is one party of a partnership (null organisation ids — municipal parties — do not clash).
        b.HasIndex(x => new { x.PartnershipId, x.OrganisationId }).IsUnique();
        b.HasOne<Partnership>().WithMany().HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // A party names an entry that exists: a merge moves parties first (PartnershipsMergeParticipant), and
        // removing an organisation that is still a party fails rather than leave the party pointing nowhere.
        b.HasOne<Samverka.Features.Register.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PartnershipPerson> b)
    {
        b.ToTable("PartnershipPeople");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Role).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        b.HasIndex(x => x.PartnershipId);
        b.HasOne<PartnershipParty>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PartnershipAnswer> b)
    {
        b.ToTable("PartnershipAnswers");
        b.Property(x => x.Question).HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => new { x.PartnershipId, x.Question }).IsUnique();
        b.HasOne<Partnership>().WithMany().HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PartnershipContribution> b)
    {
        b.ToTable("PartnershipContributions");
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Value).HasPrecision(14, 2);
        b.HasIndex(x => x.PartnershipId);
        b.HasOne<PartnershipParty>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PartnershipActivity> b)
    {
        b.ToTable("PartnershipActivities");
        b.Property(x => x.Title).HasMaxLength(200);
        b.HasIndex(x => x.PartnershipId);
        b.HasOne<Partnership>().WithMany().HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PartnershipRaci> b)
    {
        b.ToTable("PartnershipRaci");
        b.HasIndex(x => new { x.ActivityId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.PartnershipId);
        b.HasOne<PartnershipActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartnershipPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class PartnershipData
{
    public static DbSet<Partnership> Partnerships(this AppDbContext db) => db.Set<Partnership>();
    public static DbSet<PartnershipParty> PartnershipParties(this AppDbContext db) => db.Set<PartnershipParty>();
    public static DbSet<PartnershipPerson> PartnershipPeople(this AppDbContext db) => db.Set<PartnershipPerson>();
    public static DbSet<PartnershipAnswer> PartnershipAnswers(this AppDbContext db) => db.Set<PartnershipAnswer>();
    public static DbSet<PartnershipContribution> PartnershipContributions(this AppDbContext db) => db.Set<PartnershipContribution>();
    public static DbSet<PartnershipActivity> PartnershipActivities(this AppDbContext db) => db.Set<PartnershipActivity>();
    public static DbSet<PartnershipRaci> PartnershipRaci(this AppDbContext db) => db.Set<PartnershipRaci>();
}
