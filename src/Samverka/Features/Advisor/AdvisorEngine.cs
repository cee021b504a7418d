namespace Samverka.Features.Advisor;

/// What someone answered: question id → answer id (or a whole number), plus the country and year whose rules apply.
public sealed record AdvisorInput(IReadOnlyDictionary<string, string> Answers, string Country, int Year);

/// A problem with the answers: the field it concerns and a SharedResource key with its arguments.
public sealed record AdvisorProblem(string Field, string MessageKey, params object[] Args);

public sealed record RuleText(string Rule, string Text);

public sealed record FormAdvice(string Form, string Label, string Summary, string Knowledge, int Score,
    IReadOnlyList<RuleText> Reasons, IReadOnlyList<string> Risks, IReadOnlyList<string> NextSteps);

/// A form ruled out; the first rule is the one that excluded it, any further ones agree.
public sealed record ExcludedForm(string Form, string Label, string Knowledge, IReadOnlyList<RuleText> Rules);

public sealed record Advice(IReadOnlyList<FormAdvice> Recommended, IReadOnlyList<ExcludedForm> Excluded,
    IReadOnlyList<string> FiredRules, decimal ContractValue, ThresholdDef? Threshold, string Currency);

/// Applies the rule table to a set of answers. Pure: no database, no clock; the same input gives the same advice.
public sealed class AdvisorEngine(AdvisorBook book)
{
    /// Facts the rules may test besides the answers themselves.
    public static readonly string[] Facts = ["country", "year", "contract-value", "threshold-known"];

    /// The form recommended when no rule speaks for anything: talk first.
    public const string FallbackForm = "dialogue";

    public AdvisorBook Book => book;

    /// The questions to ask, in order, given what has been answered so far (some depend on earlier answers).
    public IReadOnlyList<QuestionDef> Asked(IReadOnlyDictionary<string, string> answers) =>
        book.Questions.Where(q => q.AskIf is null || Holds(q.AskIf, answers, null)).ToList();

    /// How many questions this person will be asked at most: those asked, and those whose condition rests on a
    /// question not answered yet. The start page and every question page give this count, so it only ever
    /// shrinks, when an answer rules a question out.
    public int Total(IReadOnlyDictionary<string, string> answers) =>
        book.Questions.Count(q => q.AskIf is null || Holds(q.AskIf, answers, null)
            || string.IsNullOrWhiteSpace(answers.GetValueOrDefault(q.AskIf.Q)));

