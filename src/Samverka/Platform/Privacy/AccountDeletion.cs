using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Samverka.Platform.Privacy;

/// A scope the person is the last administrator of: the account cannot go until someone else can administer it.
public sealed record LastAdministration(string Name, string TeamHref);

/// Deletes an account (GDPR article 17): every feature erases what names the person, the account goes, and the audit
/// log's entries keep what happened with a tombstone instead of the person's id — all in one transaction.
public sealed class AccountDeletion(AppDbContext db, UserManager<AppUser> users, PersonalDataCatalogue catalogue,
    IOrganisationDirectory organisations, TimeProvider clock)
{
    /// A tombstone is this prefix and 32 random hex digits: it tells entries of one deleted account apart from
    /// another's, and nothing leads from it back to the person.
    public const string TombstonePrefix = "deleted:";

    /// The organisations and municipalities whose only administrator the person is.
    public async Task<IReadOnlyList<LastAdministration>> LastAdministratorOfAsync(string userId, CancellationToken ct)
    {
        var mine = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UserId == userId && (r.Role == Role.OrganisationAdmin || r.Role == Role.MunicipalityAdmin))
            .Select(r => new { r.Role, r.OrganisationId, r.TenantId, TenantName = r.Tenant!.Name, TenantCode = r.Tenant.Code })
            .ToListAsync(ct);
        var found = new List<LastAdministration>();
        var lastOrganisations = new List<Guid>();
        foreach (var r in mine)
        {
            var others = await db.RoleAssignments.AnyAsync(o => o.UserId != userId && o.Role == r.Role
                && o.OrganisationId == r.OrganisationId && o.TenantId == r.TenantId, ct);
            if (others) continue;
            if (r.OrganisationId is { } org) lastOrganisations.Add(org);
            else if (r.TenantId is not null) found.Add(new LastAdministration(r.TenantName, $"/municipalities/{r.TenantCode}/team"));
        }
        var names = await organisations.NamesAsync(lastOrganisations, ct);
        found.AddRange(lastOrganisations.Select(id => new LastAdministration(names.GetValueOrDefault(id, id.ToString()), $"/organisations/{id}/team")));
        return found.OrderBy(f => f.Name, StringComparer.CurrentCulture).ToList();
    }

    /// Erases the person through every IPersonalDataSource, tombstones their id in the audit log (recording that as
    /// an entry of its own) and deletes the account. The caller has checked the password and LastAdministratorOfAsync.
    public async Task<string> DeleteAsync(AppUser user, CancellationToken ct)
    {
        var person = new DataSubject(user.Id, user.Email, user.DisplayName);
        var tombstone = TombstonePrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Features first, the platform (which removes the roles the features may read to find what is the person's) last.
        foreach (var source in catalogue.Sources.Reverse()) await source.EraseAsync(person, ct);
        // The one change the append-only log allows, made outside the change tracker (whose interceptor refuses it).
        var id = user.Id;
        await db.AuditEntries.Where(a => a.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, tombstone), ct);
        await db.AuditEntries.Where(a => a.Changes.Contains(id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, a => a.Changes.Replace(id, tombstone)), ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, UserId = tombstone, EntityType = "Account", EntityId = tombstone,
            Action = AuditAction.Deleted,
            Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["UserId"] = new { to = tombstone } }),
        });
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded) throw new InvalidOperationException(string.Join("; ", deleted.Errors.Select(e => e.Description)));
        await transaction.CommitAsync(ct);
        return tombstone;
    }
}
