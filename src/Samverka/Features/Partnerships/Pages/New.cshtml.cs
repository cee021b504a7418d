using Microsoft.AspNetCore.Mvc.Rendering;
using Samverka.Features.Advisor;
using Samverka.Features.Municipalities.Profile;
using Samverka.Features.Needs;
using Samverka.Features.Register;
using Samverka.Features.Register.Search;

namespace Samverka.Features.Partnerships.Pages;

/// Starts a partnership between the user's own side (a municipality they work for, or an organisation they belong
/// to) and a counterpart: from a need (the need's municipality, or the organisation that responded), from an
/// organisation's or municipality's page, or picked here. The form can come from saved advisor advice.
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class NewModel(AppDbContext db, CurrentUser current, TimeProvider clock, RegisterSearch search,
    AdvisorEngine advisor, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public NewPartnershipInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "need")] public Guid? NeedId { get; set; }
    [BindProperty(SupportsGet = true, Name = "organisation")] public Guid? OrganisationId { get; set; }
    [BindProperty(SupportsGet = true, Name = "municipality")] public string? MunicipalityCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "advice")] public string? AdviceToken { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public IReadOnlyList<SelectListItem> OurSides { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Forms => Enum.GetValues<PartnershipForm>()
        .Select(f => new SelectListItem(l["PartnershipForm." + f], f.ToString())).ToList();
    public IReadOnlyList<SelectListItem> Municipalities { get; private set; } = [];
    public (PartyKind Kind, Guid Id, string Name)? Counterpart { get; private set; }
    public Need? Need { get; private set; }
    public string? AdvisedForm { get; private set; }
    public IReadOnlyList<SearchHit> Found { get; private set; } = [];
    public bool IsStaffSomewhere { get; private set; }
    public bool IsMemberSomewhere { get; private set; }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var access = await current.GetAccessAsync(ct);
        if (!access.IsSignedIn) return Challenge();
        var tenantIds = access.StaffTenantIds.ToList();
        var orgIds = access.OrganisationIds.ToList();
        var tenants = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(ct);
        var orgs = await db.Organisations().AsNoTracking().Where(o => orgIds.Contains(o.Id) && o.Status == VerificationStatus.Verified)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        IsStaffSomewhere = tenants.Count > 0;
        IsMemberSomewhere = orgs.Count > 0;

        if (NeedId is { } needId)
        {
            Need = await db.Needs().AsNoTracking().SingleOrDefaultAsync(n => n.Id == needId && n.Status != NeedStatus.Draft, ct);
            if (Need is null) return NotFound();
        }
        // The counterpart: an organisation for the municipality's staff, a municipality for an organisation's members.
        if (OrganisationId is { } oid)
        {
            var o = await db.Organisations().AsNoTracking().Where(x => x.Id == oid && x.Status == VerificationStatus.Verified).Select(x => new { x.Id, x.Name }).SingleOrDefaultAsync(ct);
            if (o is null) return NotFound();
            Counterpart = (PartyKind.Organisation, o.Id, o.Name);
            // An organisation's own members start from their side; the staff of a municipality from theirs.
            orgs = orgs.Where(x => x.Id != oid).ToList();
        }
        else if ((MunicipalityCode ?? (Need is null ? null : await db.Tenants.Where(t => t.Id == Need.TenantId).Select(t => t.Code).SingleAsync(ct))) is { } code
                 && !(Need is not null && access.IsStaffOf(Need.TenantId)))
        {
            var t = await db.MunicipalityAsync(code, ct);
            if (t is null || !t.IsActive) return NotFound();
            Counterpart = (PartyKind.Municipality, t.Id, t.Name);
            tenants = tenants.Where(x => x.Id != t.Id).ToList();
        }
        var sides = tenants.Select(t => new SelectListItem(t.Name, "t:" + t.Id))
            .Concat(orgs.Select(o => new SelectListItem(o.Name, "o:" + o.Id)));
        // Only sides that may pair with the counterpart.
        if (Counterpart is { } other) sides = sides.Where(s => PartnershipRules.MayPair(KindOf(s.Value), other.Kind));
        OurSides = sides.ToList();
        if (Need is not null && access.IsStaffOf(Need.TenantId))
            OurSides = OurSides.Where(s => s.Value == "t:" + Need.TenantId).ToList();

        if (Counterpart is null)
        {
            if (IsStaffSomewhere && !string.IsNullOrWhiteSpace(Query))
                Found = search.Search(SearchRequest.Text(Query) with { PageSize = 10 }).Items;
            if (IsMemberSomewhere)
                Municipalities = (await db.Tenants.AsNoTracking().Where(t => t.IsActive && !tenantIds.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(ct))
                    .Select(t => new SelectListItem(t.Name, t.Code)).ToList();
        }

        if (!string.IsNullOrWhiteSpace(AdviceToken))
        {
            var saved = await db.SavedAdvice().AsNoTracking().SingleOrDefaultAsync(s => s.Token == AdviceToken, ct);
            var best = saved is null ? null : advisor.Evaluate(saved.Input(), CultureInfo.CurrentUICulture).Recommended.FirstOrDefault();
            AdvisedForm = best?.Form;
        }
        return null;
    }

    /// A side's form value: "t:" and a municipality's id, or "o:" and an organisation's.
    private static PartyKind KindOf(string side) => side.StartsWith("t:") ? PartyKind.Municipality : PartyKind.Organisation;

    public static PartnershipForm FromAdvice(string form) => form switch
    {
        "iop" => PartnershipForm.Iop,
        "general-grant" or "activity-grant" or "project-grant" => PartnershipForm.Grant,
        "direct-award" or "advertised-procurement" => PartnershipForm.Procurement,
        _ => PartnershipForm.Informal,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        Input.OurSide = OurSides.FirstOrDefault()?.Value;
        if (Need is not null)
        {
            Input.Title = Need.Title;
            Input.Purpose = Need.DesiredOutcome;
            if (Need.Forms.Count == 1) Input.Form = Need.Forms[0] switch
            {
                "iop" => PartnershipForm.Iop, "grant" => PartnershipForm.Grant, "procurement" => PartnershipForm.Procurement, _ => PartnershipForm.Informal,
            };
        }
        if (AdvisedForm is not null) Input.Form = FromAdvice(AdvisedForm);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (Counterpart is null) return Page();
        var side = OurSides.FirstOrDefault(s => s.Value == Input.OurSide);
        if (side is null) ModelState.AddModelError("Input.OurSide", l["Partnerships.ChooseOurSide"]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var p = new Partnership
        {
            NeedId = Need?.Id,
            AdviceToken = AdvisedForm is null ? null : AdviceToken,
            Ladder = [.. Partnership.LadderStages.Select(_ => (int)LadderLevel.Dialogue)],
            CreatedAt = now,
            UpdatedAt = now,
        };
        Input.ApplyTo(p);
        db.Partnerships().Add(p);
        // The starter's side joins first (a tick apart keeps the order the parties are listed in).
        var ours = PartnershipParty.Of(KindOf(side!.Value), Guid.Parse(side.Value[2..]), side.Text, Input.Department, p.Id, now);
        var theirs = PartnershipParty.Of(Counterpart.Value.Kind, Counterpart.Value.Id, Counterpart.Value.Name, null, p.Id, now.AddTicks(1));
        db.PartnershipParties().AddRange(ours, theirs);
        // The person who starts it is the first named person of their side.
        var user = await db.Users.AsNoTracking().Where(u => u.Id == current.Id).Select(u => new { u.DisplayName, u.Email }).SingleAsync(ct);
        db.PartnershipPeople().Add(new PartnershipPerson
        {
            PartnershipId = p.Id, PartyId = ours.Id, Name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName,
            Role = Text.Blank(Input.MyRole), Email = user.Email,
        });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Partnerships.Created"].Value;
        return Redirect($"/partnerships/{p.Id}/steps/prepare");
    }
}

public sealed class NewPartnershipInput : PartnershipBasicsInput
{
    public NewPartnershipInput() => Form = PartnershipForm.Iop;

    [Display(Name = "Partnerships.OurSide")]
    [Required(ErrorMessage = "Validation.Choose")]
    public string? OurSide { get; set; }

    [Display(Name = "Partnerships.Department")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Department { get; set; }

    [Display(Name = "Partnerships.MyRole")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? MyRole { get; set; }
}
