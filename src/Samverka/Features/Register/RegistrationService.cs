using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Platform.Data;
using Samverka.Platform.Email;
using Samverka.Platform.Identity;
using Samverka.Platform.Localization;

namespace Samverka.Features.Register;

/// Self-service: an organisation registers itself or claims its entry; the home municipality's staff decide.
public sealed class RegistrationService(AppDbContext db, MailQueue mail, PublicUrls urls, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
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
        var email = await db.Users.Where(u => u.Id == claim.UserId).Select(u => u.Email).SingleAsync(ct);
        var name = await db.Set<Organisation>().Where(o => o.Id == claim.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        mail.Enqueue(new OutgoingMail(email!,
            approve ? l["Mail.ClaimApprovedSubject", name] : l["Mail.ClaimRejectedSubject", name],
            approve ? l["Mail.ClaimApprovedBody", name, urls.Absolute($"/organisations/{claim.OrganisationId}/edit")] : l["Mail.ClaimRejectedBody", name, reason ?? ""]));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<string> ReviewLinkAsync(Guid tenantId, CancellationToken ct) =>
        urls.Absolute($"/municipalities/{await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Code).SingleAsync(ct)}/register");

    private async Task NotifyStaffAsync(Guid tenantId, string subject, string body, CancellationToken ct)
    {
        var emails = await db.RoleAssignments.Where(r => r.TenantId == tenantId && RoleScopes.TenantRoles.Contains(r.Role))
            .Select(r => r.User!.Email!).Distinct().ToListAsync(ct);
        foreach (var e in emails) mail.Enqueue(new OutgoingMail(e, subject, body));
    }

    private async Task NotifyAdminsAsync(Guid organisationId, string subject, string body, CancellationToken ct)
    {
        var emails = await db.RoleAssignments.Where(r => r.OrganisationId == organisationId && r.Role == Role.OrganisationAdmin)
            .Select(r => r.User!.Email!).Distinct().ToListAsync(ct);
        foreach (var e in emails) mail.Enqueue(new OutgoingMail(e, subject, body));
    }
}
