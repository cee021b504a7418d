using Samverka.Platform.Documents;

namespace Samverka.Features.Partnerships.Agreement;

/// Turns what the parties recorded into the agreement's text: for IOP under the IOP headings (background, parties,
/// purpose … extension and termination), for every other form under the Halland "write down together" list. Texts
/// come in the current UI language; what nobody has written yet says so, so a gap is seen, not hidden.
public sealed class AgreementBuilder(IStringLocalizer<SharedResource> l)
{
    public static readonly string[] IopHeadings =
    [
        "background", "parties", "purpose", "form", "values", "contribution", "contacts", "delimitations", "cooperation",
        "target-group", "finances", "marketing", "follow-up", "period", "extension",
    ];

    public static readonly string[] HallandHeadings =
        ["problem", "goal", "solution", "method", "actions", "organisation", "quality", "reporting", "continuation"];

    public DocContent Build(PartnershipFile f, int versionNumber, DateOnly day)
    {
        var p = f.Partnership;
        var culture = CultureInfo.CurrentUICulture;
        var lead = new List<string>
        {
            l["Agreement.Lead.Form", l["PartnershipForm." + p.Form]],
            l["Agreement.Lead.Parties", string.Join(", ", f.Parties.Select(x => x.DisplayName))],
            l["Agreement.Lead.Version", versionNumber, day.ToDisplayDate()],
        };
        var sections = p.Form == PartnershipForm.Iop
            ? IopHeadings.Select(h => Section(l["AgreementIop." + h], IopSection(h, f))).ToList()
            : HallandHeadings.Select(h => Section(l["AgreementHalland." + h], HallandSection(h, f))).ToList();
        return new DocContent(p.Title, lead, sections, culture.TwoLetterISOLanguageName,
            l["Agreement.Footer", p.Title, versionNumber]);
    }

    /// A section whose first answer's label repeats the heading ("Problem picture" / "Problem picture:") drops the label.
    private static DocSection Section(string heading, IReadOnlyList<DocBlock> blocks) =>
        new(heading, blocks.Count > 0 && blocks[0] is DocParagraph { Text: var t } && t == heading + ":" ? blocks.Skip(1).ToList() : blocks);

    private IReadOnlyList<DocBlock> IopSection(string heading, PartnershipFile f) => heading switch
    {
        "background" => [.. Answers(f, "problem", "why")],
        "parties" => [PartiesTable(f)],
        "purpose" => [new DocParagraph(f.Partnership.Purpose), .. Answers(f, "goal")],
        "form" => [new DocParagraph(l["PartnershipForm." + f.Partnership.Form]), .. Answers(f, "scope", "ownership", "influence")],
        "values" => [.. Answers(f, "values")],
        "contribution" => [ContributionsTable(f), .. Answers(f, "solution", "method", "spare-expect")],
        "contacts" => [PeopleTable(f), .. Answers(f, "organisation", "responsible"), RaciTable(f)],
        "delimitations" => [.. Answers(f, "limits")],
        "cooperation" => [Rhythm(f), .. Answers(f, "communication", "short-notice", "conflict-route")],
        "target-group" => [.. Answers(f, "target-groups")],
        "finances" => [PublicMoney(f), ContributionsTable(f, ContributionKind.Money), .. Answers(f, "money", "fairness")],
        "marketing" => [.. Answers(f, "marketing")],
        "follow-up" => [GoalsTable(f), .. Answers(f, "quality", "reporting", "target-voice")],
        "period" => [Period(f), ActivitiesTable(f)],
        "extension" => [Renewal(f), .. Answers(f, "continuation", "termination")],
        _ => [],
    };

    private IReadOnlyList<DocBlock> HallandSection(string heading, PartnershipFile f) => heading switch
    {
        "problem" => [.. Answers(f, "problem", "why", "target-groups")],
        "goal" => [new DocParagraph(f.Partnership.Purpose), .. Answers(f, "goal"), GoalsTable(f)],
        "solution" => [.. Answers(f, "solution", "scope", "limits"), ContributionsTable(f), PublicMoney(f)],
        "method" => [.. Answers(f, "method")],
        "actions" => [ActivitiesTable(f)],
        "organisation" => [PartiesTable(f), PeopleTable(f), .. Answers(f, "organisation"), RaciTable(f), Rhythm(f),
            .. Answers(f, "communication", "short-notice", "conflict-route")],
        "quality" => [.. Answers(f, "quality")],
        "reporting" => [.. Answers(f, "reporting", "target-voice")],
        "continuation" => [Period(f), Renewal(f), .. Answers(f, "continuation", "termination")],
        _ => [],
    };

