using System.Text;
using Samverka.Features.Funding.ActivityGrant;
using Xunit;

namespace Samverka.Tests.Funding;

/// The activity-grant rules, table by table (each rule with a case that counts and one that does not), the attendance
/// file reader, and the pot divided by largest remainder.
public class ActivityGrantTests
{
    // 2026-03-02 is a Monday.
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static ActivityGrantRules Rules(Func<ActivityGrantRules, ActivityGrantRules>? change = null)
    {
        var rules = new ActivityGrantRules
        {
            PeriodFrom = new DateOnly(2026, 1, 1), PeriodTo = new DateOnly(2026, 6, 30),
            MinAge = 7, MaxAge = 25, MinParticipants = 3, MaxParticipants = 30, MinMinutes = 60,
            RatePerSession = 100m, RatePerParticipantSession = 10m,
        };
        return change is null ? rules : change(rules);
    }

    private static AttendanceRow Row(string code, string session = "s1", DateOnly? date = null, int minutes = 90, int birthYear = 2014,
        AttendanceRole role = AttendanceRole.Participant, string org = "802012-3456", string start = "17:30", int line = 2) =>
        new(line, org, session, date ?? Monday, TimeOnly.Parse(start), minutes, code, birthYear, role);

    private static List<AttendanceRow> Session(int participants, string session = "s1", DateOnly? date = null, int minutes = 90,
        string start = "17:30", string org = "802012-3456") =>
        Enumerable.Range(1, participants).Select(i => Row($"P-{i:000}", session, date, minutes, start: start, org: org)).ToList();

    public static TheoryData<string, ActivityGrantRules, List<AttendanceRow>, int, int, SessionExclusion?> SessionCases => new()
    {
        { "period: inside counts", Rules(), Session(3), 1, 3, null },
        { "period: before the start", Rules(), Session(3, date: new DateOnly(2025, 12, 31)), 0, 0, SessionExclusion.OutsidePeriod },
        { "period: after the end", Rules(), Session(3, date: new DateOnly(2026, 7, 1)), 0, 0, SessionExclusion.OutsidePeriod },
        { "weekday: allowed", Rules(r => r with { AllowedWeekdays = [DayOfWeek.Monday] }), Session(3), 1, 3, null },
        { "weekday: not allowed", Rules(r => r with { AllowedWeekdays = [DayOfWeek.Saturday, DayOfWeek.Sunday] }), Session(3), 0, 0, SessionExclusion.WeekdayNotAllowed },
        { "weekday: empty list allows all", Rules(r => r with { AllowedWeekdays = [] }), Session(3), 1, 3, null },
        { "minutes: exactly the minimum", Rules(), Session(3, minutes: 60), 1, 3, null },
        { "minutes: too short", Rules(), Session(3, minutes: 59), 0, 0, SessionExclusion.TooShort },
        { "participants: exactly the minimum", Rules(), Session(3), 1, 3, null },
        { "participants: too few", Rules(), Session(2), 0, 0, SessionExclusion.TooFewParticipants },
        { "participants: at the maximum", Rules(r => r with { MaxParticipants = 5 }), Session(5), 1, 5, null },
        { "participants: above the maximum counts the maximum", Rules(r => r with { MaxParticipants = 5 }), Session(8), 1, 5, null },
        { "participants: no maximum", Rules(r => r with { MaxParticipants = null }), Session(40), 1, 40, null },
    };

    [Theory]
    [MemberData(nameof(SessionCases))]
    public void Session_rules(string name, ActivityGrantRules rules, List<AttendanceRow> rows, int sessions, int participantSessions, SessionExclusion? reason)
    {
        var result = ActivityGrantCalculator.Compute(rules, rows).Organisations.Single();
        Assert.True(sessions == result.CountedSessions, name);
        Assert.Equal(participantSessions, result.CountedParticipantSessions);
        Assert.Equal(reason, result.ExcludedSessions.SingleOrDefault()?.Reason);
        Assert.Equal(sessions * 100m + participantSessions * 10m, result.Amount);
    }

