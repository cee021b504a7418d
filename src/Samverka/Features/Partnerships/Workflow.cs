namespace Samverka.Features.Partnerships;

/// The guided workflow: the lifecycle's steps (prepare, shared goal, strategies, roles, processes, follow-up,
/// continuation), each with its questions and the structured parts the parties fill in together. The texts of the
/// questions are in the resource files under "Workflow.Q.{code}" (and ".Hint"); the knowledge bank explains each step.
public static class Workflow
{
    public sealed record Question(string Code, bool Required);

    public sealed record Step(string Code, string KnowledgeLink, IReadOnlyList<Question> Questions);

    public static readonly IReadOnlyList<Step> Steps =
    [
        new("prepare", "/knowledge/prepare#pre-meeting-questions",
        [
            new("why", true), new("with-whom", false), new("target-groups", true), new("roles-needed", false),
            new("when-involve", false), new("spare-expect", false), new("ownership", false), new("responsible", false),
            new("money", false), new("influence", false), new("scope", true), new("limits", true),
        ]),
        new("goal", "/knowledge/shared-goal#write-down",
        [
            new("problem", true), new("goal", true), new("values", false),
        ]),
        new("strategies", "/knowledge/shared-strategies",
        [
            new("today", false), new("overlaps", false), new("strengths", false), new("solution", true), new("method", true),
        ]),
        new("roles", "/knowledge/roles-and-responsibilities#raci",
        [
            new("organisation", true),
        ]),
        new("processes", "/knowledge/policies-and-processes#conflict-resolution",
        [
            new("communication", true), new("short-notice", true), new("conflict-route", true), new("fairness", false),
            new("marketing", false),
        ]),
        new("follow-up", "/knowledge/monitor-and-evaluate#smart-goals",
        [
            new("quality", true), new("reporting", true), new("target-voice", false),
        ]),
        new("continuation", "/knowledge/continue-or-scale#renewal",
        [
            new("continuation", true), new("termination", false),
        ]),
    ];

    public static Step? Find(string code) => Steps.FirstOrDefault(s => s.Code == code);

    public static readonly IReadOnlySet<string> QuestionCodes =
        Steps.SelectMany(s => s.Questions).Select(q => q.Code).ToHashSet();

    /// What keeps a step from being complete, as resource keys (empty when complete). Besides the required
    /// questions, each step has its structured conditions.
    public static IReadOnlyList<string> Missing(Step step, PartnershipFile f)
    {
        var missing = step.Questions.Where(q => q.Required && string.IsNullOrWhiteSpace(f.Answer(q.Code)))
            .Select(q => "WorkflowQ." + q.Code).ToList();
        switch (step.Code)
        {
            case "prepare":
                if (!PartnershipRules.HasBothSides(f.Parties.Select(p => p.Kind)))
                    missing.Add("Workflow.Missing.BothSides");
                if (f.Parties.Any(p => !f.People.Any(x => x.PartyId == p.Id)))
                    missing.Add("Workflow.Missing.PeoplePerParty");
                break;
            case "goal":
                if (f.Parties.Any(p => string.IsNullOrWhiteSpace(p.Benefit)))
                    missing.Add("Workflow.Missing.BenefitPerParty");
                break;
            case "strategies":
                if (f.Parties.Any(p => !f.Contributions.Any(c => c.PartyId == p.Id)))
                    missing.Add("Workflow.Missing.ContributionPerParty");
                break;
            case "roles":
                if (f.Activities.Count == 0) missing.Add("Workflow.Missing.Activities");
                if (f.Activities.Any(a => f.Raci.Count(r => r.ActivityId == a.Id && r.Role == RaciRole.Accountable) != 1))
                    missing.Add("Workflow.Missing.OneAccountable");
                if (f.Activities.Any(a => !f.Raci.Any(r => r.ActivityId == a.Id && r.Role == RaciRole.Responsible)))
                    missing.Add("Workflow.Missing.Responsible");
                break;
            case "follow-up":
                if (f.Goals.Count == 0) missing.Add("Workflow.Missing.Goals");
                if (f.Goals.Any(g => !g.HasIndicator)) missing.Add("Workflow.Missing.Indicators");
                break;
            case "continuation":
                if (NeedsPeriod(f.Partnership.Form) && (f.Partnership.StartsOn is null || f.Partnership.EndsOn is null))
                    missing.Add("Workflow.Missing.Period");
                break;
        }
        return missing;
    }

    /// An agreed form (IOP, grant, procurement, …) runs for a set period, written into the agreement and the base of
    /// the renewal reminder; an informal collaboration needs none. The continuation step marks its fields from this.
    public static bool NeedsPeriod(PartnershipForm form) => form != PartnershipForm.Informal;

    public static bool IsComplete(Step step, PartnershipFile f) => Missing(step, f).Count == 0;
}
