using System.Text;

namespace Samverka.Features.Advisor.Pages;

/// The questionnaire keeps its answers in the address (question id = answer), so it works without JavaScript,
/// without an account, with the browser's back button, and any step can be shared or bookmarked.
public abstract class AdvisorPage(AdvisorEngine engine) : PageModel
{
    protected AdvisorEngine Engine => engine;
    /// The questions a person starting now will be asked at most (AdvisorEngine.Total).
    public int QuestionsAtStart => engine.Total(new Dictionary<string, string>());
    public AdvisorBook Book => engine.Book;
    public Dictionary<string, string> Answers { get; protected set; } = [];
    public string Country { get; private set; } = "SE";
    public int Year { get; private set; } = DateTime.UtcNow.Year;

    public AdvisorInput Input => new(Answers, Country, Year);

    /// Reads country, year and the answers to known questions from the query; unknown values fall back to defaults.
    protected void ReadState()
    {
        var q = Request.Query;
        var country = q["country"].ToString().ToUpperInvariant();
        Country = Book.Country(country) is null ? "SE" : country;
        Year = int.TryParse(q["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
               && y >= AdvisorBook.FirstYear && y <= AdvisorBook.LastYear ? y : DateTime.UtcNow.Year;
        Answers = Book.Questions.Where(x => !string.IsNullOrWhiteSpace(q[x.Id]))
            .ToDictionary(x => x.Id, x => q[x.Id].ToString().Trim());
        Answers = engine.Relevant(Answers);
    }

    protected void LoadState(AdvisorInput input)
    {
        Country = input.Country;
        Year = input.Year;
        Answers = engine.Relevant(input.Answers);
    }

    /// The state as query pairs, optionally with one answer replaced or removed.
    public IEnumerable<KeyValuePair<string, string>> State(string? without = null)
    {
        yield return new("country", Country);
        yield return new("year", Year.ToString(CultureInfo.InvariantCulture));
        foreach (var q in Book.Questions)
            if (q.Id != without && Answers.TryGetValue(q.Id, out var a)) yield return new(q.Id, a);
    }

    public string Link(string path, params (string Key, string Value)[] extra)
    {
        var sb = new StringBuilder(path);
        var first = true;
        foreach (var (k, v) in State().Concat(extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value))))
        {
            sb.Append(first ? '?' : '&').Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v));
            first = false;
        }
        return sb.ToString();
    }

    public string QuestionLink(string id, bool fromCheck = false) =>
        fromCheck ? Link("/advisor/q/" + id, ("return", "check")) : Link("/advisor/q/" + id);

    /// The first question that is asked but not (validly) answered, or null when all are.
    protected QuestionDef? FirstOpen() =>
        engine.Asked(Answers).FirstOrDefault(q => engine.Check(q, Answers.GetValueOrDefault(q.Id)) is not null);

    public string AnswerText(QuestionDef q)
    {
        var answer = Answers.GetValueOrDefault(q.Id);
        if (answer is null) return "";
        if (q.IsNumber)
            return AdvisorEngine.ParseNumber(answer) is { } n
                ? n.ToString("N0", CultureInfo.CurrentCulture) + " " + Book.Country(Country)!.Currency
                : answer;
        return q.Answers!.FirstOrDefault(a => a.Id == answer)?.Label.ToString() ?? answer;
    }
}