    public static TheoryData<string, ActivityGrantRules, AttendanceRow, bool, RowExclusion?> RowCases => new()
    {
        { "age: the minimum (7 in 2026)", Rules(), Row("X-1", birthYear: 2019), true, null },
        { "age: one year too young", Rules(), Row("X-1", birthYear: 2020), false, RowExclusion.AgeOutside },
        { "age: the maximum (25 in 2026)", Rules(), Row("X-1", birthYear: 2001), true, null },
        { "age: one year too old", Rules(), Row("X-1", birthYear: 2000), false, RowExclusion.AgeOutside },
        { "leader: not counted", Rules(), Row("X-1", role: AttendanceRole.Leader), false, RowExclusion.Leader },
        { "leader: counted when the programme says so", Rules(r => r with { ExcludeLeaders = false }), Row("X-1", role: AttendanceRole.Leader), true, null },
        { "participant role counts", Rules(), Row("X-1"), true, null },
    };

    [Theory]
    [MemberData(nameof(RowCases))]
    public void Row_rules(string name, ActivityGrantRules rules, AttendanceRow extra, bool counts, RowExclusion? reason)
    {
        var rows = Session(3);
        rows.Add(extra);
        var result = ActivityGrantCalculator.Compute(rules, rows).Organisations.Single();
        Assert.True((counts ? 4 : 3) == result.CountedParticipantSessions, name);
        Assert.Equal(reason, result.ExcludedRows.SingleOrDefault()?.Reason);
    }

    public static TheoryData<string, bool, string, string, int, RowExclusion?> SameDayCases => new()
    {
        // Two sessions of three: the second shares one participant (P-001) with the first.
        { "one a day: second session the same day, same organisation", true, "", "802012-3456", 6, RowExclusion.AlreadyCountedThatDay },
        { "one a day: the rule off", false, "", "802012-3456", 7, null },
        { "one a day: another day", true, "next", "802012-3456", 7, null },
        { "one a day: another organisation", true, "", "802099-0000", 7, null },
    };

    [Theory]
    [MemberData(nameof(SameDayCases))]
    public void One_session_per_participant_per_day(string name, bool rule, string day, string secondOrg, int participantSessions, RowExclusion? reason)
    {
        var rows = Session(3, "morning", start: "09:00");
        var secondDate = day == "next" ? Monday.AddDays(1) : Monday;
        rows.AddRange([Row("P-001", "evening", secondDate, start: "18:00", org: secondOrg), Row("Q-1", "evening", secondDate, start: "18:00", org: secondOrg),
            Row("Q-2", "evening", secondDate, start: "18:00", org: secondOrg), Row("Q-3", "evening", secondDate, start: "18:00", org: secondOrg)]);
        var result = ActivityGrantCalculator.Compute(Rules(r => r with { OneSessionPerParticipantPerDay = rule }), rows);
        Assert.True(participantSessions == result.Organisations.Sum(o => o.CountedParticipantSessions), name);
        Assert.Equal(reason, result.Organisations.SelectMany(o => o.ExcludedRows).SingleOrDefault()?.Reason);
    }

    [Fact]
    public void A_session_that_does_not_count_does_not_use_up_the_day()
    {
        // The morning has two participants (too few): P-001 still counts in the evening.
        var rows = Session(2, "morning", start: "09:00");
        rows.AddRange([Row("P-001", "evening", start: "18:00"), Row("Q-1", "evening", start: "18:00"), Row("Q-2", "evening", start: "18:00")]);
        var result = ActivityGrantCalculator.Compute(Rules(), rows).Organisations.Single();
        Assert.Equal(1, result.CountedSessions);
        Assert.Equal(3, result.CountedParticipantSessions);
        Assert.Equal(SessionExclusion.TooFewParticipants, Assert.Single(result.ExcludedSessions).Reason);
        Assert.Empty(result.ExcludedRows);
    }

