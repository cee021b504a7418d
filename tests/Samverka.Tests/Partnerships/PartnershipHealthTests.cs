using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Partnerships.Health;
using Samverka.Features.Partnerships.Running;
using Samverka.Platform.Indicators;

namespace Samverka.Tests.Partnerships;

/// The health rules and the workflow's completeness, on hand-built partnerships: no database.
public sealed class PartnershipHealthTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private sealed class Builder
    {
        public Partnership P { get; } = new() { Title = "T", Status = PartnershipStatus.Active, StartsOn = Today.AddMonths(-3), EndsOn = Today.AddYears(2), CheckInEveryDays = 30 };
        public List<PartnershipParty> Parties { get; } = [];
        public List<PartnershipPerson> People { get; } = [];
        public Dictionary<string, string> Answers { get; } = new() { ["limits"] = "x", ["conflict-route"] = "y" };
        public List<PartnershipContribution> Contributions { get; } = [];
        public List<PartnershipActivity> Activities { get; } = [];
        public List<PartnershipRaci> Raci { get; } = [];
        public List<IndicatorGoal> Goals { get; } = [new() { Text = "g", Indicators = [new() { Name = "i" }] }];
        public List<CheckIn> CheckIns { get; } = [new() { HeldOn = Today.AddDays(-5) }];
        public List<FollowUpAction> Actions { get; } = [];

        public Builder()
        {
            var m = Party(PartyKind.Municipality, "Kommunen");
            var o = Party(PartyKind.Organisation, "Föreningen");
            Person(m, "Kim"); Person(o, "Ola");
        }

        public PartnershipParty Party(PartyKind kind, string name)
        {
            var party = new PartnershipParty { Kind = kind, Name = name, Benefit = "nytta" };
            Parties.Add(party);
            return party;
        }

        public PartnershipPerson Person(PartnershipParty party, string name)
        {
            var person = new PartnershipPerson { PartyId = party.Id, Name = name };
            People.Add(person);
            return person;
        }

        public PartnershipActivity Activity(params (PartnershipPerson Person, RaciRole Role)[] cells)
        {
            var a = new PartnershipActivity { Title = "a" + Activities.Count };
            Activities.Add(a);
            Raci.AddRange(cells.Select(c => new PartnershipRaci { ActivityId = a.Id, PersonId = c.Person.Id, Role = c.Role }));
            return a;
        }

        public PartnershipFile File() => new()
        {
            Partnership = P, Parties = Parties, People = People, Answers = Answers, Contributions = Contributions, Activities = Activities,
            Raci = Raci, Goals = Goals, CheckIns = CheckIns, Decisions = [], Actions = Actions, Versions = [], Approvals = [],
        };

        public List<string> Codes() => HealthCheck.Evaluate(File(), Today).Select(s => s.Code).ToList();
    }

    [Fact]
    public void A_well_kept_partnership_has_no_signals()
    {
        var b = new Builder();
        b.Activity((b.People[0], RaciRole.Accountable), (b.People[1], RaciRole.Responsible));
        b.Contributions.Add(new() { PartyId = b.Parties[0].Id, Value = 100 });
        b.Contributions.Add(new() { PartyId = b.Parties[1].Id, Value = 80 });
        Assert.Empty(b.Codes());
    }

    [Fact]
    public void An_activity_without_exactly_one_accountable_is_critical_while_running()
    {
        var b = new Builder();
        b.Activity((b.People[1], RaciRole.Responsible));
        b.Activity((b.People[0], RaciRole.Accountable), (b.People[1], RaciRole.Accountable));
        var signal = HealthCheck.Evaluate(b.File(), Today).Single(s => s.Code == "no-accountable");
        Assert.Equal((2, Severity.Critical, Pitfall.Responsibility), (signal.Count, signal.Severity, signal.Pitfall));
        b.P.Status = PartnershipStatus.Exploring;
        Assert.Equal(Severity.Info, HealthCheck.Evaluate(b.File(), Today).Single(s => s.Code == "no-accountable").Severity);
    }

    [Fact]
    public void Goals_benefits_people_limits_and_the_conflict_route_are_checked()
    {
        var b = new Builder();
        b.Goals.Clear();
        b.Answers.Clear();
        b.Parties[1].Benefit = " ";
        b.Party(PartyKind.Organisation, "Utan folk");
        var codes = b.Codes();
        Assert.Contains("no-goals", codes);
        Assert.Contains("no-benefit", codes);
        Assert.Contains("no-people", codes);
        Assert.Contains("no-limits", codes);
        Assert.Contains("no-conflict-route", codes);
        b.Goals.Add(new() { Text = "utan indikator" });
        b.Goals.Add(new() { Text = "med ett namnlöst mått", Indicators = [new() { Baseline = 3 }] });
        Assert.Equal(2, b.File().Goals.Count(g => !g.HasIndicator));
        Assert.Contains("no-indicators", b.Codes());
        Assert.DoesNotContain("no-goals", b.Codes());
    }

    [Fact]
    public void One_party_holding_most_tasks_or_contributions_tips_the_balance()
    {
        var b = new Builder();
        b.Activity((b.People[1], RaciRole.Accountable));
        b.Activity((b.People[1], RaciRole.Accountable));
        b.Activity((b.People[1], RaciRole.Responsible), (b.People[0], RaciRole.Informed));
        b.Contributions.Add(new() { PartyId = b.Parties[0].Id, Value = 1000 });
        b.Contributions.Add(new() { PartyId = b.Parties[1].Id, Value = 100 });
        Assert.Contains("uneven-tasks", b.Codes());
        Assert.Contains("uneven-contributions", b.Codes());
        var balance = HealthCheck.Balance(b.File());
        Assert.Equal(1.0, balance.Single(x => x.PartyId == b.Parties[1].Id).TaskShare);
        Assert.Equal(1000m / 1100m, (decimal)balance.Single(x => x.PartyId == b.Parties[0].Id).ContributionShare, 3);
    }

    [Fact]
    public void Late_check_ins_overdue_actions_and_renewal_are_signalled_only_while_running()
    {
        var b = new Builder();
        b.CheckIns.Clear();
        b.CheckIns.Add(new() { HeldOn = Today.AddDays(-45) });
        b.Actions.Add(new() { Text = "x", DueOn = Today.AddDays(-1) });
        b.Actions.Add(new() { Text = "klar", DueOn = Today.AddDays(-9), DoneOn = Today.AddDays(-8) });
        b.P.EndsOn = Today.AddMonths(4);
        b.P.RenewalMonthsBefore = 6;
        var signals = HealthCheck.Evaluate(b.File(), Today);
        Assert.Equal(15, signals.Single(s => s.Code == "checkin-overdue").Count);
        Assert.Equal(1, signals.Single(s => s.Code == "actions-overdue").Count);
        Assert.Contains(signals, s => s.Code == "renewal-due");
        b.P.RenewalTalksStartedOn = Today;
        Assert.DoesNotContain("renewal-due", b.Codes());
        b.P.Status = PartnershipStatus.Agreeing;
        Assert.DoesNotContain("checkin-overdue", b.Codes());
        Assert.DoesNotContain("actions-overdue", b.Codes());
    }

    [Fact]
    public void A_step_is_complete_when_its_required_answers_and_structured_parts_are_there()
    {
        var b = new Builder();
        var roles = Workflow.Find("roles")!;
        Assert.Contains("Workflow.Missing.Activities", Workflow.Missing(roles, b.File()));
        b.Answers["organisation"] = "styrgrupp";
        b.Activity((b.People[0], RaciRole.Accountable));
        Assert.Equal(["Workflow.Missing.Responsible"], Workflow.Missing(roles, b.File()));
        b.Raci.Add(new() { ActivityId = b.Activities[0].Id, PersonId = b.People[1].Id, Role = RaciRole.Responsible });
        Assert.True(Workflow.IsComplete(roles, b.File()));

        var prepare = Workflow.Find("prepare")!;
        b.Parties.RemoveAll(p => p.Kind == PartyKind.Organisation);
        Assert.Contains("Workflow.Missing.BothSides", Workflow.Missing(prepare, b.File()));
        Assert.Contains("WorkflowQ.why", Workflow.Missing(prepare, b.File()));
    }

    [Fact]
    public void Every_workflow_question_health_signal_and_agreement_heading_has_its_texts()
    {
        var sv = Samverka.Tests.Unit.LocalizationResourceTests.AllSwedish().Keys.ToHashSet();
        var wanted = Workflow.Steps.SelectMany(s => new[] { "WorkflowStep." + s.Code, "WorkflowIntro." + s.Code })
            .Concat(Workflow.QuestionCodes.SelectMany(q => new[] { "WorkflowQ." + q, "WorkflowHint." + q, "WorkflowLabel." + q }))
            .Concat(Workflow.Steps.SelectMany(s => Workflow.Missing(s, Empty())))
            .Concat(HealthCheck.Codes.SelectMany(c => new[] { "Health." + c, "HealthWhy." + c, "HealthNext." + c }))
            .Concat(AgreementBuilder.IopHeadings.Select(h => "AgreementIop." + h))
            .Concat(AgreementBuilder.HallandHeadings.Select(h => "AgreementHalland." + h))
            .Concat(Partnership.LadderStages.Select(s => "LadderStage." + s))
            .Concat(ConfidentialField.All.Select(c => "ConfidentialField." + c))
            .Concat(Names<PartnershipForm>()).Concat(Names<PartnershipStatus>()).Concat(Names<PartyKind>()).Concat(Names<ContributionKind>())
            .Concat(Names<RaciRole>()).Concat(Enum.GetNames<RaciRole>().Select(r => "RaciLetter." + r)).Concat(Names<LadderLevel>())
            .Concat(Names<Severity>()).Concat(Names<Pitfall>());
        Assert.Empty(wanted.Where(k => !sv.Contains(k) && !sv.Contains(k + ".other"))); // or its plural forms
    }

    private static PartnershipFile Empty() => new()
    {
        Partnership = new Partnership(), Parties = [new PartnershipParty()], People = [], Answers = new Dictionary<string, string>(), Contributions = [],
        Activities = [new PartnershipActivity()], Raci = [], Goals = [new IndicatorGoal()], CheckIns = [], Decisions = [], Actions = [], Versions = [], Approvals = [],
    };

    private static IEnumerable<string> Names<T>() where T : struct, Enum => Enum.GetNames<T>().Select(n => typeof(T).Name + "." + n);
}
