namespace Samverka.Features.Partnerships;

/// Why a party may not be removed from a partnership (None: it may).
public enum PartyRemoval
{
    None = 0,
    /// Not this partnership's party, too few parties to offer a removal, or the person may not change parties.
    NotOffered,
    /// Without it the partnership would lose its public side or its organisation side.
    KeepBothSides,
    /// It approved an agreement version: its approvals are part of the agreement's history.
    HasApproved,
}

/// One cell of the RACI matrix as posted: who plays which part in which activity.
public sealed record RaciCell(Guid Activity, Guid Person, RaciRole Role);

/// What saving a RACI matrix does to the stored rows.
public sealed record RaciChanges(IReadOnlyList<RaciCell> Add, IReadOnlyList<(PartnershipRaci Row, RaciRole Role)> Change, IReadOnlyList<PartnershipRaci> Remove);

/// The rules for changing what a partnership's parties record together: who takes part and the RACI matrix. Plain
/// code over a loaded PartnershipFile, no storage, so each rule is a row in a unit test (PartnershipEditorTests);
/// the step pages apply what it decides.
public sealed class PartnershipEditor(PartnershipFile file)
{
    /// Whether a party may be removed. A removal is offered only while more than two parties remain and only to a
    /// person who may change parties (PartnershipRules.CanChangeParties); a party stays while the pair public body +
    /// organisation would break without it, and once it has approved an agreement version.
    public PartyRemoval RemovalOf(Guid partyId, bool canChangeParties)
    {
        if (!canChangeParties || file.Parties.Count <= 2 || file.Party(partyId) is null) return PartyRemoval.NotOffered;
        if (!PartnershipRules.HasBothSides(file.Parties.Where(p => p.Id != partyId).Select(p => p.Kind))) return PartyRemoval.KeepBothSides;
        if (file.Approvals.Any(a => a.PartyId == partyId)) return PartyRemoval.HasApproved;
        return PartyRemoval.None;
    }

    /// Whether the organisation or municipality is a party already (a second row for it would count it twice).
    public bool IsParty(PartyKind kind, Guid id) => file.Parties.Any(p => kind == PartyKind.Organisation ? p.OrganisationId == id : p.TenantId == id);

    /// The RACI matrix as posted ("activityId:personId" → R, A, C, I or empty), or null when a key or value is not
    /// one the form offers (an activity or person of another partnership, an unknown role): such a post is not
    /// from the form.
    public IReadOnlyList<RaciCell>? ReadRaci(IReadOnlyDictionary<string, string?> posted)
    {
        var cells = new List<RaciCell>();
        foreach (var (key, value) in posted)
        {
            if (string.IsNullOrEmpty(value)) continue;
            var parts = key.Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var a) || !Guid.TryParse(parts[1], out var person)
                || file.Activities.All(x => x.Id != a) || file.People.All(x => x.Id != person)
                || !Enum.TryParse<RaciRole>(value, out var role) || !Enum.IsDefined(role))
                return null;
            cells.Add(new RaciCell(a, person, role));
        }
        return cells;
    }

    /// The activities that would have more than one Accountable: refused, since the point of RACI is that one
    /// person answers for an activity. None is allowed while planning (the workflow and health signals show it).
    public IReadOnlyList<PartnershipActivity> SeveralAccountable(IReadOnlyList<RaciCell> cells) =>
        file.Activities.Where(a => cells.Count(c => c.Activity == a.Id && c.Role == RaciRole.Accountable) > 1).ToList();

    /// What saving the whole matrix changes in the stored rows: a cell left empty removes its row.
    public static RaciChanges Diff(IReadOnlyList<PartnershipRaci> existing, IReadOnlyList<RaciCell> cells)
    {
        var remove = new List<PartnershipRaci>();
        var change = new List<(PartnershipRaci, RaciRole)>();
        foreach (var row in existing)
        {
            var cell = cells.FirstOrDefault(c => c.Activity == row.ActivityId && c.Person == row.PersonId);
            if (cell is null) remove.Add(row);
            else if (row.Role != cell.Role) change.Add((row, cell.Role));
        }
        var add = cells.Where(c => !existing.Any(r => r.ActivityId == c.Activity && r.PersonId == c.Person)).ToList();
        return new RaciChanges(add, change, remove);
    }
}
