using System.Globalization;
using Samverka.Features.Advisor;

namespace Samverka.Tests.Advisor;

/// Scenarios written from the cases and the rules of domain.md §4 and §7, each with the answer a knowledgeable
/// coordinator would give: the best form (or the forms that may share first place), what must be recommended,
/// and what must be ruled out and by which rule.
public sealed class AdvisorScenarioTests
{
    private static readonly CultureInfo Sv = new("sv");

    public sealed record Scenario(string Name, string Answers, string Country = "SE", int Year = 2026)
    {
        public string[] Top { get; init; } = [];
        public string[] Includes { get; init; } = [];
        public string[] OnlyFrom { get; init; } = [];
        public (string Form, string Rule)[] Excludes { get; init; } = [];
        public string[] Fires { get; init; } = [];
        public (string Form, string Text)[] RiskMentions { get; init; } = [];
        public (string Form, string Text)[] StepMentions { get; init; } = [];
        public override string ToString() => Name;
    }

    private const string Grants = "general-grant,activity-grant,project-grant";

    public static TheoryData<Scenario> Scenarios() => new(
        new Scenario("A company selling a small service: procurement only",
            "legal-form=company purpose=buy-service market=yes initiative=public-body both-contribute=no yearly-value=300000 duration=up-to-one-year compact=no track-record=established")
        {
            Top = ["direct-award"], OnlyFrom = ["direct-award", "advertised-procurement"],
            Excludes = [("general-grant", "for-profit-legal-form"), ("activity-grant", "for-profit-legal-form"), ("project-grant", "for-profit-legal-form"), ("iop", "for-profit-legal-form")],
        },
        new Scenario("A company on a large multi-year contract: advertised procurement",
            "legal-form=company purpose=buy-service market=yes initiative=public-body both-contribute=no yearly-value=2000000 duration=one-to-three-years compact=no track-record=established")
        {
            Top = ["advertised-procurement"], OnlyFrom = ["advertised-procurement"],
            Excludes = [("direct-award", "above-direct-award"), ("iop", "for-profit-legal-form")],
        },
        new Scenario("An economic association that wants to solve a problem together still cannot have an IOP",
            "legal-form=economic-association purpose=solve-together market=no initiative=organisation both-contribute=yes yearly-value=500000 duration=more-than-three-years compact=yes track-record=established")
        {
            Excludes = [("iop", "for-profit-legal-form"), ("project-grant", "for-profit-legal-form")],
            OnlyFrom = ["direct-award", "advertised-procurement", "innovation-process", "dialogue"],
        },
        new Scenario("A social enterprise that distributes profit gets no grant",
            "legal-form=social-enterprise profit-distributing=yes purpose=support-organisation market=no initiative=organisation both-contribute=no yearly-value=100000 duration=up-to-one-year compact=no track-record=established")
        {
            Top = ["dialogue"], Excludes = [("general-grant", "profit-distributing"), ("iop", "profit-distributing"), ("direct-award", "purpose-support-organisation")],
        },
        new Scenario("A market exists: no IOP, tender with reserved contracts instead",
            "legal-form=non-profit-association profit-distributing=no purpose=solve-together market=yes initiative=organisation both-contribute=yes yearly-value=800000 duration=more-than-three-years compact=yes track-record=established")
        {
            Top = ["advertised-procurement"], Excludes = [("iop", "market-exists"), ("direct-award", "above-direct-award")],
            StepMentions = [("advertised-procurement", "reserv")],
        },
        new Scenario("A small pilot below the threshold: direct award or a small grant",
            "legal-form=non-profit-association profit-distributing=no purpose=solve-together market=no initiative=organisation both-contribute=no yearly-value=150000 duration=up-to-one-year compact=no track-record=new-idea")
        {
            Top = ["direct-award", "project-grant"], Includes = ["direct-award", "project-grant"], Excludes = [("iop", "one-party-pays")],
            Fires = ["within-direct-award", "above-guideline"],
        },
        new Scenario("A long-term, jointly financed initiative by an association: IOP",
            "legal-form=non-profit-association profit-distributing=no purpose=solve-together market=no initiative=organisation both-contribute=yes yearly-value=800000 duration=more-than-three-years compact=yes track-record=established")
        {
            Top = ["iop"], Excludes = [("direct-award", "above-direct-award")],
        },
        new Scenario("Kompis Sverige: an organisation-led partnership where the municipality gives money, premises and contacts",
            "legal-form=non-profit-association profit-distributing=no purpose=solve-together market=no initiative=organisation both-contribute=yes yearly-value=300000 duration=one-to-three-years compact=yes track-record=piloted")
        {
            Top = ["iop"],
        },
        new Scenario("A foundation joining a multi-party partnership over several years: IOP",
            "legal-form=foundation profit-distributing=no purpose=solve-together market=no initiative=joint both-contribute=yes yearly-value=400000 duration=more-than-three-years compact=yes track-record=piloted")
        {
            Top = ["iop"],
        },
        new Scenario("Kodcentrum: established, long-term, market unclear: IOP with a warning to check the market",
            "legal-form=non-profit-association profit-distributing=no purpose=solve-together market=unsure initiative=organisation both-contribute=yes yearly-value=0 duration=more-than-three-years compact=unsure track-record=established")
        {
            Top = ["iop"], RiskMentions = [("iop", "företag erbjuder samma sak"), ("iop", "rättsliga grunden")], Fires = ["market-unsure", "no-compact"],
        },
        new Scenario("A local association asking for support for its own activities: organisation grant",
            "legal-form=non-profit-association profit-distributing=no purpose=support-organisation market=no initiative=organisation both-contribute=no yearly-value=50000 duration=up-to-one-year compact=unsure track-record=established")
        {
            Top = ["general-grant"], Excludes = [("direct-award", "purpose-support-organisation"), ("advertised-procurement", "purpose-support-organisation"), ("iop", "one-party-pays")],
        },
        new Scenario("Costumes Convergentes: a base grant plus support per activity",
            "legal-form=non-profit-association profit-distributing=no purpose=support-organisation market=no initiative=organisation both-contribute=no yearly-value=200000 duration=one-to-three-years compact=yes track-record=established")
        {
            Top = ["general-grant", "activity-grant"], Includes = ["general-grant", "activity-grant"],
        },
        new Scenario("Influencing a youth strategy: consultation or dialogue, nothing to buy",
            "legal-form=non-profit-association profit-distributing=no purpose=influence-policy market=no initiative=organisation both-contribute=no yearly-value=0 duration=up-to-one-year compact=yes track-record=piloted")
        {
            Top = ["dialogue"], Excludes = [("direct-award", "purpose-influence-policy"), ("advertised-procurement", "purpose-influence-policy")],
        },
        new Scenario("An informal group exploring an idea: innovation process first",
            "legal-form=informal-group profit-distributing=no purpose=explore-idea market=unsure initiative=joint both-contribute=yes yearly-value=0 duration=up-to-one-year compact=unsure track-record=new-idea")
        {
            Top = ["innovation-process"], Excludes = [("general-grant", "informal-group")],
        },
        new Scenario("Precious Plastic: an informal group asking for support gets an activity grant, not an organisation grant",
            "legal-form=informal-group profit-distributing=no purpose=support-organisation market=no initiative=organisation both-contribute=no yearly-value=30000 duration=one-to-three-years compact=no track-record=piloted")
        {
            Top = ["activity-grant"], Excludes = [("general-grant", "informal-group"), ("direct-award", "purpose-support-organisation")],
        },
        new Scenario("The municipality buying training from an association above the threshold: advertised, reserved if possible",
            "legal-form=non-profit-association profit-distributing=no purpose=buy-service market=yes initiative=public-body both-contribute=no yearly-value=900000 duration=one-to-three-years compact=no track-record=established")
        {
            Top = ["advertised-procurement"], Excludes = [("direct-award", "above-direct-award"), ("general-grant", "purpose-buy-service"), ("iop", "market-exists")],
            StepMentions = [("advertised-procurement", "reserv")],
        },
        new Scenario("A small purchase with no market: direct award, with the 100 000 kr guideline in mind",
            "legal-form=non-profit-association profit-distributing=no purpose=buy-service market=no initiative=public-body both-contribute=no yearly-value=120000 duration=up-to-one-year compact=no track-record=established")
        {
            Top = ["direct-award"], Fires = ["above-guideline"], RiskMentions = [("direct-award", "100")], Excludes = [("activity-grant", "purpose-buy-service")],
        },
        new Scenario("600 000 kr in 2018 was above that year's threshold of 586 907 kr",
            "legal-form=non-profit-association profit-distributing=no purpose=buy-service market=yes initiative=public-body both-contribute=no yearly-value=600000 duration=up-to-one-year compact=no track-record=established",
            Year: 2018)
        {
            Top = ["advertised-procurement"], Excludes = [("direct-award", "above-direct-award")],
        },
        new Scenario("The same 600 000 kr in 2022 is below the new threshold of 700 000 kr",
            "legal-form=non-profit-association profit-distributing=no purpose=buy-service market=yes initiative=public-body both-contribute=no yearly-value=600000 duration=up-to-one-year compact=no track-record=established",
            Year: 2022)
        {
            Top = ["direct-award"], Fires = ["within-direct-award"],
        },
        new Scenario("Portugal: EUR 15 000 may be awarded directly",
            "legal-form=non-profit-association profit-distributing=no purpose=buy-service market=no initiative=public-body both-contribute=no yearly-value=15000 duration=up-to-one-year compact=no track-record=established",
            Country: "PT", Year: 2024)
        {
            Top = ["direct-award"], Fires = ["within-direct-award"],
        },
        new Scenario("Portugal: EUR 30 000 must be put out to several suppliers",
            "legal-form=non-profit-association profit-distributing=no purpose=buy-service market=no initiative=public-body both-contribute=no yearly-value=30000 duration=up-to-one-year compact=no track-record=established",
            Country: "PT", Year: 2024)
        {
            Top = ["advertised-procurement"], Excludes = [("direct-award", "above-direct-award")],
        },
        new Scenario("Latvia: no threshold on record, so the advice says to check the national rule",
            "legal-form=non-profit-association profit-distributing=no purpose=buy-service market=no initiative=public-body both-contribute=no yearly-value=15000 duration=up-to-one-year compact=no track-record=established",
            Country: "LV", Year: 2025)
        {
            Fires = ["threshold-unknown"], Includes = ["direct-award", "advertised-procurement"], RiskMentions = [("direct-award", "Ingen gräns")],
        },
        new Scenario("The municipality's own short pilot with a new idea: a small direct award before any IOP",
            "legal-form=non-profit-association profit-distributing=no purpose=solve-together market=no initiative=public-body both-contribute=yes yearly-value=100000 duration=up-to-one-year compact=no track-record=new-idea")
        {
            Top = ["direct-award"], Includes = ["project-grant", "innovation-process"], RiskMentions = [("iop", "Testa idén först")],
        }
    );