    /// Only the answers to questions that are asked, so a stale answer to a skipped question cannot count.
    public Dictionary<string, string> Relevant(IReadOnlyDictionary<string, string> answers)
    {
        var asked = Asked(answers).Select(q => q.Id).ToHashSet();
        return answers.Where(kv => asked.Contains(kv.Key) && !string.IsNullOrWhiteSpace(kv.Value))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Trim());
    }

    public IReadOnlyList<AdvisorProblem> Validate(AdvisorInput input, bool requireAll = true)
    {
        var problems = new List<AdvisorProblem>();
        if (book.Country(input.Country) is null) problems.Add(new("country", "Advisor.Error.Country"));
        if (input.Year < AdvisorBook.FirstYear || input.Year > AdvisorBook.LastYear)
            problems.Add(new("year", "Advisor.Error.Year", AdvisorBook.FirstYear, AdvisorBook.LastYear));
        foreach (var q in Asked(input.Answers))
        {
            var problem = Check(q, input.Answers.GetValueOrDefault(q.Id), requireAll);
            if (problem is not null) problems.Add(problem);
        }
        return problems;
    }

    /// One answer against its question: required, one of the allowed answers, or a whole number within range.
    public AdvisorProblem? Check(QuestionDef q, string? answer, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(answer))
            return required ? new(q.Id, q.IsNumber ? "Advisor.Error.NumberRequired" : "Advisor.Error.ChoiceRequired") : null;
        if (q.IsNumber)
        {
            if (ParseNumber(answer) is not { } n) return new(q.Id, "Advisor.Error.Number");
            if (n < (q.Min ?? 0) || n > (q.Max ?? long.MaxValue))
                return new(q.Id, "Advisor.Error.NumberRange", q.Min ?? 0, q.Max ?? long.MaxValue);
            return null;
        }
        return q.Answers!.Any(a => a.Id == answer.Trim()) ? null : new(q.Id, "Advisor.Error.Choice");
    }

    /// Whole numbers as people write them: "700000", "700 000" or "700 000" (with a no-break space).
    public static long? ParseNumber(string? text)
    {
        if (text is null) return null;
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202F').ToArray());
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public Advice Evaluate(AdvisorInput input, CultureInfo culture)
    {
        var answers = Relevant(input.Answers);
        var country = book.Country(input.Country) ?? throw new ArgumentException("Unknown country.", nameof(input));
        var threshold = book.Threshold(input.Country, input.Year);
        var yearly = ParseNumber(answers.GetValueOrDefault("yearly-value")) ?? 0;
        var years = book.Question("duration")?.Answers?.FirstOrDefault(a => a.Id == answers.GetValueOrDefault("duration"))?.Years ?? 1;
        decimal contractValue = yearly * years;

        var facts = new Dictionary<string, string>(answers)
        {
            ["country"] = input.Country,
            ["year"] = input.Year.ToString(CultureInfo.InvariantCulture),
            ["contract-value"] = contractValue.ToString(CultureInfo.InvariantCulture),
            ["threshold-known"] = threshold is null ? "no" : "yes",
        };
        string Render(LocalText text) => text.In(culture)
            .Replace("{value}", contractValue.ToString("N0", culture))
            .Replace("{threshold}", threshold?.DirectAward.ToString("N0", culture) ?? "?")
            .Replace("{guideline}", threshold?.Guideline?.ToString("N0", culture) ?? "?")
            .Replace("{currency}", country.Currency);

        var score = book.Forms.ToDictionary(f => f.Id, _ => 0);
        var reasons = book.Forms.ToDictionary(f => f.Id, _ => new List<RuleText>());
        var risks = book.Forms.ToDictionary(f => f.Id, _ => new List<string>());
        var steps = book.Forms.ToDictionary(f => f.Id, _ => new List<string>());
        var excludedBy = book.Forms.ToDictionary(f => f.Id, _ => new List<RuleText>());
        var fired = new List<string>();

        foreach (var rule in book.Rules)
        {
            if (!rule.When.All(c => Holds(c, facts, threshold))) continue;
            fired.Add(rule.Id);
            var because = new RuleText(rule.Id, Render(rule.Explanation));
            foreach (var form in rule.Exclude ?? []) excludedBy[form].Add(because);
            foreach (var (form, weight) in rule.Weights ?? new Dictionary<string, int>())
            {
                score[form] += weight;
                // A reason speaks to the form it is given for: a rule that raises several forms may word it per form.
                if (weight > 0) reasons[form].Add(rule.Reasons?.GetValueOrDefault(form) is { } own ? new RuleText(rule.Id, Render(own)) : because);
                else if (rule.Risks?.ContainsKey(form) != true) risks[form].Add(because.Text);
            }
            foreach (var (form, text) in rule.Risks ?? new Dictionary<string, LocalText>()) risks[form].Add(Render(text));
            foreach (var (form, text) in rule.Steps ?? new Dictionary<string, LocalText>()) steps[form].Add(Render(text));
        }

        var open = book.Forms.Where(f => excludedBy[f.Id].Count == 0).ToList();
        var chosen = open.Where(f => score[f.Id] > 0)
            .OrderByDescending(f => score[f.Id]) // stable: ties keep the forms' order in forms.json
            .ToList();
        if (chosen.Count == 0 && open.FirstOrDefault(f => f.Id == FallbackForm) is { } fallback) chosen.Add(fallback);

        var recommended = chosen.Select(f => new FormAdvice(f.Id, f.Label.In(culture), f.Summary.In(culture), f.Knowledge,
            score[f.Id], reasons[f.Id],
            risks[f.Id].Concat(f.Risks.Select(Render)).Distinct().ToList(),
            steps[f.Id].Concat(f.NextSteps.Select(Render)).Distinct().ToList())).ToList();
        var excluded = book.Forms.Where(f => excludedBy[f.Id].Count > 0)
            .Select(f => new ExcludedForm(f.Id, f.Label.In(culture), f.Knowledge, excludedBy[f.Id])).ToList();
        return new Advice(recommended, excluded, fired, contractValue, threshold, country.Currency);
    }

    internal static bool Holds(Clause clause, IReadOnlyDictionary<string, string> facts, ThresholdDef? threshold)
    {
        if (!facts.TryGetValue(clause.Q, out var value) || string.IsNullOrWhiteSpace(value)) return false;
        if (clause.In is not null) return clause.In.Contains(value);
        if (clause.NotIn is not null) return !clause.NotIn.Contains(value);
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var x)) return false;
        if (clause.Gt is not null) return Operand(clause.Gt, threshold) is { } gt && x > gt;
        if (clause.Lte is not null) return Operand(clause.Lte, threshold) is { } lte && x <= lte;
        return false;
    }

    private static decimal? Operand(string operand, ThresholdDef? threshold) => operand switch
    {
        "direct-award-threshold" => threshold?.DirectAward,
        "guideline-threshold" => threshold?.Guideline,
        _ => decimal.Parse(operand, CultureInfo.InvariantCulture),
    };
}
