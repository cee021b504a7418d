using Samverka.Platform.Email;
using Samverka.Platform.Notifications;

namespace Samverka.Features.Register;

/// Self-service: an organisation registers itself or claims its entry; the home municipality's staff decide. Staff
/// and the organisation's people hear of it through the Notifier, on their chosen rhythm.
public sealed class RegistrationService(AppDbContext db, Notifier notifier, PublicUrls urls, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const string DeskKey = "register.desk";
    public const string DecisionsKey = "register.decisions";

    /// New registrations, claims and changes waiting on the register desk, for the home municipality's staff.
    public static readonly NotificationKind Desk = new(DeskKey, "Register.Notify.Desk", "Register.NotifyWhy.Desk",
        Audience.TenantStaff, Rhythm.Immediate, NotificationKind.AnyRhythm);

    /// The municipality's decisions on an organisation's registration, claim or change, for the organisation's people.
    public static readonly NotificationKind Decisions = new(DecisionsKey, "Register.Notify.Decisions", "Register.NotifyWhy.Decisions",
        Audience.SignedIn, Rhythm.Immediate, NotificationKind.AnyRhythm);

    public async Task<Organisation> RegisterAsync(OrganisationForm form, OrganisationInput input, string? number, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var o = new Organisation { Status = VerificationStatus.Pending, CreatedAt = now, LastConfirmedAt = now };
        form.Apply(input, number, o);
        db.Set<Organisation>().Add(o);
        db.RoleAssignments.Add(new RoleAssignment { UserId = userId, Role = Role.OrganisationAdmin, OrganisationId = o.Id, CreatedAt = now });
        if (o.HomeMunicipalityId is { } tenant)
            await NotifyStaffAsync(tenant, l["Mail.NewOrganisationSubject", o.Name], l["Mail.NewOrganisationBody", o.Name, urls.Absolute($"/organisations/{o.Id}"), await ReviewLinkAsync(tenant, ct)], ct);
        await db.SaveChangesAsync(ct);
        return o;
    }

    public async Task<bool> DecideAsync(Organisation o, bool verify, string? reason, CancellationToken ct)
    {
        if (o.Status != VerificationStatus.Pending) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        o.Status = verify ? VerificationStatus.Verified : VerificationStatus.Rejected;
        o.VerifiedAt = verify ? now : null;
        o.RejectionReason = verify ? null : reason;
        o.UpdatedAt = now;
        var link = urls.Absolute($"/organisations/{o.Id}");
        await NotifyAdminsAsync(o.Id,
            verify ? l["Mail.VerifiedSubject", o.Name] : l["Mail.RejectedSubject", o.Name],
            verify ? l["Mail.VerifiedBody", o.Name, link] : l["Mail.RejectedBody", o.Name, reason ?? "", link], ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// After OrganisationForm.Apply on a verified entry: a new name or home municipality is held back as a pending
    /// change for the staff of the (new) home municipality, who are told; the entry keeps its verified name and home
    /// (and so do the public page, the search index and the API) until they approve. Putting the verified values
    /// back withdraws the change. Returns true when a change waits.
    public async Task<bool> HoldForVerificationAsync(Organisation o, string verifiedName, Guid? verifiedHome, CancellationToken ct)
    {
        var name = o.Name == verifiedName ? null : o.Name;
        var home = o.HomeMunicipalityId == verifiedHome ? null : o.HomeMunicipalityId;
        o.Name = verifiedName;
        o.HomeMunicipalityId = verifiedHome;
        if (name is null && home is null)
        {
            o.PendingName = null;
            o.PendingHomeMunicipalityId = null;
            o.PendingChangeAt = null;
            return false;
        }
        var same = o.PendingChangeAt is not null && o.PendingName == name && o.PendingHomeMunicipalityId == home;
        o.PendingName = name;
        o.PendingHomeMunicipalityId = home;
        if (same) return true;
        o.PendingChangeAt = clock.GetUtcNow().UtcDateTime;
        if (o.PendingDecidedBy is { } tenant)
        {
            var details = await ChangeDetailsAsync(o, ct);
            await NotifyStaffAsync(tenant, l["Mail.ChangeRequestSubject", verifiedName],
                l["Mail.ChangeRequestBody", verifiedName, details, urls.Absolute($"/organisations/{o.Id}"), await ReviewLinkAsync(tenant, ct)], ct);
        }
        return true;
    }

    /// The staff of the deciding municipality approve or reject a pending change of name or home municipality.
    /// On approval the former name stays among the other names, so searches for it still find the entry.
    public async Task<bool> DecideChangeAsync(Organisation o, bool approve, string? reason, CancellationToken ct)
    {
        if (o.PendingChangeAt is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var details = await ChangeDetailsAsync(o, ct);
        if (approve)
        {
            if (o.PendingName is { } name)
            {
                o.OtherNames = [.. o.OtherNames.Where(n => n != name && n != o.Name), o.Name];
                o.Name = name;
            }
            if (o.PendingHomeMunicipalityId is { } home) o.HomeMunicipalityId = home;
            o.VerifiedAt = now;
        }
        o.PendingName = null;
        o.PendingHomeMunicipalityId = null;
        o.PendingChangeAt = null;
        o.UpdatedAt = now;
        var link = urls.Absolute($"/organisations/{o.Id}");
        await NotifyAdminsAsync(o.Id,
            approve ? l["Mail.ChangeApprovedSubject", o.Name] : l["Mail.ChangeRejectedSubject", o.Name],
            approve ? l["Mail.ChangeApprovedBody", o.Name, details, link] : l["Mail.ChangeRejectedBody", o.Name, details, reason ?? "", link], ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// The pending change in words, one line per part: "New name: …", "New home municipality: …".
    public async Task<string> ChangeDetailsAsync(Organisation o, CancellationToken ct)
    {
        var lines = new List<string>();
        if (o.PendingName is { } name) lines.Add(l["OrganisationEdit.PendingName", name]);
        if (o.PendingHomeMunicipalityId is { } home)
            lines.Add(l["OrganisationEdit.PendingHome", await db.Tenants.Where(t => t.Id == home).Select(t => t.Name).SingleAsync(ct)]);
        return string.Join("\n", lines);
    }

    public async Task<OrganisationClaim> ClaimAsync(Organisation o, string userId, string message, CancellationToken ct)
    {
        var claim = new OrganisationClaim
        {
            OrganisationId = o.Id, TenantId = o.HomeMunicipalityId!.Value, UserId = userId, Message = message.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<OrganisationClaim>().Add(claim);
        await NotifyStaffAsync(claim.TenantId, l["Mail.ClaimSubject", o.Name], l["Mail.ClaimBody", o.Name, await ReviewLinkAsync(claim.TenantId, ct)], ct);
        await db.SaveChangesAsync(ct);
        return claim;
    }

    public async Task<bool> DecideClaimAsync(OrganisationClaim claim, bool approve, string? reason, string officerId, CancellationToken ct)
    {
        if (claim.Status != ClaimStatus.Pending) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        claim.Status = approve ? ClaimStatus.Approved : ClaimStatus.Rejected;
        claim.DecidedAt = now;
        claim.DecidedByUserId = officerId;
        claim.DecisionReason = reason;
        if (approve && !await db.RoleAssignments.AnyAsync(r => r.UserId == claim.UserId && r.OrganisationId == claim.OrganisationId && r.Role == Role.OrganisationAdmin, ct))
            db.RoleAssignments.Add(new RoleAssignment { UserId = claim.UserId, Role = Role.OrganisationAdmin, OrganisationId = claim.OrganisationId, CreatedAt = now });
        var name = await db.Set<Organisation>().Where(o => o.Id == claim.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        await notifier.NotifyAsync(claim.UserId, DecisionsKey,
            approve ? l["Mail.ClaimApprovedSubject", name] : l["Mail.ClaimRejectedSubject", name],
            approve ? l["Mail.ClaimApprovedBody", name, urls.Absolute($"/organisations/{claim.OrganisationId}/edit")] : l["Mail.ClaimRejectedBody", name, reason ?? ""],
            $"/organisations/{claim.OrganisationId}", ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<string> ReviewLinkAsync(Guid tenantId, CancellationToken ct) => urls.Absolute(await ReviewPathAsync(tenantId, ct));

    private async Task<string> ReviewPathAsync(Guid tenantId, CancellationToken ct) =>
        $"/municipalities/{await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Code).SingleAsync(ct)}/register";

    private async Task NotifyStaffAsync(Guid tenantId, string subject, string body, CancellationToken ct)
    {
        var staff = await db.RoleAssignments.Where(r => r.TenantId == tenantId && RoleScopes.TenantRoles.Contains(r.Role))
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
        await notifier.NotifyAllAsync(staff, DeskKey, subject, body, await ReviewPathAsync(tenantId, ct), ct);
    }

    private async Task NotifyAdminsAsync(Guid organisationId, string subject, string body, CancellationToken ct)
    {
        var admins = await db.RoleAssignments.Where(r => r.OrganisationId == organisationId && r.Role == Role.OrganisationAdmin)
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
        await notifier.NotifyAllAsync(admins, DecisionsKey, subject, body, $"/organisations/{organisationId}", ct);
    }
}