    [Theory, MemberData(nameof(Scenarios))]
    public void The_advisor_answers_each_scenario_with_reasons(Scenario s)
    {
        var answers = s.Answers.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var input = new AdvisorInput(answers, s.Country, s.Year);
        var engine = AdvisorRuleTableTests.Engine;
        Assert.Empty(engine.Validate(input));
        var advice = engine.Evaluate(input, Sv);
        var ranked = advice.Recommended.Select(r => r.Form).ToList();
        var summary = $"ranked: {string.Join(", ", advice.Recommended.Select(r => $"{r.Form}={r.Score}"))}; fired: {string.Join(", ", advice.FiredRules)}";

        Assert.True(ranked.Count > 0, summary);
        if (s.Top.Length > 0) Assert.True(s.Top.Contains(ranked[0]), $"Expected first among [{string.Join(", ", s.Top)}]; {summary}");
        foreach (var form in s.Includes) Assert.True(ranked.Contains(form), $"{form} should be recommended; {summary}");
        if (s.OnlyFrom.Length > 0) Assert.True(ranked.All(s.OnlyFrom.Contains), $"Only [{string.Join(", ", s.OnlyFrom)}] may be recommended; {summary}");
        foreach (var (form, rule) in s.Excludes)
        {
            var excluded = advice.Excluded.SingleOrDefault(e => e.Form == form);
            Assert.True(excluded is not null, $"{form} should be ruled out by {rule}; {summary}");
            Assert.Contains(excluded.Rules, r => r.Rule == rule);
        }
        foreach (var rule in s.Fires) Assert.True(advice.FiredRules.Contains(rule), $"{rule} should fire; {summary}");
        foreach (var (form, text) in s.RiskMentions)
        {
            var risks = advice.Recommended.Single(r => r.Form == form).Risks;
            Assert.True(risks.Any(r => r.Contains(text, StringComparison.OrdinalIgnoreCase)), $"{form} risks should mention '{text}': {string.Join(" | ", risks)}");
        }
        foreach (var (form, text) in s.StepMentions)
            Assert.Contains(advice.Recommended.Single(r => r.Form == form).NextSteps, x => x.Contains(text, StringComparison.OrdinalIgnoreCase));
        // Every recommendation explains itself, and every exclusion names its rule.
        Assert.All(advice.Recommended.Where(r => r.Form != AdvisorEngine.FallbackForm || r.Score > 0), r => Assert.NotEmpty(r.Reasons));
        Assert.All(advice.Excluded, e => Assert.NotEmpty(e.Rules[0].Text));
    }

    /// The scenarios cover the whole book: every form it knows is the expected first answer (alone or shared) of at
    /// least one scenario in which the advisor does recommend it, so a form added without a scenario is noticed.
    [Fact]
    public void Every_form_is_the_expected_first_answer_of_some_scenario()
    {
        var covered = ((IEnumerable<object[]>)Scenarios()).Select(row => (Scenario)row[0]).SelectMany(s =>
        {
            var answers = s.Answers.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            var recommended = AdvisorRuleTableTests.Engine.Evaluate(new AdvisorInput(answers, s.Country, s.Year), Sv).Recommended.Select(r => r.Form);
            return s.Top.Intersect(recommended);
        }).ToHashSet();
        Assert.Empty(AdvisorRuleTableTests.Book.Forms.Select(f => f.Id).Where(f => !covered.Contains(f)));
    }
}
