using Samverka.Features.Partnerships.Health;

namespace Samverka.Features.Partnerships.Pages;

/// One partnership: the public summary for everyone; for the parties also the workflow, health signals, the balance
/// between the parties and the participation ladder.
[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, CurrentUser current, TimeProvider clock) : PartnershipPageModel(db, current, clock)
{
    public IReadOnlyList<HealthSignal> Signals { get; private set; } = [];
    public IReadOnlyList<PartyBalance> Balance { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> MunicipalityCodes { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, edit: false, ct) is { } denied) return denied;
        var tenants = File.Parties.Select(p => p.TenantId).OfType<Guid>().ToList();
        MunicipalityCodes = await Db.Tenants.AsNoTracking().Where(t => tenants.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Code, ct);
        if (Rights.IsParty)
        {
            Signals = HealthCheck.Evaluate(File, Today);
            Balance = HealthCheck.Balance(File);
        }
        return Page();
    }

    /// Shows a summary field, or for the public, the reason it is confidential.
    public bool Shows(string field) => Rights.IsParty || !P.IsConfidential(field);
}
