using Samverka.Features.Partnerships.Agreement;

namespace Samverka.Features.Partnerships.Pages;

/// The agreement: generate a version from what is recorded, download any version, and approve the newest one
/// for a party one represents. The version every party approved is frozen.
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class AgreementModel(AppDbContext db, CurrentUser current, TimeProvider clock, AgreementService agreements,
    IStringLocalizer<SharedResource> l) : PartnershipPageModel(db, current, clock)
{
    /// Steps still incomplete: the agreement can be generated anyway (a draft to talk over), but the page says so.
    public IReadOnlyList<Workflow.Step> Incomplete { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: false, ct) is { } denied) return denied;
        Incomplete = Workflow.Steps.Where(s => !Workflow.IsComplete(s, File)).ToList();
        return Page();
    }

    /// `after` is the newest version number the page showed, so a second click on the same page is not a new version.
    public async Task<IActionResult> OnPostGenerateAsync(Guid id, int? after, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: true, ct) is { } denied) return denied;
        var (version, already) = await agreements.CreateVersionAsync(File, after, await MeAsync(ct), ct);
        TempData["Flash"] = l[already ? "Agreement.AlreadyGenerated" : "Agreement.Generated", version.Number].Value;
        return Redirect($"{Home}/agreement");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, Guid versionId, Guid partyId, CancellationToken ct)
    {
        if (await LoadForPartyAsync(id, edit: false, ct) is { } denied) return denied;
        var party = Rights.ApproveFor.FirstOrDefault(p => p.Id == partyId);
        if (party is null) return Forbid();
        var result = await agreements.ApproveAsync(File, versionId, party, Access.UserId!, await MeAsync(ct), ct);
        TempData["Flash"] = (result switch
        {
            AgreementService.ApproveResult.Frozen => l["Agreement.Frozen"],
            AgreementService.ApproveResult.Approved => l["Agreement.Approved", party.DisplayName],
            AgreementService.ApproveResult.AlreadyApproved => l["Agreement.AlreadyApproved"],
            _ => l["Agreement.NotLatest"],
        }).Value;
        return Redirect($"{Home}/agreement");
    }
}
