using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Partnerships.Running;
using Samverka.Platform.Modules;

namespace Samverka.Features.Partnerships;

/// What the partnerships a person takes part in (as staff of a party municipality or member of a party organisation)
/// hold for them: an agreement version waiting for their party's approval, check-ins and actions due soon or late.
internal sealed class PartnershipsMyWork(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : IMyWorkSource
{
    /// How far ahead a check-in or an action counts as due (one check-in rhythm of the default 30 days).
    public const int DaysAhead = 30;

    public async Task<IReadOnlyList<MyWorkItem>> ForAsync(Access person, CancellationToken ct)
    {
        var tenants = person.StaffTenantIds.ToList();
        var organisations = person.OrganisationIds.ToList();
        if (tenants.Count == 0 && organisations.Count == 0) return [];
        var parties = await db.PartnershipParties().AsNoTracking()
            .Where(x => (x.TenantId != null && tenants.Contains(x.TenantId.Value)) || (x.OrganisationId != null && organisations.Contains(x.OrganisationId.Value)))
            .Join(db.Partnerships().Where(p => p.Status != PartnershipStatus.Ended), x => x.PartnershipId, p => p.Id, (x, p) => x)
            .ToListAsync(ct);
        if (parties.Count == 0) return [];
        var ids = parties.Select(x => x.PartnershipId).Distinct().ToList();
        var partnerships = await db.Partnerships().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var horizon = today.AddDays(DaysAhead);
        var items = new List<MyWorkItem>();

        // Approvals: the newest version, not yet frozen, that a party the person may approve for has not approved.
        var versions = await db.AgreementVersions().AsNoTracking().Where(v => ids.Contains(v.PartnershipId) && v.FrozenAt == null)
            .Select(v => new { v.Id, v.PartnershipId, v.Number, v.CreatedAt }).ToListAsync(ct);
        var latest = versions.GroupBy(v => v.PartnershipId).Select(g => g.MaxBy(v => v.Number)!).ToList();
        var latestIds = latest.Select(v => v.Id).ToList();
        var approved = await db.AgreementApprovals().AsNoTracking().Where(a => latestIds.Contains(a.VersionId))
            .Select(a => new { a.VersionId, a.PartyId }).ToListAsync(ct);
        var group = l["Partnerships.MyWorkApprovals"].Value;
        foreach (var v in latest)
        {
            var newest = await db.AgreementVersions().Where(x => x.PartnershipId == v.PartnershipId).MaxAsync(x => x.Number, ct);
            if (newest != v.Number) continue; // a frozen version is newer: nothing to approve
            foreach (var party in parties.Where(x => x.PartnershipId == v.PartnershipId && MayApproveFor(person, x)))
                if (!approved.Any(a => a.VersionId == v.Id && a.PartyId == party.Id))
                    items.Add(new MyWorkItem("partnerships.approvals", group, partnerships[v.PartnershipId].Title,
                        $"/partnerships/{v.PartnershipId}/agreement", Since: v.CreatedAt, Detail: party.DisplayName));
        }

        // Check-ins on the agreed rhythm, from the last one (else from the start), for running partnerships.
        var lastCheckIns = await db.CheckIns().AsNoTracking().Where(c => ids.Contains(c.PartnershipId))
            .GroupBy(c => c.PartnershipId).Select(g => new { g.Key, Last = g.Max(c => c.HeldOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        group = l["Partnerships.MyWorkCheckIns"].Value;
        foreach (var p in partnerships.Values.Where(p => p.IsRunning).OrderBy(p => p.Title))
        {
            var from = lastCheckIns.TryGetValue(p.Id, out var last) ? last : p.StartsOn;
            if (from?.AddDays(p.CheckInEveryDays) is not { } due || due > horizon) continue;
            items.Add(new MyWorkItem("partnerships.checkins", group, p.Title, $"/partnerships/{p.Id}/follow-up", Due: Day(due)));
        }

        var actions = await db.FollowUpActions().AsNoTracking().Where(a => ids.Contains(a.PartnershipId) && a.DoneOn == null && a.DueOn <= horizon)
            .OrderBy(a => a.DueOn).ToListAsync(ct);
        var ownerIds = actions.Where(a => a.OwnerPersonId != null).Select(a => a.OwnerPersonId!.Value).Distinct().ToList();
        var owners = await db.PartnershipPeople().AsNoTracking().Where(x => ownerIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        group = l["Partnerships.MyWorkActions"].Value;
        items.AddRange(actions.Select(a => new MyWorkItem("partnerships.actions", group, a.Text, $"/partnerships/{a.PartnershipId}/follow-up",
            Due: Day(a.DueOn), Detail: a.OwnerPersonId is { } owner && owners.TryGetValue(owner, out var name)
                ? l["Partnerships.MyWorkActionDetail", partnerships[a.PartnershipId].Title, name] : partnerships[a.PartnershipId].Title)));
        return items;
    }

    /// As PartnershipFile.RightsOf: staff approve for their municipality, administrators for their organisation.
    private static bool MayApproveFor(Access person, PartnershipParty party) =>
        (party.TenantId is { } t && person.StaffTenantIds.Contains(t))
        || (party.OrganisationId is { } o && person.Roles.Any(r => r.OrganisationId == o && r.Role == Role.OrganisationAdmin));

    private static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
