using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverka.Features.Advisor;

/// A text in both UI languages, as the advisor's data files hold them.
public sealed record LocalText(string Sv, string En)
{
    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? En : Sv;
    public override string ToString() => In(CultureInfo.CurrentUICulture);
}

/// A collaboration form the advisor can recommend; the id is stable (API and saved answers use it).
public sealed record FormDef(string Id, LocalText Label, LocalText Summary, string Knowledge,
    IReadOnlyList<LocalText> NextSteps, IReadOnlyList<LocalText> Risks);

public sealed record AnswerDef(string Id, LocalText Label, int? Years = null);

public sealed record QuestionDef(string Id, string Type, LocalText Text, LocalText? Hint, IReadOnlyList<AnswerDef>? Answers,
    Clause? AskIf, long? Min, long? Max)
{
    public bool IsNumber => Type == "number";
}

/// One condition of a rule. `Q` names an answer or a fact; exactly one of In, NotIn, Gt, Lte is set.
/// Gt/Lte take a number or the name of a threshold (direct-award-threshold, guideline-threshold).
public sealed record Clause(string Q,
    [property: JsonPropertyName("in")] IReadOnlyList<string>? In = null,
    IReadOnlyList<string>? NotIn = null, string? Gt = null, string? Lte = null);

public sealed record RuleDef(string Id, IReadOnlyList<Clause> When, LocalText Explanation,
    IReadOnlyList<string>? Exclude, IReadOnlyDictionary<string, int>? Weights,
    IReadOnlyDictionary<string, LocalText>? Risks, IReadOnlyDictionary<string, LocalText>? Steps,
    IReadOnlyDictionary<string, LocalText>? Reasons = null);

public sealed record CountryDef(string Code, string Currency, LocalText Name);

/// The direct-award threshold of one country in one year, with where it comes from.
/// Source is the legal citation, the same in every language; Explanation says what it sets, in the page's language.
public sealed record ThresholdDef(string Country, int Year, decimal DirectAward, decimal? Guideline, string Source,
    string? GuidelineSource, LocalText? Note, LocalText? Explanation = null)
{
    public string SourceIn(CultureInfo culture) => Explanation is { } e ? $"{Source}: {e.In(culture)}" : Source;
}

/// Everything the advisor knows, read from the JSON files in Data/: forms, questions, countries with their
/// thresholds per year, and the rules. A new year, country or rule is a change to those files, not to code.
public sealed class AdvisorBook
{
    public required IReadOnlyList<FormDef> Forms { get; init; }
    public required IReadOnlyList<QuestionDef> Questions { get; init; }
    public required IReadOnlyList<CountryDef> Countries { get; init; }
    public required IReadOnlyList<ThresholdDef> Thresholds { get; init; }
    public required IReadOnlyList<RuleDef> Rules { get; init; }

    public const int FirstYear = 2018;

    public FormDef Form(string id) => Forms.Single(f => f.Id == id);
    public QuestionDef? Question(string id) => Questions.FirstOrDefault(q => q.Id == id);
    public CountryDef? Country(string code) => Countries.FirstOrDefault(c => c.Code == code);
    public ThresholdDef? Threshold(string country, int year) =>
        Thresholds.FirstOrDefault(t => t.Country == country && t.Year == year);

    /// The years the advisor accepts: from the first year with data to next year.
    public static int LastYear => DateTime.UtcNow.Year + 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private sealed record FormsFile(List<FormDef> Forms);
    private sealed record QuestionsFile(List<QuestionDef> Questions);
    private sealed record ThresholdsFile(List<CountryDef> Countries, List<ThresholdDef> Thresholds);
    private sealed record RulesFile(List<RuleDef> Rules);

    public static AdvisorBook Load()
    {
        var book = new AdvisorBook
        {
            Forms = Read<FormsFile>("forms.json").Forms,
            Questions = Read<QuestionsFile>("questions.json").Questions,
            Countries = Read<ThresholdsFile>("thresholds.json").Countries,
            Thresholds = Read<ThresholdsFile>("thresholds.json").Thresholds,
            Rules = Read<RulesFile>("rules.json").Rules,
        };
        book.Check();
        return book;
    }

    private static T Read<T>(string name)
    {
        using var stream = typeof(AdvisorBook).Assembly.GetManifestResourceStream("Advisor." + name)
            ?? throw new InvalidOperationException($"The advisor data file {name} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{name} is empty.");
    }

    /// Fails at start-up, not in front of a user, when the data files contradict themselves.
    private void Check()
    {
        var formIds = Forms.Select(f => f.Id).ToHashSet();
        var names = Questions.Select(q => q.Id).Concat(AdvisorEngine.Facts).ToHashSet();
        foreach (var rule in Rules)
        {
            var forms = (rule.Exclude ?? []).Concat(rule.Weights?.Keys ?? []).Concat(rule.Risks?.Keys ?? [])
                .Concat(rule.Steps?.Keys ?? []).Concat(rule.Reasons?.Keys ?? []);
            foreach (var form in forms)
                if (!formIds.Contains(form)) throw new InvalidDataException($"Rule {rule.Id} names an unknown form '{form}'.");
            if (rule.When.Count == 0) throw new InvalidDataException($"Rule {rule.Id} has no condition.");
            foreach (var clause in rule.When)
                if (!names.Contains(clause.Q)) throw new InvalidDataException($"Rule {rule.Id} asks about unknown '{clause.Q}'.");
        }
        if (Rules.Select(r => r.Id).Distinct().Count() != Rules.Count) throw new InvalidDataException("Rule ids repeat.");
        foreach (var t in Thresholds)
            if (Country(t.Country) is null) throw new InvalidDataException($"Threshold for unknown country {t.Country}.");
    }
}
