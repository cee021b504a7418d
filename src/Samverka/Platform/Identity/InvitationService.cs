using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Samverka.Platform.Email;

namespace Samverka.Platform.Identity;

public sealed class InvitationService(AppDbContext db, MailQueue mail, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    /// Records the invitation and queues its e-mail; the caller has already checked Access.CanInvite.
    public async Task<Invitation> InviteAsync(string email, Role role, Guid? tenantId, Guid? organisationId,
        string invitedBy, string scopeName, Func<string, string> linkFor, CancellationToken ct)
    {
        var token = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            Email = email.Trim(),
            Role = role,
            TenantId = tenantId,
            OrganisationId = organisationId,
            TokenHash = Hash(token),
            InvitedByUserId = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Invitations.Add(invitation);
        var link = linkFor(token);
        var roleName = l["Role." + role];
        mail.Enqueue(new OutgoingMail(
            invitation.Email,
            l["Invite.MailSubject", scopeName],
            l["Invite.MailBody", roleName, scopeName, link, Lifetime.Days]));
        await db.SaveChangesAsync(ct);
        return invitation;
    }

    public Task<Invitation?> FindOpenAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Invitations.Include(i => i.Tenant)
            .Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .SingleOrDefaultAsync(ct);
    }

    /// Gives the user the invited role (once) and closes the invitation.
    public async Task AcceptAsync(Invitation invitation, AppUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var already = await db.RoleAssignments.AnyAsync(r => r.UserId == user.Id && r.Role == invitation.Role
            && r.TenantId == invitation.TenantId && r.OrganisationId == invitation.OrganisationId, ct);
        if (!already)
            db.RoleAssignments.Add(new RoleAssignment
            {
                UserId = user.Id, Role = invitation.Role, TenantId = invitation.TenantId,
                OrganisationId = invitation.OrganisationId, CreatedAt = now,
            });
        invitation.AcceptedAt = now;
        invitation.AcceptedByUserId = user.Id;
        await db.SaveChangesAsync(ct);
    }
}
