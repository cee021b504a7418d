using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Platform.Indicators;

/// Which way an indicator should move for the goal to come closer.
public enum IndicatorDirection { HigherIsBetter = 1, LowerIsBetter = 2 }

/// Where a measured value comes from. Stored as a number: new sources (a funding report, a register count, …) are added
/// at the end.
public enum MeasurementSource { Entered = 1, SurveyQuestion = 2, Attendance = 3 }

/// What owns a goal, kept generic so that any feature can hang goals on its own records without the platform knowing
/// it: a kind the owning feature names (`IndicatorOwner.Partnership`, later "funding-application", "impact-report", …)
/// and that record's id. Owners delete their goals themselves (there is no foreign key to a table the platform cannot
/// name): `IndicatorData.RemoveGoalsOf`.
public readonly record struct IndicatorOwner(string Kind, Guid Id)
{
    public const string Partnership = "partnership";
}

/// A goal of its owner ("more newly arrived get a buddy"), with the indicators that show whether it is reached.
public sealed class IndicatorGoal : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public string OwnerKind { get; set; } = "";
    public Guid OwnerId { get; set; }
    public string Text { get; set; } = "";
    public DateOnly? TargetDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Indicator> Indicators { get; set; } = [];

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;

    /// A goal is measurable once one of its indicators is named.
    public bool HasIndicator => Indicators.Any(i => !string.IsNullOrWhiteSpace(i.Name));
}

/// How a goal is measured: what is counted, in what unit, which way is better, where it started and where it should
/// end; and the dated measurements since.
public sealed class Indicator : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public long Version { get; set; }
    public Guid GoalId { get; set; }
    public string Name { get; set; } = "";
    /// "%", "st", "timmar", … (null for a plain count).
    public string? Unit { get; set; }
    public IndicatorDirection Direction { get; set; } = IndicatorDirection.HigherIsBetter;
    public decimal? Baseline { get; set; }
    public DateOnly? BaselineOn { get; set; }
    public decimal? Target { get; set; }
    /// Words where a number was not given (kept from before indicators were numbers, or how a value is judged).
    public string? Note { get; set; }
    public int Position { get; set; }
    public List<Measurement> Measurements { get; set; } = [];

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;

    /// The measurement that holds now: the latest by date, and of one date the last recorded.
    public Measurement? Latest => Measurements.OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.RecordedAt).FirstOrDefault();

    /// How far the latest measurement has come from the baseline towards the target, as a share (0 = at the baseline,
    /// 1 = target reached; below 0 when it moved the wrong way, above 1 past the target). Null without a baseline,
    /// a target different from it, or a measurement.
    public decimal? Progress => Latest is { } latest ? ProgressOf(latest.Value) : null;

    public decimal? ProgressOf(decimal value)
    {
        if (Baseline is not { } from || Target is not { } to || from == to) return null;
        return (value - from) / (to - from);
    }

    /// Whether a value is better than the baseline, in this indicator's direction (null without a baseline).
    public bool? Improved(decimal value) => Baseline is not { } from ? null
        : Direction == IndicatorDirection.HigherIsBetter ? value > from : value < from;

    /// The direction a baseline and a target imply: a target below the baseline means less is better.
    public static IndicatorDirection DirectionOf(decimal? baseline, decimal? target) =>
        baseline is { } b && target is { } t && t < b ? IndicatorDirection.LowerIsBetter : IndicatorDirection.HigherIsBetter;
}

/// One dated value of an indicator, where it came from, and who approved it (until then it is a proposal).
public sealed class Measurement : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IndicatorId { get; set; }
    public decimal Value { get; set; }
    public DateOnly MeasuredOn { get; set; }
    public MeasurementSource Source { get; set; } = MeasurementSource.Entered;
    /// The source's own id where there is one (the survey question, the activity whose attendance was counted).
    public string? SourceReference { get; set; }
    public string? Note { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string? ApprovedByUserId { get; set; }
    public DateTime? ApprovedAt { get; set; }

    public bool IsApproved => ApprovedAt is not null;

    public Guid? AuditTenantId => null;
    public Guid? AuditOrganisationId => null;
}

/// A value as people write it — "35 %", "1 200 st", "3,5" — read as a number and a unit.
public static partial class IndicatorValue
{
    [GeneratedRegex(@"^\s*(?<n>-?\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|-?\d+(?:[.,]\d+)?)\s*(?<u>\S.{0,19})?\s*$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out decimal value, out string? unit)
    {
        value = 0;
        unit = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        var number = m.Groups["n"].Value.Replace(" ", "").Replace("\u00a0", "").Replace(',', '.');
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
        unit = m.Groups["u"].Success ? m.Groups["u"].Value.Trim() : null;
        return true;
    }

    /// A value with its unit in the current culture ("35 %", "1 200 st"); null for no value.
    public static string? Format(decimal? value, string? unit) => value is not { } v ? null
        : unit is null ? v.ToString("#,0.##", CultureInfo.CurrentCulture) : $"{v.ToString("#,0.##", CultureInfo.CurrentCulture)} {unit}";
}

internal sealed class IndicatorConfiguration :
    IEntityTypeConfiguration<IndicatorGoal>, IEntityTypeConfiguration<Indicator>, IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<IndicatorGoal> b)
    {
        b.ToTable("IndicatorGoals");
        b.Property(x => x.OwnerKind).HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(1000);
        b.HasIndex(x => new { x.OwnerKind, x.OwnerId });
        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("Indicators");
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Unit).HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Baseline).HasPrecision(18, 4);
        b.Property(x => x.Target).HasPrecision(18, 4);
        b.HasIndex(x => x.GoalId);
        b.HasMany(x => x.Measurements).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Measurement> b)
    {
        b.ToTable("IndicatorMeasurements");
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.SourceReference).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.RecordedByUserId).HasMaxLength(450);
        b.Property(x => x.ApprovedByUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.IndicatorId, x.MeasuredOn });
    }
}

public static class IndicatorData
{
    public static DbSet<IndicatorGoal> IndicatorGoals(this AppDbContext db) => db.Set<IndicatorGoal>();

    /// An owner's goals with their indicators and measurements, in the order they were set.
    public static async Task<List<IndicatorGoal>> GoalsOfAsync(this AppDbContext db, IndicatorOwner owner, CancellationToken ct) =>
        await db.IndicatorGoals().AsNoTracking().AsSplitQuery()
            .Include(g => g.Indicators.OrderBy(i => i.Position)).ThenInclude(i => i.Measurements)
            .Where(g => g.OwnerKind == owner.Kind && g.OwnerId == owner.Id)
            .OrderBy(g => g.Text).ToListAsync(ct);

    /// Removes an owner's goals (their indicators and measurements follow), for an owner that is deleted.
    public static async Task RemoveGoalsOf(this AppDbContext db, IndicatorOwner owner, CancellationToken ct) =>
        db.IndicatorGoals().RemoveRange(await db.IndicatorGoals().Where(g => g.OwnerKind == owner.Kind && g.OwnerId == owner.Id).ToListAsync(ct));
}