    [Fact]
    public void A_participant_twice_in_one_session_counts_once()
    {
        var rows = Session(3);
        rows.Add(Row("P-001"));
        var result = ActivityGrantCalculator.Compute(Rules(), rows).Organisations.Single();
        Assert.Equal(3, result.CountedParticipantSessions);
        Assert.Equal(RowExclusion.DuplicateInSession, Assert.Single(result.ExcludedRows).Reason);
    }

    public static TheoryData<decimal, decimal, int, decimal> RateCases => new()
    {
        { 100m, 0m, 0, 100m },            // per session only
        { 0m, 12.345m, 2, 37.04m },       // per participant-session only, two decimals (37.035 → 37.04)
        { 0m, 12.345m, 0, 37m },          // whole units
        { 50m, 10m, 2, 80m },             // both
    };

    [Theory]
    [MemberData(nameof(RateCases))]
    public void Rates_and_rounding(decimal perSession, decimal perParticipant, int decimals, decimal amount)
    {
        var rules = Rules(r => r with { RatePerSession = perSession, RatePerParticipantSession = perParticipant, AmountDecimals = decimals });
        Assert.Equal(amount, ActivityGrantCalculator.Compute(rules, Session(3)).Organisations.Single().Amount);
    }

    public static TheoryData<decimal, long[], int> PotCases => new()
    {
        { 1000m, [1, 1, 1], 2 },
        { 1000m, [1, 1, 1], 0 },
        { 100000m, [7, 13, 29, 0, 51], 2 },
        { 0.05m, [1, 1, 1, 1, 1, 1, 1], 2 },
        { 12345.67m, [3, 3, 3], 0 },
    };

    [Theory]
    [MemberData(nameof(PotCases))]
    public void The_pot_is_divided_exactly(decimal pot, long[] weights, int decimals)
    {
        var shares = ActivityGrantCalculator.DividePot(pot, weights, decimals);
        Assert.Equal(Math.Round(pot, decimals, MidpointRounding.AwayFromZero), shares.Sum());
        var unit = decimals == 0 ? 1m : 0.01m;
        var total = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            Assert.True(Math.Abs(shares[i] - pot * weights[i] / total) < unit, $"share {i}: {shares[i]}");
    }

    [Fact]
    public void A_pot_goes_to_organisations_by_counted_participant_sessions()
    {
        var rows = Session(3, org: "802000-0001").Concat(Session(3, org: "802000-0002")).Concat(Session(4, org: "802000-0003"))
            .Concat(Session(2, org: "802000-0004")).ToList();
        var rules = Rules(r => r with { RatePerSession = 0, RatePerParticipantSession = 0, Pot = 1000m });
        var result = ActivityGrantCalculator.Compute(rules, rows);
        Assert.Equal([300m, 300m, 400m, 0m], result.Organisations.Select(o => o.Amount));
        Assert.Equal(1000m, result.Total);
    }

    [Fact]
    public void Rules_with_both_a_pot_and_rates_are_refused()
    {
        var rules = Rules(r => r with { Pot = 1000m });
        Assert.Contains("Funding.Activity.Rules.PotAndRates", rules.Problems());
        Assert.Throws<ArgumentException>(() => ActivityGrantCalculator.Compute(rules, []));
        Assert.Empty(Rules().Problems());
    }

    // --- the attendance file ---

