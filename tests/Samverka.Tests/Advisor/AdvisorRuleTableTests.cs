using System.Globalization;
using Samverka.Features.Advisor;

namespace Samverka.Tests.Advisor;

/// The rule table, enumerated: every rule has a case that fires it and one that does not, and what it says it does
/// (exclude a form, speak for one) shows in the advice. Cases are found by trying the answers each clause names.
public sealed class AdvisorRuleTableTests
{
    internal static readonly AdvisorBook Book = AdvisorBook.Load();
    internal static readonly AdvisorEngine Engine = new(Book);
    private static readonly CultureInfo Sv = new("sv");

    /// A complete, unremarkable set of answers; each case changes only what a rule's clauses ask about.
    internal static Dictionary<string, string> Baseline() => new()
    {
        ["legal-form"] = "non-profit-association", ["profit-distributing"] = "no", ["purpose"] = "solve-together",
        ["market"] = "no", ["initiative"] = "joint", ["both-contribute"] = "yes", ["yearly-value"] = "0",
        ["duration"] = "one-to-three-years", ["compact"] = "yes", ["track-record"] = "piloted",
    };

    public static TheoryData<string> RuleIds() => new(Book.Rules.Select(r => r.Id));

    /// Every assignment of candidate values to the facts a rule's clauses (and the questions they depend on) name.
    private static IEnumerable<AdvisorInput> Cases(RuleDef rule)
    {
        var facts = rule.When.Select(c => c.Q).Distinct().ToList();
        IEnumerable<(Dictionary<string, string> Answers, string Country)> cases = [(Baseline(), "SE")];
        foreach (var fact in facts)
        {
            var values = Candidates(fact).ToList();
            cases = cases.SelectMany(c => values.Select(v => Apply(c, fact, v))).ToList();
        }
        return cases.Select(c => new AdvisorInput(c.Answers, c.Country, 2026));
    }

    private static IEnumerable<string> Candidates(string fact) => fact switch
    {
        "contract-value" => ["0", "50000", "150000", "650000", "5000000"],
        "threshold-known" => ["SE", "LV"],
        "country" => Book.Countries.Select(c => c.Code),
        _ => Book.Question(fact)!.Answers!.Select(a => a.Id),
    };

    private static (Dictionary<string, string>, string) Apply((Dictionary<string, string> Answers, string Country) c, string fact, string value)
    {
        var answers = new Dictionary<string, string>(c.Answers);
        var country = c.Country;
        switch (fact)
        {
            case "contract-value": answers["yearly-value"] = value; answers["duration"] = "up-to-one-year"; break;
            case "threshold-known": case "country": country = value; break;
            default: answers[fact] = value; break;
        }
        return (answers, country);
    }

    [Theory, MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_case_that_fires_it_and_one_that_does_not(string id)
    {
        var rule = Book.Rules.Single(r => r.Id == id);
        var outcomes = Cases(rule).Select(input => (Input: input, Advice: Engine.Evaluate(input, Sv))).ToList();
        var firing = outcomes.Where(o => o.Advice.FiredRules.Contains(id)).ToList();
        var silent = outcomes.Where(o => !o.Advice.FiredRules.Contains(id)).ToList();
        Assert.True(firing.Count > 0, $"No answers fire rule {id}.");
        Assert.True(silent.Count > 0, $"Rule {id} fires whatever the answers.");

        foreach (var (input, advice) in firing)
        {
            Assert.Empty(Engine.Validate(input));
            foreach (var form in rule.Exclude ?? [])
            {
                var excluded = advice.Excluded.SingleOrDefault(e => e.Form == form);
                Assert.True(excluded is not null, $"Rule {id} fired but {form} was not excluded.");
                Assert.Contains(excluded.Rules, r => r.Rule == id && r.Text.Length > 0);
                Assert.DoesNotContain(advice.Recommended, r => r.Form == form);
            }
            foreach (var (form, weight) in rule.Weights ?? new Dictionary<string, int>())
                if (weight > 0 && advice.Recommended.SingleOrDefault(r => r.Form == form) is { } recommended)
                    Assert.Contains(recommended.Reasons, r => r.Rule == id);
            foreach (var (form, risk) in rule.Risks ?? new Dictionary<string, LocalText>())
                if (advice.Recommended.SingleOrDefault(r => r.Form == form) is { } recommended)
                {
                    var fixedPart = risk.Sv.Split('{')[0];
                    Assert.Contains(recommended.Risks, r => r.StartsWith(fixedPart, StringComparison.Ordinal));
                }
        }
        foreach (var (_, advice) in silent)
            Assert.DoesNotContain(advice.Excluded.SelectMany(e => e.Rules), r => r.Rule == id);
    }

    [Fact]
    public void Every_text_in_the_table_is_written_in_both_languages()
    {
        var texts = Book.Forms.SelectMany(f => new[] { f.Label, f.Summary }.Concat(f.NextSteps).Concat(f.Risks))
            .Concat(Book.Questions.SelectMany(q => new[] { q.Text, q.Hint }.OfType<LocalText>().Concat(q.Answers?.Select(a => a.Label) ?? [])))
            .Concat(Book.Rules.SelectMany(r => new[] { r.Explanation }.Concat(r.Risks?.Values ?? []).Concat(r.Steps?.Values ?? [])))
            .ToList();
        foreach (var t in texts.Concat(Book.Countries.Select(c => c.Name)))
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Sv), $"Missing Swedish beside '{t.En}'");
            Assert.False(string.IsNullOrWhiteSpace(t.En), $"Missing English beside '{t.Sv}'");
        }
        // Sentences are translated, not copied across (country names like "Portugal" may coincide).
        foreach (var t in texts.Where(t => t.Sv.Contains(' '))) Assert.NotEqual(t.Sv, t.En);
    }

    [Fact]
    public void Sweden_has_a_sourced_direct_award_threshold_for_every_year_from_2018()
    {
        for (var year = 2018; year <= 2026; year++)
        {
            var t = Book.Threshold("SE", year);
            Assert.True(t is not null, $"No Swedish threshold for {year}");
            Assert.Contains("LOU", t.Source);
            Assert.Equal(100000m, t.Guideline);
        }
        Assert.Equal(586907m, Book.Threshold("SE", 2018)!.DirectAward);
        Assert.Equal(615312m, Book.Threshold("SE", 2021)!.DirectAward);
        Assert.Equal(700000m, Book.Threshold("SE", 2023)!.DirectAward);
    }

    [Fact]
    public void Stale_answers_to_questions_no_longer_asked_do_not_count()
    {
        // A company is never asked whether it distributes profit; an old "no" from an earlier answer must not count.
        var answers = Baseline();
        answers["legal-form"] = "company";
        answers["profit-distributing"] = "no";
        var advice = Engine.Evaluate(new AdvisorInput(answers, "SE", 2026), Sv);
        Assert.DoesNotContain("non-profit-procurement-options", advice.FiredRules);
        Assert.DoesNotContain(Engine.Asked(answers), q => q.Id == "profit-distributing");
    }

    [Theory]
    [InlineData("700000", 700000L)]
    [InlineData("700 000", 700000L)]
    [InlineData("700\u00a0000", 700000L)]
    [InlineData("7e5", null)]
    [InlineData("-5", null)]
    [InlineData("12,5", null)]
    public void Amounts_are_read_as_people_write_them(string text, long? expected) =>
        Assert.Equal(expected, AdvisorEngine.ParseNumber(text));
}