    /// Each answer under its short label; when none of them is written, one line saying so.
    private IEnumerable<DocBlock> Answers(PartnershipFile f, params string[] codes)
    {
        var written = codes.Where(c => !string.IsNullOrWhiteSpace(f.Answer(c))).ToList();
        if (written.Count == 0)
        {
            yield return new DocParagraph(l["Agreement.NotRecorded"]);
            yield break;
        }
        foreach (var code in written)
        {
            if (codes.Length > 1) yield return new DocParagraph(l["WorkflowLabel." + code] + ":");
            yield return new DocParagraph(f.Answer(code)!.Trim());
        }
    }

    private string Money(decimal value) => l["Agreement.Kronor", value.ToString("N0", CultureInfo.CurrentUICulture)];

    private DocBlock PartiesTable(PartnershipFile f) => new DocTable(
        [l["Partnerships.Party"], l["Partnerships.PartyKind"], l["WorkflowLabel.benefit"]],
        f.Parties.Select(x => (IReadOnlyList<string>)[x.DisplayName, l["PartyKind." + x.Kind], x.Benefit ?? "–"]).ToList());

    private DocBlock PeopleTable(PartnershipFile f) => f.People.Count == 0
        ? new DocParagraph(l["Agreement.NoPeople"])
        : new DocTable([l["Partnerships.PersonName"], l["Partnerships.PersonRole"], l["Partnerships.Party"]],
            f.People.Select(x => (IReadOnlyList<string>)[x.Name, x.Role ?? "–", f.Party(x.PartyId)?.DisplayName ?? "–"]).ToList());

    private DocBlock ContributionsTable(PartnershipFile f, ContributionKind? only = null)
    {
        var rows = f.Contributions.Where(c => only is null || c.Kind == only).ToList();
        if (rows.Count == 0) return new DocParagraph(l["Agreement.NoContributions"]);
        return new DocTable([l["Partnerships.Party"], l["Partnerships.ContributionKind"], l["Partnerships.ContributionDescription"], l["Partnerships.ContributionValue"]],
            rows.Select(c => (IReadOnlyList<string>)[f.Party(c.PartyId)?.DisplayName ?? "–", l["ContributionKind." + c.Kind], c.Description, Money(c.Value)]).ToList());
    }

    private DocBlock ActivitiesTable(PartnershipFile f) => f.Activities.Count == 0
        ? new DocParagraph(l["Agreement.NoActivities"])
        : new DocTable([l["Partnerships.Activity"], l["Partnerships.StartsOn"], l["Partnerships.EndsOn"], l["Partnerships.Milestone"]],
            f.Activities.Select(a => (IReadOnlyList<string>)[a.Title, Date(a.StartsOn), Date(a.EndsOn), a.IsMilestone ? l["Common.Yes"] : ""]).ToList());

    /// Activities × R, A, C, I with the people's names in each cell.
    private DocBlock RaciTable(PartnershipFile f) => f.Activities.Count == 0
        ? new DocParagraph(l["Agreement.NoActivities"])
        : new DocTable([l["Partnerships.Activity"], .. Enum.GetValues<RaciRole>().Select(r => (string)l["RaciRole." + r])],
            f.Activities.Select(a => (IReadOnlyList<string>)[a.Title, .. Enum.GetValues<RaciRole>().Select(role =>
                string.Join(", ", f.Raci.Where(r => r.ActivityId == a.Id && r.Role == role).Select(r => f.Person(r.PersonId)?.Name).OfType<string>().Order()))]).ToList());

    private DocBlock GoalsTable(PartnershipFile f) => f.Goals.Count == 0
        ? new DocParagraph(l["Agreement.NoGoals"])
        : new DocTable([l["Partnerships.Goal"], l["Partnerships.Indicator"], l["Partnerships.Baseline"], l["Partnerships.Target"], l["Partnerships.TargetDate"]],
            GoalLine.Of(f.Goals).Select(g => (IReadOnlyList<string>)[g.Goal.Text, g.IndicatorName ?? "–", g.Baseline ?? "–", g.Target ?? "–", Date(g.Goal.TargetDate)]).ToList());

    private DocBlock Rhythm(PartnershipFile f) => new DocParagraph(l["Agreement.Rhythm", f.Partnership.CheckInEveryDays]);

    private DocBlock PublicMoney(PartnershipFile f) => new DocParagraph(f.PublicMoney is { } m
        ? l["Agreement.PublicMoney", Money(m)] : l["Agreement.NoPublicMoney"]);

    private DocBlock Period(PartnershipFile f) => new DocParagraph(f.Partnership.StartsOn is { } s && f.Partnership.EndsOn is { } e
        ? l["Agreement.Period", Date(s), Date(e)] : l["Agreement.NoPeriod"]);

    private DocBlock Renewal(PartnershipFile f) => new DocParagraph(l["Agreement.Renewal", f.Partnership.RenewalMonthsBefore]);

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";
}
