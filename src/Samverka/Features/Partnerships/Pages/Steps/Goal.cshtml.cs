namespace Samverka.Features.Partnerships.Pages.Steps;

/// Step 2, the shared goal: what each party gains and expects, besides the step's questions.
public sealed class GoalStepModel(PartnershipPageServices s) : StepPageModel(s)
{
    protected override string StepCode => "goal";

    public Dictionary<Guid, string?> Benefits { get; set; } = [];
    public Dictionary<Guid, string?> Expectations { get; set; } = [];
    /// What the parties' texts were when the page was drawn (the form carries it; see ChangedSince).
    public string BenefitsStamp => ContentStamp.Of(Stored(File.Parties));

    private static Dictionary<string, object?> Stored(IEnumerable<PartnershipParty> parties) => parties
        .SelectMany(p => new[] { KeyValuePair.Create($"Benefits[{p.Id}]", (object?)p.Benefit), KeyValuePair.Create($"Expectations[{p.Id}]", (object?)p.Expectations) })
        .ToDictionary();

    protected override Task FillPartsAsync(CancellationToken ct)
    {
        foreach (var party in File.Parties)
        {
            Benefits.TryAdd(party.Id, party.Benefit);
            Expectations.TryAdd(party.Id, party.Expectations);
        }
        return Task.CompletedTask;
    }

    public async Task<IActionResult> OnPostBenefitsAsync(Guid id, [FromForm] Dictionary<Guid, string?>? benefits,
        [FromForm] Dictionary<Guid, string?>? expectations, [FromForm] string? benefitsStamp, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        // The form always sends both lists (empty fields included); a request without one is not from it, and
        // saving it would blank what the parties wrote.
        if (benefits is null || expectations is null)
        {
            ModelState.AddModelError("", L["Partnerships.BenefitsIncomplete"]);
            return await AgainAsync(ct, StatusCodes.Status400BadRequest);
        }
        Benefits = benefits;
        Expectations = expectations;
        foreach (var party in File.Parties)
        {
            if (benefits.GetValueOrDefault(party.Id) is { Length: > 2000 }) ModelState.AddModelError($"Benefits[{party.Id}]", L["Validation.MaxLength", L["WorkflowLabel.benefit"], 2000]);
            if (expectations.GetValueOrDefault(party.Id) is { Length: > 2000 }) ModelState.AddModelError($"Expectations[{party.Id}]", L["Validation.MaxLength", L["Partnerships.Expectations"], 2000]);
        }
        if (!ModelState.IsValid) return await AgainAsync(ct);
        var parties = await Db.PartnershipParties().Where(x => x.PartnershipId == id).ToListAsync(ct);
        if (ChangedSince(benefitsStamp, Stored(parties), key => (key,
                $"{File.Party(Guid.Parse(key[(key.IndexOf('[') + 1)..^1]))?.DisplayName}: {(key.StartsWith("Benefits") ? L["WorkflowLabel.benefit"] : L["Partnerships.Expectations"])}")))
            return await AgainAsync(ct, StatusCodes.Status409Conflict);
        foreach (var party in parties)
        {
            party.Benefit = Text.Blank(benefits.GetValueOrDefault(party.Id));
            party.Expectations = Text.Blank(expectations.GetValueOrDefault(party.Id));
        }
        await TouchAsync(ct);
        await Db.SaveChangesAsync(ct);
        return Saved("benefits");
    }
}
