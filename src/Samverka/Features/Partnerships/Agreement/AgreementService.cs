using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Data;

namespace Samverka.Features.Partnerships.Agreement;

/// Versions and approvals of the agreement. A new version is generated from the data as it is now and kept as a
/// file; each party approves a version; when the last party approves, that version is frozen and an agreeing
/// partnership becomes active.
public sealed class AgreementService(AppDbContext db, AgreementBuilder builder, TimeProvider clock)
{
    public async Task<AgreementVersion> CreateVersionAsync(PartnershipFile f, string createdBy, CancellationToken ct)
    {
        var number = (f.Versions.Count == 0 ? 0 : f.Versions.Max(v => v.Number)) + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var content = builder.Build(f, number, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var version = new AgreementVersion
        {
            PartnershipId = f.Partnership.Id,
            Number = number,
            Form = f.Partnership.Form,
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            Document = DocxWriter.Write(content),
            CreatedBy = createdBy,
            CreatedAt = now,
        };
        db.AgreementVersions().Add(version);
        // Writing an agreement means the parties are agreeing, if they were still exploring.
        if (f.Partnership.Status == PartnershipStatus.Exploring)
        {
            var p = await db.Partnerships().SingleAsync(x => x.Id == f.Partnership.Id, ct);
            p.Status = PartnershipStatus.Agreeing;
            p.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return version;
    }

    public enum ApproveResult { Approved, Frozen, AlreadyApproved, NotLatest }

    /// Records the party's approval of the version. Only the newest version can be approved: an older draft is
    /// history. Returns Frozen when this approval was the last one needed.
    public async Task<ApproveResult> ApproveAsync(PartnershipFile f, Guid versionId, PartnershipParty party, string userId, string approvedBy, CancellationToken ct)
    {
        if (f.LatestVersion?.Id != versionId) return ApproveResult.NotLatest;
        if (f.Approvals.Any(a => a.VersionId == versionId && a.PartyId == party.Id)) return ApproveResult.AlreadyApproved;
        var now = clock.GetUtcNow().UtcDateTime;
        db.AgreementApprovals().Add(new AgreementApproval { VersionId = versionId, PartyId = party.Id, UserId = userId, ApprovedBy = approvedBy, ApprovedAt = now });
        var approvedParties = f.Approvals.Where(a => a.VersionId == versionId).Select(a => a.PartyId).Append(party.Id).ToHashSet();
        var frozen = f.Parties.All(x => approvedParties.Contains(x.Id));
        if (frozen)
        {
            var version = await db.AgreementVersions().SingleAsync(v => v.Id == versionId, ct);
            version.FrozenAt = now;
            var p = await db.Partnerships().SingleAsync(x => x.Id == f.Partnership.Id, ct);
            if (p.Status is PartnershipStatus.Exploring or PartnershipStatus.Agreeing) p.Status = PartnershipStatus.Active;
            if (p.Status == PartnershipStatus.Renewing) { p.Status = PartnershipStatus.Active; p.RenewalTalksStartedOn = null; }
            p.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return frozen ? ApproveResult.Frozen : ApproveResult.Approved;
    }

    public Task<byte[]?> DocumentAsync(Guid versionId, CancellationToken ct) =>
        db.AgreementVersions().AsNoTracking().Where(v => v.Id == versionId).Select(v => (byte[]?)v.Document).SingleOrDefaultAsync(ct);
}
