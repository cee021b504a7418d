using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverka.Platform.Modules;

namespace Samverka.Features.Advisor;

/// The collaboration-form advisor: a rule table (Data/*.json) applied to a short questionnaire, as pages and as API.
public sealed class AdvisorModule : IModule
{
    public ModuleManifest Manifest { get; } = new(FeatureTable.Advisor)
    {
        Navigation = [new("/advisor", "Nav.Advisor", 50)],
        Datasets = [new("Advisor questions and collaboration forms", ["JSON"], OpenLicence, "/api/v1/advisor/questions")],
    };

    private const string OpenLicence = "CC0-1.0";

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddStrings<AdvisorStrings>();
        Samverka.Platform.Privacy.PersonalData.AddPersonalDataSource<AdvisorPersonalData>(services);
        services.AddSingleton(AdvisorBook.Load());
        services.AddSingleton<AdvisorEngine>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/advisor").WithTags("Advisor");
        api.MapGet("/questions", Questions).AllowAnonymous().WithName("AdvisorQuestions");
        api.MapPost("", Advise).AllowAnonymous().WithName("Advise").DisableAntiforgery();
    }

    public sealed record AnswerDto(string Id, string Label);
    public sealed record QuestionDto(string Id, string Type, string Text, string? Hint, IReadOnlyList<AnswerDto>? Answers,
        long? Min, long? Max, object? AskIf);
    public sealed record CountryDto(string Code, string Name, string Currency, IReadOnlyList<int> YearsWithThreshold);
    public sealed record QuestionsDto(IReadOnlyList<QuestionDto> Questions, IReadOnlyList<CountryDto> Countries,
        int FirstYear, int LastYear, IReadOnlyList<string> Forms);

    public sealed record ReasonDto(string Rule, string Text);
    public sealed record RecommendationDto(string Form, string Label, string Summary, int Score, IReadOnlyList<ReasonDto> Reasons,
        IReadOnlyList<string> Risks, IReadOnlyList<string> NextSteps, string Knowledge);
    public sealed record ExclusionDto(string Form, string Label, string Rule, string Explanation);
    public sealed record ThresholdDto(decimal DirectAward, decimal? Guideline, string Source);
    public sealed record AdviceDto(string Country, int Year, string Currency, decimal ContractValue, ThresholdDto? Threshold,
        IReadOnlyList<RecommendationDto> Recommended, IReadOnlyList<ExclusionDto> Excluded, IReadOnlyList<string> FiredRules);

    /// The questions with their ids and allowed answers, in the request's language.
    internal static Ok<QuestionsDto> Questions(AdvisorBook book)
    {
        var c = CultureInfo.CurrentUICulture;
        var questions = book.Questions.Select(q => new QuestionDto(q.Id, q.Type, q.Text.In(c), q.Hint?.In(c),
            q.Answers?.Select(a => new AnswerDto(a.Id, a.Label.In(c))).ToList(), q.Min, q.Max,
            q.AskIf is { } a ? new { question = a.Q, @in = a.In, notIn = a.NotIn } : null)).ToList();
        var countries = book.Countries.Select(x => new CountryDto(x.Code, x.Name.In(c), x.Currency,
            book.Thresholds.Where(t => t.Country == x.Code).Select(t => t.Year).ToList())).ToList();
        return TypedResults.Ok(new QuestionsDto(questions, countries, AdvisorBook.FirstYear, AdvisorBook.LastYear,
            book.Forms.Select(f => f.Id).ToList()));
    }

    /// Takes the answers as one JSON object (question id → answer, plus "country" and "year") and returns the advice.
    internal static async Task<Results<Ok<AdviceDto>, ValidationProblem>> Advise(HttpRequest request, AdvisorEngine engine,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        JsonElement body;
        try { body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct); }
        catch (JsonException) { return Invalid("body", l["Advisor.Error.Json"]); }
        if (body.ValueKind != JsonValueKind.Object) return Invalid("body", l["Advisor.Error.Json"]);

        var answers = new Dictionary<string, string>();
        string country = "SE";
        int year = DateTime.UtcNow.Year;
        var errors = new Dictionary<string, string[]>();
        foreach (var p in body.EnumerateObject())
        {
            var text = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True => "yes",
                JsonValueKind.False => "no",
                _ => null,
            };
            if (p.Name == "country") { country = (text ?? "").ToUpperInvariant(); continue; }
            if (p.Name == "year")
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year))
                    errors["year"] = [l["Advisor.Error.Year", AdvisorBook.FirstYear, AdvisorBook.LastYear]];
                continue;
            }
            if (engine.Book.Question(p.Name) is null) { errors[p.Name] = [l["Advisor.Error.UnknownQuestion"]]; continue; }
            if (text is null) { errors[p.Name] = [l["Advisor.Error.Choice"]]; continue; }
            answers[p.Name] = text;
        }
        var input = new AdvisorInput(answers, country, year);
        foreach (var problem in engine.Validate(input))
            errors.TryAdd(problem.Field, [l[problem.MessageKey, problem.Args]]);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var advice = engine.Evaluate(input, CultureInfo.CurrentUICulture);
        return TypedResults.Ok(ToDto(input, advice));
    }

    internal static AdviceDto ToDto(AdvisorInput input, Advice advice) => new(
        input.Country, input.Year, advice.Currency, advice.ContractValue,
        advice.Threshold is { } t ? new ThresholdDto(t.DirectAward, t.Guideline, t.SourceIn(CultureInfo.CurrentUICulture)) : null,
        advice.Recommended.Select(r => new RecommendationDto(r.Form, r.Label, r.Summary, r.Score,
            r.Reasons.Select(x => new ReasonDto(x.Rule, x.Text)).ToList(), r.Risks, r.NextSteps,
            "/knowledge/" + r.Knowledge)).ToList(),
        advice.Excluded.Select(e => new ExclusionDto(e.Form, e.Label, e.Rules[0].Rule, e.Rules[0].Text)).ToList(),
        advice.FiredRules);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
