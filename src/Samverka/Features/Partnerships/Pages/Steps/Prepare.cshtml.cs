using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Register;
using Samverka.Features.Register.Search;

namespace Samverka.Features.Partnerships.Pages.Steps;

/// Step 1, prepare: who takes part (parties, added and removed under PartnershipEditor's rules) and the people of
/// each party, besides the step's questions.
public sealed class PrepareStepModel(PartnershipPageServices s, RegisterSearch search) : StepPageModel(s)
{
    protected override string StepCode => "prepare";

    public PersonInput Person { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "partyq")] public string? PartyQuery { get; set; }
    public IReadOnlyList<SearchHit> FoundOrganisations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OtherMunicipalities { get; private set; } = [];
    /// Whether the page offers to remove the party (the removal may still be refused: both sides, approvals).
    public bool OffersRemoval(Guid party) => Editor.RemovalOf(party, Rights.CanChangeParties) != PartyRemoval.NotOffered;

    private PartnershipEditor Editor => new(File);

    protected override IReadOnlyDictionary<string, Removable> Removables => new Dictionary<string, Removable>
    {
        ["party"] = new("parties", id => OffersRemoval(id) ? File.Party(id)?.DisplayName : null, RemovePartyAsync, () => Rights.CanChangeParties),
        ["person"] = new("people", id => File.Person(id)?.Name, RemoveRowAsync<PartnershipPerson>),
    };

    protected override async Task FillPartsAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(PartyQuery))
            FoundOrganisations = search.Search(SearchRequest.Text(PartyQuery) with { PageSize = 10 }).Items
                .Where(h => !Editor.IsParty(PartyKind.Organisation, h.Id)).ToList();
        var taken = File.Parties.Select(p => p.TenantId).OfType<Guid>().ToList();
        OtherMunicipalities = (await Db.Tenants.AsNoTracking().Where(t => t.IsActive && !taken.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(ct))
            .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToList();
    }

    public async Task<IActionResult> OnPostAddOrganisationAsync(Guid id, Guid organisationId, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        if (!Rights.CanChangeParties) return Forbid();
        var o = await Db.Organisations().AsNoTracking().Where(x => x.Id == organisationId && x.Status == VerificationStatus.Verified)
            .Select(x => new { x.Id, x.Name }).SingleOrDefaultAsync(ct);
        if (o is null) return NotFound();
        return await JoinAsync(PartyKind.Organisation, o.Id, o.Name, null, ct);
    }

    public async Task<IActionResult> OnPostAddMunicipalityAsync(Guid id, Guid tenantId, string? department, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        if (!Rights.CanChangeParties) return Forbid();
        var t = await Db.Tenants.AsNoTracking().SingleOrDefaultAsync(x => x.Id == tenantId && x.IsActive, ct);
        if (t is null) return NotFound();
        return await JoinAsync(PartyKind.Municipality, t.Id, t.Name, department?.Length > 200 ? department[..200] : department, ct);
    }

    private async Task<IActionResult> JoinAsync(PartyKind kind, Guid partyId, string name, string? department, CancellationToken ct)
    {
        if (Editor.IsParty(kind, partyId)) return Saved("parties", L["Partnerships.AlreadyParty"]);
        Db.PartnershipParties().Add(PartnershipParty.Of(kind, partyId, name, department, P.Id, Now));
        // The agreement in force does not cover the newcomer: an active partnership renews until every party,
        // the newcomer included, approves a new version.
        var renewing = (await TouchAsync(ct)).Apply(LifecycleEvent.PartyJoined, Now, Today);
        await Db.SaveChangesAsync(ct);
        return Saved("parties", renewing ? L["Partnerships.PartyAddedNeedsAgreement", name] : L["Partnerships.PartyAdded", name]);
    }

    private async Task<string?> RemovePartyAsync(Guid party, CancellationToken ct)
    {
        switch (Editor.RemovalOf(party, Rights.CanChangeParties))
        {
            case PartyRemoval.KeepBothSides: return L["Partnerships.KeepBothSides"];
            case PartyRemoval.HasApproved: return L["Partnerships.PartyHasApproved", File.Party(party)!.DisplayName];
        }
        return await RemoveRowAsync<PartnershipParty>(party, ct);
    }

    public async Task<IActionResult> OnPostAddPersonAsync(Guid id, [Bind(Prefix = "Person")] PersonInput person, CancellationToken ct)
    {
        if (await BeginAsync(id, edit: true, ct) is { } denied) return denied;
        Person = person;
        if (person.PartyId is { } partyId && File.Party(partyId) is null) ModelState.AddModelError("Person.PartyId", L["Validation.Choose", L["Partnerships.Party"]]);
        if (!ModelState.IsValid) return await AgainAsync(ct);
        return await AddAsync(new PartnershipPerson
        {
            PartnershipId = id, PartyId = person.PartyId!.Value, Name = person.Name.Trim(), Role = Text.Blank(person.Role), Email = Text.Blank(person.Email),
        }, "people", ct, L["Partnerships.PersonAdded", person.Name.Trim()]);
    }
}

public sealed class PersonInput
{
    [Display(Name = "Partnerships.Party")]
    [Required(ErrorMessage = "Validation.Choose")]
    public Guid? PartyId { get; set; }

    [Display(Name = "Partnerships.PersonName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Name { get; set; } = "";

    [Display(Name = "Partnerships.PersonRole")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Role { get; set; }

    [Display(Name = "Partnerships.PersonEmail")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    public string? Email { get; set; }
}
