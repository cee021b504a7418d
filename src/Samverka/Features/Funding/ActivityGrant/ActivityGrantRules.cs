namespace Samverka.Features.Funding.ActivityGrant;

/// The rules of one activity-grant programme (aktivitetsstöd), as data a municipality sets: who counts as a
/// participant, what counts as a session, and how counted attendance becomes money — either rates (per session and/or
/// per participant-session) or a shared pot divided after the period in proportion to counted participant-sessions.
public sealed record ActivityGrantRules
{
    /// First and last day of the period (inclusive); sessions outside are left out.
    public required DateOnly PeriodFrom { get; init; }
    public required DateOnly PeriodTo { get; init; }
    /// Participant age, counted as the session's calendar year minus the birth year (inclusive bounds).
    public int MinAge { get; init; } = 7;
    public int MaxAge { get; init; } = 25;
    /// A session with fewer counted participants counts not at all; above the maximum only the maximum counts.
    public int MinParticipants { get; init; } = 3;
    public int? MaxParticipants { get; init; }
    /// A session shorter than this counts not at all.
    public int MinMinutes { get; init; } = 60;
    /// A participant counts at most once per day per organisation (the first session of the day, by start time).
    public bool OneSessionPerParticipantPerDay { get; init; } = true;
    /// Leaders never count as participants when true (the usual rule).
    public bool ExcludeLeaders { get; init; } = true;
    /// Weekdays on which sessions count; null or empty means every day.
    public IReadOnlyCollection<DayOfWeek>? AllowedWeekdays { get; init; }
    /// Rates; both may be set. Not with a pot.
    public decimal RatePerSession { get; init; }
    public decimal RatePerParticipantSession { get; init; }
    /// A shared pot divided in proportion to counted participant-sessions (largest remainder); null when rates apply.
    public decimal? Pot { get; init; }
    /// Decimals of the amounts paid: 2 (öre/cents, the default) or 0 (whole kronor/euro).
    public int AmountDecimals { get; init; } = 2;

    /// The problems that make the rules unusable, as resource keys (empty when they hold).
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (PeriodTo < PeriodFrom) problems.Add("Funding.Activity.Rules.Period");
        if (MinAge < 0 || MaxAge < MinAge) problems.Add("Funding.Activity.Rules.Ages");
        if (MinParticipants < 1 || MaxParticipants < MinParticipants) problems.Add("Funding.Activity.Rules.Participants");
        if (MinMinutes < 0) problems.Add("Funding.Activity.Rules.Minutes");
        if (RatePerSession < 0 || RatePerParticipantSession < 0 || Pot < 0) problems.Add("Funding.Activity.Rules.Negative");
        if (Pot is not null && (RatePerSession != 0 || RatePerParticipantSession != 0)) problems.Add("Funding.Activity.Rules.PotAndRates");
        if (AmountDecimals is not (0 or 2)) problems.Add("Funding.Activity.Rules.Decimals");
        return problems;
    }
}