    private static (List<AttendanceRow> Rows, List<AttendanceProblem> Problems) ReadCsv(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom) bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        var problems = new List<AttendanceProblem>();
        var rows = AttendanceCsv.Read(new MemoryStream(bytes), problems.Add).ToList();
        return (rows, problems);
    }

    private const string Header = "organisation_number,session_id,date,start_time,minutes,participant_code,birth_year,role\n";

    [Fact]
    public void The_template_reads_without_problems()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Samverka.slnx"))) dir = dir.Parent;
        using var file = File.OpenRead(Path.Combine(dir.FullName, "src/Samverka/Features/Funding/ActivityGrant/attendance-template.csv"));
        var problems = new List<AttendanceProblem>();
        var rows = AttendanceCsv.Read(file, problems.Add).ToList();
        Assert.Empty(problems);
        Assert.Equal(4, rows.Count);
        Assert.Equal(AttendanceRole.Leader, rows[3].Role);
    }

    public static TheoryData<string, string> BadRows => new()
    {
        { "802012-3456,s1,2026-03-02,17:30,90,P-1,2014,", "Funding.Activity.Csv.Empty" },
        { "80201A-3456,s1,2026-03-02,17:30,90,P-1,2014,participant", "Funding.Activity.Csv.Organisation" },
        { "802012-3456,s1,2026-3-2,17:30,90,P-1,2014,participant", "Funding.Activity.Csv.Date" },
        { "802012-3456,s1,2026-02-30,17:30,90,P-1,2014,participant", "Funding.Activity.Csv.Date" },
        { "802012-3456,s1,2026-03-02,5pm,90,P-1,2014,participant", "Funding.Activity.Csv.Time" },
        { "802012-3456,s1,2026-03-02,17:30,0,P-1,2014,participant", "Funding.Activity.Csv.Minutes" },
        { "802012-3456,s1,2026-03-02,17:30,1.5,P-1,2014,participant", "Funding.Activity.Csv.Minutes" },
        { "802012-3456,s1,2026-03-02,17:30,90,Anna Svensson,2014,participant", "Funding.Activity.Csv.Code" },
        { "802012-3456,s1,2026-03-02,17:30,90,Anna,2014,participant", "Funding.Activity.Csv.Code" },
        { "802012-3456,s1,2026-03-02,17:30,90,P-1,2027,participant", "Funding.Activity.Csv.BirthYear" },
        { "802012-3456,s1,2026-03-02,17:30,90,P-1,14,participant", "Funding.Activity.Csv.BirthYear" },
        { "802012-3456,s1,2026-03-02,17:30,90,P-1,2014,coach", "Funding.Activity.Csv.Role" },
        { "802012-3456,s1,2026-03-02,17:30,90", "Funding.Activity.Csv.FieldCount" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_bad_row_is_reported_by_line_and_the_good_rows_go_on(string bad, string key)
    {
        const string good = "802012-3456,s1,2026-03-02,17:30,90,P-1,2014,participant\n";
        var (rows, problems) = ReadCsv(Header + good + bad + "\n" + good.Replace("P-1", "P-2"));
        var problem = Assert.Single(problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal(key, problem.Key);
        Assert.Equal([2, 4], rows.Select(r => r.Line));
    }

    [Fact]
    public void Semicolons_a_BOM_quoted_fields_and_Swedish_roles_are_read()
    {
        var text = "Organisation_Number;session_id;date;start_time;minutes;participant_code;birth_year;role\n"
                 + "802012-3456;\"fotboll; \"\"lag A\"\"\";2026-03-02;17:30;90;P-1;2014;deltagare\n"
                 + "802012-3456;\"multi\nline\";2026-03-02;17:30;90;P-2;2014;ledare\n"
                 + "802012-3456;s2;2026-03-02;17:30;90;P-3;2014;nobody\n";
        var (rows, problems) = ReadCsv(text, bom: true);
        Assert.Equal(2, rows.Count);
        Assert.Equal("fotboll; \"lag A\"", rows[0].SessionId);
        Assert.Equal(AttendanceRole.Participant, rows[0].Role);
        Assert.Equal(AttendanceRole.Leader, rows[1].Role);
        Assert.Equal(3, rows[1].Line);
        // The quoted field spanned two lines, so the bad row is on line 5.
        Assert.Equal(5, Assert.Single(problems).Line);
    }

    [Fact]
    public void Header_problems_are_reported_once_and_nothing_is_read()
    {
        var (rows, problems) = ReadCsv("organisation_number,session_id,date,minutes,participant_code,role\n"
            + "802012-3456,s1,2026-03-02,90,P-1,participant\n802012-3456,s1,2026-03-02,90,P-2,participant\n");
        Assert.Empty(rows);
        Assert.Equal(["start_time", "birth_year"], problems.Select(p => (string)p.Arguments[0]));
        Assert.All(problems, p => Assert.Equal(1, p.Line));
    }
}
