namespace Samverka.Features.Funding.ActivityGrant;

/// Why a whole session was left out; the message is "Funding.Activity.Session.{reason}".
public enum SessionExclusion { OutsidePeriod, WeekdayNotAllowed, TooShort, TooFewParticipants }

/// Why one person's row did not count; the message is "Funding.Activity.Row.{reason}".
public enum RowExclusion { Leader, AgeOutside, DuplicateInSession, AlreadyCountedThatDay }

/// A session left out, with its reason (and the number of participants that remained, for TooFewParticipants).
public sealed record ExcludedSession(string SessionId, DateOnly Date, int FirstLine, SessionExclusion Reason, int Participants);

/// A participant row left out, with its reason.
public sealed record ExcludedRow(int Line, string SessionId, string ParticipantCode, RowExclusion Reason);

/// What one organisation's attendance came to: the counted sessions and participant-sessions, the amount, and every
/// session and row left out with its reason.
public sealed record OrganisationActivityResult(
    string OrganisationNumber,
    int CountedSessions,
    int CountedParticipantSessions,
    decimal Amount,
    IReadOnlyList<ExcludedSession> ExcludedSessions,
    IReadOnlyList<ExcludedRow> ExcludedRows);

/// The result of one period: one entry per organisation (ordered by organisation number) and the total paid.
public sealed record ActivityGrantResult(IReadOnlyList<OrganisationActivityResult> Organisations)
{
    public decimal Total => Organisations.Sum(o => o.Amount);
}

/// Applies an activity-grant programme's rules to attendance rows. Per organisation and day, sessions are taken in
/// start order (then session id): session-level rules first (period, weekday, minutes), then each row (leader, age,
/// twice in one session, already counted that day), then the minimum and maximum of participants. A participant is
/// "counted that day" only by a session that itself counts. Amounts are rounded to the rules' decimals (half away
/// from zero); a pot is divided by largest remainder so the amounts sum exactly to the pot.
public static class ActivityGrantCalculator
{
    private sealed class Session(AttendanceRow first)
    {
        public AttendanceRow First { get; } = first;
        public List<AttendanceRow> Rows { get; } = [];
    }

    public static ActivityGrantResult Compute(ActivityGrantRules rules, IEnumerable<AttendanceRow> rows)
    {
        if (rules.Problems() is { Count: > 0 } problems)
            throw new ArgumentException("The rules do not hold: " + string.Join(", ", problems), nameof(rules));

        // Group rows by organisation, then session id; the session's date, start and minutes are its first row's.
        var byOrganisation = new Dictionary<string, Dictionary<string, Session>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!byOrganisation.TryGetValue(row.OrganisationNumber, out var sessions))
                byOrganisation[row.OrganisationNumber] = sessions = new(StringComparer.Ordinal);
            if (!sessions.TryGetValue(row.SessionId, out var session)) sessions[row.SessionId] = session = new Session(row);
            session.Rows.Add(row);
        }

        var counted = new List<(string Org, int Sessions, int ParticipantSessions, List<ExcludedSession> Xs, List<ExcludedRow> Xr)>();
        foreach (var (org, sessions) in byOrganisation.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var excludedSessions = new List<ExcludedSession>();
            var excludedRows = new List<ExcludedRow>();
            int countedSessions = 0, countedParticipantSessions = 0;
            var countedToday = new HashSet<string>(StringComparer.Ordinal);
            DateOnly? day = null;
            foreach (var session in sessions.Values.OrderBy(s => s.First.Date).ThenBy(s => s.First.Start).ThenBy(s => s.First.SessionId, StringComparer.Ordinal))
            {
                var first = session.First;
                if (day != first.Date) { countedToday.Clear(); day = first.Date; }
                if (SessionRule(rules, first) is { } sessionReason)
                {
                    excludedSessions.Add(new ExcludedSession(first.SessionId, first.Date, first.Line, sessionReason, 0));
                    continue;
                }
                var inSession = new HashSet<string>(StringComparer.Ordinal);
                var candidates = new List<AttendanceRow>();
                foreach (var row in session.Rows)
                {
                    RowExclusion? reason =
                        rules.ExcludeLeaders && row.Role == AttendanceRole.Leader ? RowExclusion.Leader
                        : !AgeAllowed(rules, row) ? RowExclusion.AgeOutside
                        : !inSession.Add(row.ParticipantCode) ? RowExclusion.DuplicateInSession
                        : rules.OneSessionPerParticipantPerDay && countedToday.Contains(row.ParticipantCode) ? RowExclusion.AlreadyCountedThatDay
                        : null;
                    if (reason is { } r) excludedRows.Add(new ExcludedRow(row.Line, row.SessionId, row.ParticipantCode, r));
                    else candidates.Add(row);
                }
                if (candidates.Count < rules.MinParticipants)
                {
                    excludedSessions.Add(new ExcludedSession(first.SessionId, first.Date, first.Line, SessionExclusion.TooFewParticipants, candidates.Count));
                    continue;
                }
                countedSessions++;
                countedParticipantSessions += Math.Min(candidates.Count, rules.MaxParticipants ?? int.MaxValue);
                foreach (var row in candidates) countedToday.Add(row.ParticipantCode);
            }
            counted.Add((org, countedSessions, countedParticipantSessions, excludedSessions, excludedRows));
        }

        var amounts = rules.Pot is { } pot
            ? DividePot(pot, counted.Select(c => (long)c.ParticipantSessions).ToList(), rules.AmountDecimals)
            : counted.Select(c => Math.Round(c.Sessions * rules.RatePerSession + c.ParticipantSessions * rules.RatePerParticipantSession,
                rules.AmountDecimals, MidpointRounding.AwayFromZero)).ToList();
        return new ActivityGrantResult(counted.Select((c, i) =>
            new OrganisationActivityResult(c.Org, c.Sessions, c.ParticipantSessions, amounts[i], c.Xs, c.Xr)).ToList());
    }

    private static SessionExclusion? SessionRule(ActivityGrantRules rules, AttendanceRow first) =>
        first.Date < rules.PeriodFrom || first.Date > rules.PeriodTo ? SessionExclusion.OutsidePeriod
        : rules.AllowedWeekdays is { Count: > 0 } days && !days.Contains(first.Date.DayOfWeek) ? SessionExclusion.WeekdayNotAllowed
        : first.Minutes < rules.MinMinutes ? SessionExclusion.TooShort
        : null;

    private static bool AgeAllowed(ActivityGrantRules rules, AttendanceRow row)
    {
        var age = row.Date.Year - row.BirthYear;
        return age >= rules.MinAge && age <= rules.MaxAge;
    }

    /// Divides a pot in proportion to the weights, in units of 10^-decimals, by largest remainder: each share is rounded
    /// down, and the units left over go one each to the largest remainders (ties to the earlier entry). The shares sum
    /// exactly to the pot (rounded to the decimals); when all weights are zero nothing is paid.
    public static List<decimal> DividePot(decimal pot, IReadOnlyList<long> weights, int decimals)
    {
        var unit = decimals == 0 ? 1m : 0.01m;
        var units = (long)Math.Round(pot / unit, MidpointRounding.AwayFromZero);
        var total = weights.Sum();
        if (total == 0) return weights.Select(_ => 0m).ToList();
        var shares = new long[weights.Count];
        var remainders = new (decimal Remainder, int Index)[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (decimal)units * weights[i] / total;
            shares[i] = (long)Math.Floor(exact);
            remainders[i] = (exact - shares[i], i);
            given += shares[i];
        }
        foreach (var (_, i) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(units - given)))
            shares[i]++;
        return shares.Select(s => s * unit).ToList();
    }
}
