namespace Samverka.Features.Partnerships.Health;

public enum Severity { Info = 1, Warning = 2, Critical = 3 }

/// The six pitfalls of partnerships (Halland compact), which the signals are grouped under.
public enum Pitfall { Independence = 1, Responsibility = 2, UnclearGoals = 3, UnfairDivision = 4, Fatigue = 5, NoConflictRoute = 6 }

/// One thing the data says may go wrong. Code is stable (API, tests); the texts are "Health.{code}" (title),
/// "HealthWhy.{code}" (explanation) and "HealthNext.{code}" (next step) in the resource files; Count is how many
/// items it concerns (activities, goals, actions…), shown in the title.
public sealed record HealthSignal(string Code, Pitfall Pitfall, Severity Severity, int Count, string Fix, string Learn);

/// The balance between the parties: each party's share of the valued contributions and of the tasks (Responsible
/// or Accountable in the RACI matrix).
public sealed record PartyBalance(Guid PartyId, string Name, decimal Contributed, double ContributionShare, int Tasks, double TaskShare);

/// Health signals computed from what is recorded, nothing else: pure, so every rule is unit-tested.
public static class HealthCheck
{
    public static readonly string[] Codes =
    [
        "no-limits", "no-accountable", "no-people", "no-goals", "no-indicators", "no-benefit",
        "uneven-tasks", "uneven-contributions", "checkin-overdue", "actions-overdue", "no-conflict-route", "renewal-due",
    ];

    /// A party holding more than this share of the tasks or the contributions tips the balance.
    public const double UnevenShare = 0.8;

    public static IReadOnlyList<HealthSignal> Evaluate(PartnershipFile f, DateOnly today)
    {
        var p = f.Partnership;
        var id = p.Id;
        var signals = new List<HealthSignal>();
        if (p.Status == PartnershipStatus.Ended) return signals;
        // Before an agreement is being written, gaps are things to talk about, not warnings.
        var structural = p.Status == PartnershipStatus.Exploring ? Severity.Info : Severity.Warning;
        void Add(string code, Pitfall pitfall, Severity severity, int count, string fix, string learn) =>
            signals.Add(new HealthSignal(code, pitfall, severity, count, fix, learn));

        if (string.IsNullOrWhiteSpace(f.Answer("limits")))
            Add("no-limits", Pitfall.Independence, structural, 1, $"/partnerships/{id}/steps/prepare#q-limits", "/knowledge/six-pitfalls#independence");

        var noAccountable = f.Activities.Count(a => f.Raci.Count(r => r.ActivityId == a.Id && r.Role == RaciRole.Accountable) != 1);
        if (noAccountable > 0)
            Add("no-accountable", Pitfall.Responsibility, p.IsRunning ? Severity.Critical : structural, noAccountable,
                $"/partnerships/{id}/steps/roles#raci", "/knowledge/six-pitfalls#responsibility");
        var withoutPeople = f.Parties.Count(party => !f.People.Any(x => x.PartyId == party.Id));
        if (withoutPeople > 0)
            Add("no-people", Pitfall.Responsibility, structural, withoutPeople, $"/partnerships/{id}/steps/prepare#people", "/knowledge/six-pitfalls#responsibility");

        if (f.Goals.Count == 0)
            Add("no-goals", Pitfall.UnclearGoals, structural, 0, $"/partnerships/{id}/steps/follow-up#goals", "/knowledge/six-pitfalls#unclear-goals");
        var noIndicator = f.Goals.Count(g => !g.HasIndicator);
        if (noIndicator > 0)
            Add("no-indicators", Pitfall.UnclearGoals, structural, noIndicator, $"/partnerships/{id}/steps/follow-up#goals", "/knowledge/monitor-and-evaluate#smart-goals");
        var noBenefit = f.Parties.Count(party => string.IsNullOrWhiteSpace(party.Benefit));
        if (noBenefit > 0)
            Add("no-benefit", Pitfall.UnclearGoals, structural, noBenefit, $"/partnerships/{id}/steps/goal#benefits", "/knowledge/six-pitfalls#unclear-goals");

        var balance = Balance(f);
        if (f.Parties.Count > 1)
        {
            var tasks = balance.Sum(b => b.Tasks);
            if (tasks >= 3 && balance.Any(b => b.TaskShare > UnevenShare))
                Add("uneven-tasks", Pitfall.UnfairDivision, structural, tasks, $"/partnerships/{id}/steps/roles#raci", "/knowledge/six-pitfalls#unfair-division");
            if (balance.Sum(b => b.Contributed) > 0 && balance.Any(b => b.ContributionShare > UnevenShare))
                Add("uneven-contributions", Pitfall.UnfairDivision, Severity.Info, 0, $"/partnerships/{id}/steps/strategies#contributions", "/knowledge/six-pitfalls#unfair-division");
        }

        if (p.IsRunning && f.NextCheckIn is { } due && due < today)
            Add("checkin-overdue", Pitfall.Fatigue, Severity.Warning, today.DayNumber - due.DayNumber,
                $"/partnerships/{id}/follow-up#check-in", "/knowledge/monitor-and-evaluate#check-ins");
        var overdue = f.Actions.Count(a => a.IsOverdue(today));
        if (p.IsRunning && overdue > 0)
            Add("actions-overdue", Pitfall.Fatigue, Severity.Warning, overdue, $"/partnerships/{id}/follow-up#actions", "/knowledge/six-pitfalls#fatigue");

        if (string.IsNullOrWhiteSpace(f.Answer("conflict-route")))
            Add("no-conflict-route", Pitfall.NoConflictRoute, p.IsRunning ? Severity.Critical : structural, 1,
                $"/partnerships/{id}/steps/processes#q-conflict-route", "/knowledge/six-pitfalls#no-conflict-route");

        if (p.Status == PartnershipStatus.Active && p.EndsOn is { } ends && p.RenewalTalksStartedOn is null
            && ends.AddMonths(-p.RenewalMonthsBefore) <= today)
            Add("renewal-due", Pitfall.Fatigue, ends < today ? Severity.Critical : Severity.Warning, Math.Max(0, ends.DayNumber - today.DayNumber),
                $"/partnerships/{id}/edit#renewal", "/knowledge/continue-or-scale#renewal");

        return signals.OrderByDescending(s => s.Severity).ThenBy(s => s.Pitfall).ToList();
    }

    public static IReadOnlyList<PartyBalance> Balance(PartnershipFile f)
    {
        var total = f.Contributions.Sum(c => c.Value);
        var tasksByParty = f.Raci.Where(r => r.Role is RaciRole.Responsible or RaciRole.Accountable)
            .Select(r => f.Person(r.PersonId)?.PartyId).Where(x => x is not null).GroupBy(x => x!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        var tasks = tasksByParty.Values.Sum();
        return f.Parties.Select(party =>
        {
            var contributed = f.Contributions.Where(c => c.PartyId == party.Id).Sum(c => c.Value);
            var t = tasksByParty.GetValueOrDefault(party.Id);
            return new PartyBalance(party.Id, party.DisplayName, contributed,
                total == 0 ? 0 : (double)(contributed / total), t, tasks == 0 ? 0 : (double)t / tasks);
        }).ToList();
    }
}
