namespace Samverka.Features.Register.Pages;

/// The municipality's register desk: new entries to verify, changes of name or home municipality to verify, and
/// claims to decide, for its staff only.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.TenantStaff)]
public sealed class RegisterDeskModel(AppDbContext db, CurrentUser current, RegistrationService registration, TimeProvider clock, IStringLocalizer<SharedResource> l) : TenantPageModel
{
    public Tenant Municipality => Tenant;
    public List<Organisation> PendingOrganisations { get; private set; } = [];
    public List<(OrganisationClaim Claim, string Name, string Email)> PendingClaims { get; private set; } = [];
    public List<Organisation> PendingChanges { get; private set; } = [];
    public Dictionary<Guid, string> TenantNames { get; private set; } = [];
    public List<Organisation> Stale { get; private set; } = [];
    public Dictionary<Freshness, int> StaleCounts { get; private set; } = [];
    public const int StaleShown = 50;

    [BindProperty] public DecisionInput Decision { get; set; } = new();

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var tenant = Tenant;
        PendingOrganisations = await db.Organisations().AsNoTracking()
            .Where(o => o.HomeMunicipalityId == tenant.Id && o.Status == VerificationStatus.Pending)
            .OrderBy(o => o.CreatedAt).ToListAsync(ct);
        // A move is decided by the new home municipality, a new name by the current one.
        PendingChanges = await db.Organisations().AsNoTracking()
            .Where(o => o.PendingChangeAt != null && (o.PendingHomeMunicipalityId == tenant.Id || (o.PendingHomeMunicipalityId == null && o.HomeMunicipalityId == tenant.Id)))
            .OrderBy(o => o.PendingChangeAt).ToListAsync(ct);
        var tenantIds = PendingChanges.SelectMany(o => new[] { o.HomeMunicipalityId, o.PendingHomeMunicipalityId }).OfType<Guid>().Distinct().ToList();
        TenantNames = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        PendingClaims = (await db.Set<OrganisationClaim>().AsNoTracking().Include(c => c.Organisation)
            .Where(c => c.TenantId == tenant.Id && c.Status == ClaimStatus.Pending).OrderBy(c => c.CreatedAt)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { c, u.DisplayName, u.Email })
            .ToListAsync(ct)).Select(x => (x.c, x.DisplayName, x.Email!)).ToList();
        var stale = db.Organisations().AsNoTracking()
            .Where(o => o.HomeMunicipalityId == tenant.Id && o.Status == VerificationStatus.Verified && o.Freshness != Freshness.Current);
        StaleCounts = (await stale.GroupBy(o => o.Freshness).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        Stale = await stale.OrderBy(o => o.LastConfirmedAt).Take(StaleShown).ToListAsync(ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ?? Page();

    public async Task<IActionResult> OnPostOrganisationAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } denied) return denied;
        var o = await db.Organisations().SingleOrDefaultAsync(x => x.Id == Decision.Id && x.HomeMunicipalityId == Municipality.Id, ct);
        if (o is null) return NotFound();
        if (!Decision.Approve && string.IsNullOrWhiteSpace(Decision.Reason))
            ModelState.AddModelError($"Reason-{o.Id}", l["Review.ReasonRequired"]);
        if (!ModelState.IsValid) return Page();
        await registration.DecideAsync(o, Decision.Approve, Decision.Reason?.Trim(), ct);
        TempData["Flash"] = l[Decision.Approve ? "Review.Verified" : "Review.Rejected", o.Name].Value;
        return Redirect($"/municipalities/{code}/register");
    }

    public async Task<IActionResult> OnPostChangeAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } denied) return denied;
        var o = await db.Organisations().SingleOrDefaultAsync(x => x.Id == Decision.Id && x.PendingChangeAt != null
            && (x.PendingHomeMunicipalityId == Municipality.Id || (x.PendingHomeMunicipalityId == null && x.HomeMunicipalityId == Municipality.Id)), ct);
        if (o is null) return NotFound();
        if (!Decision.Approve && string.IsNullOrWhiteSpace(Decision.Reason))
            ModelState.AddModelError($"Reason-{o.Id}", l["Review.ReasonRequired"]);
        if (!ModelState.IsValid) return Page();
        var name = o.Name;
        await registration.DecideChangeAsync(o, Decision.Approve, Decision.Reason?.Trim(), ct);
        TempData["Flash"] = l[Decision.Approve ? "Review.ChangeApproved" : "Review.ChangeRejected", name].Value;
        return Redirect($"/municipalities/{code}/register");
    }

    public async Task<IActionResult> OnPostClaimAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } denied) return denied;
        var claim = await db.Set<OrganisationClaim>().SingleOrDefaultAsync(c => c.Id == Decision.Id && c.TenantId == Municipality.Id, ct);
        if (claim is null) return NotFound();
        if (!Decision.Approve && string.IsNullOrWhiteSpace(Decision.Reason))
            ModelState.AddModelError($"Reason-{claim.Id}", l["Review.ReasonRequired"]);
        if (!ModelState.IsValid) return Page();
        await registration.DecideClaimAsync(claim, Decision.Approve, Decision.Reason?.Trim(), current.Id!, ct);
        TempData["Flash"] = l[Decision.Approve ? "Review.ClaimApproved" : "Review.ClaimRejected"].Value;
        return Redirect($"/municipalities/{code}/register");
    }

    /// An officer who has checked an entry with the organisation may confirm it on its behalf.
    public async Task<IActionResult> OnPostConfirmAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } denied) return denied;
        var o = await db.Organisations().SingleOrDefaultAsync(x => x.Id == Decision.Id && x.HomeMunicipalityId == Municipality.Id, ct);
        if (o is null) return NotFound();
        Upkeep.FreshnessConfirmation.Confirm(o, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Review.Confirmed", o.Name].Value;
        return Redirect($"/municipalities/{code}/register");
    }

    public string? ErrorFor(Guid id) =>
        ModelState.TryGetValue($"Reason-{id}", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}

public sealed class DecisionInput
{
    public Guid Id { get; set; }
    public bool Approve { get; set; }

    [Display(Name = "Review.Reason")]
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? Reason { get; set; }
}
