using Samverka.Platform.Documents;

namespace Samverka.Features.Partnerships.Agreement;

/// Versions and approvals of the agreement. A new version is generated from the data as it is now and kept as a
/// file; each party approves a version; when the last party approves, that version is frozen and an agreeing
/// partnership becomes active.
public sealed class AgreementService(AppDbContext db, AgreementBuilder builder, TimeProvider clock)
{
    /// Generates the next version. `after` is the newest version number the person saw when they clicked (the
    /// form carries it): if a newer one exists already, their click was a double submit and they get that version
    /// back instead of yet another copy. Two clicks that race both compute the same number; the unique index lets
    /// one through and the other gets the winner's version. Already is true when no new version was made.
    public async Task<(AgreementVersion Version, bool Already)> CreateVersionAsync(PartnershipFile f, int? after, string createdBy, CancellationToken ct)
    {
        if (after is { } seen && f.LatestVersion is { } newest && newest.Number > seen) return (newest, true);
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
            if (p.Status == PartnershipStatus.Exploring)
            {
                p.Status = PartnershipRules.StatusAfter(p.Status, LifecycleEvent.VersionGenerated);
                p.UpdatedAt = now;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return (version, false);
        }
        catch (DbUpdateException)
        {
            // Nothing of this request was written. If another request made this number meanwhile, that is the
            // version this click asked for; anything else is a real error.
            db.ChangeTracker.Clear();
            var made = await db.AgreementVersions().AsNoTracking().Where(v => v.PartnershipId == f.Partnership.Id && v.Number >= number)
                .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
            if (made is null) throw;
            return (made, true);
        }
    }

    public enum ApproveResult { Approved, Frozen, AlreadyApproved, NotLatest }

    /// Records the party's approval of the version. Only the newest version can be approved: an older draft is
    /// history. Returns Frozen when this approval was the last one needed.
    /// The approval is committed first; whether the version is now frozen is then decided from what is committed,
    /// not from what this request read before: of two parties approving at the same moment each may have read the
    /// other's approval as missing, but whichever commits last sees both. Freezing is idempotent (only a version
    /// not yet frozen is frozen, guarded by its row version), so it happens exactly once.
    public async Task<ApproveResult> ApproveAsync(PartnershipFile f, Guid versionId, PartnershipParty party, string userId, string approvedBy, CancellationToken ct)
    {
        if (f.LatestVersion?.Id != versionId) return ApproveResult.NotLatest;
        var already = f.Approvals.Any(a => a.VersionId == versionId && a.PartyId == party.Id);
        if (!already)
        {
            db.AgreementApprovals().Add(new AgreementApproval { VersionId = versionId, PartyId = party.Id, UserId = userId, ApprovedBy = approvedBy, ApprovedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same party approved in another request at the same moment (the unique index kept one).
                db.ChangeTracker.Clear();
                if (!await db.AgreementApprovals().AsNoTracking().AnyAsync(a => a.VersionId == versionId && a.PartyId == party.Id, ct)) throw;
                already = true;
            }
        }
        // Also after "already approved": a freeze that an earlier race missed is made good now.
        var frozen = await FreezeIfAllApprovedAsync(f.Partnership.Id, versionId, ct);
        return already ? ApproveResult.AlreadyApproved : frozen ? ApproveResult.Frozen : ApproveResult.Approved;
    }

    /// Freezes the version when every party has approved it and it is still the newest; true when this call froze it.
    private async Task<bool> FreezeIfAllApprovedAsync(Guid partnershipId, Guid versionId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            // After a lost race the state is read again from the database, not from what this context tracks.
            if (attempt > 0) db.ChangeTracker.Clear();
            var version = await db.AgreementVersions().SingleAsync(v => v.Id == versionId, ct);
            if (version.FrozenAt is not null) return false;
            var newest = await db.AgreementVersions().AsNoTracking().Where(v => v.PartnershipId == partnershipId).MaxAsync(v => v.Number, ct);
            if (newest != version.Number) return false;
            var parties = await db.PartnershipParties().AsNoTracking().Where(x => x.PartnershipId == partnershipId).Select(x => x.Id).ToListAsync(ct);
            var approved = await db.AgreementApprovals().AsNoTracking().Where(a => a.VersionId == versionId).Select(a => a.PartyId).ToListAsync(ct);
            if (!parties.All(approved.Contains)) return false;
            var now = clock.GetUtcNow().UtcDateTime;
            version.FrozenAt = now;
            var p = await db.Partnerships().SingleAsync(x => x.Id == partnershipId, ct);
            if (p.Status == PartnershipStatus.Renewing) p.RenewalTalksStartedOn = null;
            p.Status = PartnershipRules.StatusAfter(p.Status, LifecycleEvent.VersionFrozen);
            p.UpdatedAt = now;
            try
            {
                // Both rows are versioned: if another request froze the version (or changed the partnership)
                // meanwhile, nothing is written and the state is read again.
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
        }
    }

    /// The version as a tagged PDF, made from its stored .docx so that it says what that file says.
    public async Task<byte[]?> PdfAsync(Guid versionId, CancellationToken ct) =>
        await DocumentAsync(versionId, ct) is { } docx ? PdfWriter.FromDocx(docx) : null;

    public Task<byte[]?> DocumentAsync(Guid versionId, CancellationToken ct) =>
        db.AgreementVersions().AsNoTracking().Where(v => v.Id == versionId).Select(v => (byte[]?)v.Document).SingleOrDefaultAsync(ct);
}
