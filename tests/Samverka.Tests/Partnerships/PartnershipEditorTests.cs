using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Agreement;
using static Samverka.Features.Partnerships.PartyKind;

namespace Samverka.Tests.Partnerships;

/// Who may pair with whom, which party may be removed, lifecycle events (a party joining, renewal, ending), and the
/// RACI matrix's single accountable: PartnershipEditor, Partnership.Apply and PartnershipRules case by case, on hand-built partnerships (no database).
public sealed class PartnershipEditorTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static PartnershipFile File(IReadOnlyList<PartnershipParty> parties, IReadOnlyList<AgreementApproval>? approvals = null,
        IReadOnlyList<PartnershipActivity>? activities = null, IReadOnlyList<PartnershipPerson>? people = null) => new()
    {
        Partnership = new Partnership { Title = "T" }, Parties = parties, People = people ?? [], Answers = new Dictionary<string, string>(),
        Contributions = [], Activities = activities ?? [], Raci = [], Goals = [], CheckIns = [], Decisions = [], Actions = [],
        Versions = [], Approvals = approvals ?? [],
    };

    private static PartnershipParty[] Parties(params PartyKind[] kinds) =>
        kinds.Select((k, i) => new PartnershipParty { Kind = k, Name = "p" + i }).ToArray();

    [Theory]
    [InlineData(Municipality, Organisation, true)]
    [InlineData(Organisation, Municipality, true)]
    [InlineData(Municipality, Municipality, false)]
    [InlineData(Organisation, Organisation, false)]
    public void A_side_pairs_only_with_the_other_kind(PartyKind ours, PartyKind theirs, bool may) =>
        Assert.Equal(may, PartnershipRules.MayPair(ours, theirs));

    [Theory]
    [InlineData(new[] { Municipality, Organisation }, true)]
    [InlineData(new[] { Municipality, Municipality, Organisation }, true)]
    [InlineData(new[] { Municipality, Municipality }, false)]
    [InlineData(new[] { Organisation }, false)]
    [InlineData(new PartyKind[0], false)]
    public void A_partnership_is_whole_with_both_sides(PartyKind[] kinds, bool whole) =>
        Assert.Equal(whole, PartnershipRules.HasBothSides(kinds));

    // parties, which one is removed, may the person change parties, has it approved → the answer
    public static TheoryData<PartyKind[], int, bool, bool, PartyRemoval> Removals => new()
    {
        { [Municipality, Organisation, Organisation], 2, true, false, PartyRemoval.None },
        { [Municipality, Organisation, Organisation], 1, true, false, PartyRemoval.None },
        { [Municipality, Municipality, Organisation], 0, true, false, PartyRemoval.None },
        // the last of its kind stays
        { [Municipality, Organisation, Organisation], 0, true, false, PartyRemoval.KeepBothSides },
        { [Municipality, Municipality, Organisation], 2, true, false, PartyRemoval.KeepBothSides },
        // a party that approved an agreement version stays
        { [Municipality, Organisation, Organisation], 2, true, true, PartyRemoval.HasApproved },
        // two parties: no removal is offered at all
        { [Municipality, Organisation], 1, true, false, PartyRemoval.NotOffered },
        // nor to someone who may not change parties
        { [Municipality, Organisation, Organisation], 2, false, false, PartyRemoval.NotOffered },
        // nor for another partnership's party
        { [Municipality, Organisation, Organisation], -1, true, false, PartyRemoval.NotOffered },
    };

    [Theory]
    [MemberData(nameof(Removals))]
    public void Which_party_may_be_removed(PartyKind[] kinds, int index, bool canChangeParties, bool approved, PartyRemoval expected)
    {
        var parties = Parties(kinds);
        var id = index < 0 ? Guid.NewGuid() : parties[index].Id;
        var approvals = approved ? new[] { new AgreementApproval { PartyId = id } } : [];
        Assert.Equal(expected, new PartnershipEditor(File(parties, approvals)).RemovalOf(id, canChangeParties));
    }

    // from, event → to, renewal talks dated today
    [Theory]
    [InlineData(PartnershipStatus.Exploring, LifecycleEvent.PartyJoined, PartnershipStatus.Exploring, false)]
    [InlineData(PartnershipStatus.Agreeing, LifecycleEvent.PartyJoined, PartnershipStatus.Agreeing, false)]
    [InlineData(PartnershipStatus.Active, LifecycleEvent.PartyJoined, PartnershipStatus.Renewing, true)]
    [InlineData(PartnershipStatus.Renewing, LifecycleEvent.PartyJoined, PartnershipStatus.Renewing, false)]
    [InlineData(PartnershipStatus.Active, LifecycleEvent.RenewalStarted, PartnershipStatus.Renewing, true)]
    [InlineData(PartnershipStatus.Agreeing, LifecycleEvent.RenewalStarted, PartnershipStatus.Agreeing, false)]
    [InlineData(PartnershipStatus.Active, LifecycleEvent.Ended, PartnershipStatus.Ended, false)]
    [InlineData(PartnershipStatus.Exploring, LifecycleEvent.Ended, PartnershipStatus.Exploring, false)]
    public void A_lifecycle_event_moves_the_partnership_and_dates_renewal_talks(PartnershipStatus from, LifecycleEvent e, PartnershipStatus to, bool talks)
    {
        var p = new Partnership { Status = from };
        Assert.Equal(to != from, p.Apply(e, Now, Today));
        Assert.Equal(to, p.Status);
        Assert.Equal(Now, p.UpdatedAt);
        Assert.Equal(talks ? Today : null, p.RenewalTalksStartedOn);
    }

    [Fact]
    public void Renewal_talks_under_way_keep_their_start_when_a_party_joins()
    {
        var p = new Partnership { Status = PartnershipStatus.Active, RenewalTalksStartedOn = Today.AddDays(-10) };
        Assert.True(p.Apply(LifecycleEvent.PartyJoined, Now, Today));
        Assert.Equal(Today.AddDays(-10), p.RenewalTalksStartedOn);
    }

    [Fact]
    public void Whether_an_organisation_or_municipality_is_a_party_already()
    {
        var tenant = Guid.NewGuid();
        var org = Guid.NewGuid();
        var editor = new PartnershipEditor(File([
            new PartnershipParty { Kind = Municipality, TenantId = tenant }, new PartnershipParty { Kind = Organisation, OrganisationId = org }]));
        Assert.True(editor.IsParty(Municipality, tenant));
        Assert.True(editor.IsParty(Organisation, org));
        Assert.False(editor.IsParty(Organisation, tenant));
        Assert.False(editor.IsParty(Municipality, Guid.NewGuid()));
    }

    private sealed class Matrix
    {
        public readonly PartnershipActivity A = new() { Title = "a" }, B = new() { Title = "b" };
        public readonly PartnershipPerson Kim = new() { Name = "Kim" }, Ola = new() { Name = "Ola" };
        public PartnershipEditor Editor => new(File(Parties(Municipality, Organisation), activities: [A, B], people: [Kim, Ola]));
        public string Key(PartnershipActivity a, PartnershipPerson p) => $"{a.Id}:{p.Id}";
    }

    [Fact]
    public void The_posted_matrix_is_read_into_cells_and_empty_cells_are_left_out()
    {
        var m = new Matrix();
        var cells = m.Editor.ReadRaci(new Dictionary<string, string?>
        {
            [m.Key(m.A, m.Kim)] = "Accountable", [m.Key(m.A, m.Ola)] = "Responsible", [m.Key(m.B, m.Kim)] = "", [m.Key(m.B, m.Ola)] = null,
        });
        Assert.Equal([new RaciCell(m.A.Id, m.Kim.Id, RaciRole.Accountable), new RaciCell(m.A.Id, m.Ola.Id, RaciRole.Responsible)], cells);
    }

    [Theory]
    [InlineData("no-colon", "Accountable")]
    [InlineData("{0}:{1}:x", "Accountable")]
    [InlineData("{0}:not-a-guid", "Accountable")]
    [InlineData("{2}:{1}", "Accountable")] // an activity of another partnership
    [InlineData("{0}:{2}", "Accountable")] // a person of another partnership
    [InlineData("{0}:{1}", "Boss")]
    [InlineData("{0}:{1}", "99")]
    public void A_matrix_the_form_cannot_send_is_refused(string keyPattern, string value)
    {
        var m = new Matrix();
        var key = string.Format(keyPattern, m.A.Id, m.Kim.Id, Guid.NewGuid());
        Assert.Null(m.Editor.ReadRaci(new Dictionary<string, string?> { [key] = value }));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Only_one_person_is_accountable_for_an_activity(int accountable, bool refused)
    {
        var m = new Matrix();
        var people = new[] { m.Kim, m.Ola };
        var cells = people.Take(accountable).Select(p => new RaciCell(m.A.Id, p.Id, RaciRole.Accountable))
            // several responsible are fine, and another activity's accountable does not count
            .Concat(people.Select(p => new RaciCell(m.B.Id, p.Id, RaciRole.Responsible)))
            .Append(new RaciCell(m.B.Id, m.Kim.Id, RaciRole.Accountable)).ToList();
        Assert.Equal(refused ? [m.A] : [], m.Editor.SeveralAccountable(cells));
    }

    [Fact]
    public void Saving_the_matrix_adds_changes_and_removes_rows()
    {
        var m = new Matrix();
        var kept = new PartnershipRaci { ActivityId = m.A.Id, PersonId = m.Kim.Id, Role = RaciRole.Accountable };
        var changed = new PartnershipRaci { ActivityId = m.A.Id, PersonId = m.Ola.Id, Role = RaciRole.Informed };
        var emptied = new PartnershipRaci { ActivityId = m.B.Id, PersonId = m.Kim.Id, Role = RaciRole.Consulted };
        var changes = PartnershipEditor.Diff([kept, changed, emptied],
        [
            new RaciCell(m.A.Id, m.Kim.Id, RaciRole.Accountable), new RaciCell(m.A.Id, m.Ola.Id, RaciRole.Responsible),
            new RaciCell(m.B.Id, m.Ola.Id, RaciRole.Accountable),
        ]);
        Assert.Equal([new RaciCell(m.B.Id, m.Ola.Id, RaciRole.Accountable)], changes.Add);
        Assert.Equal([(changed, RaciRole.Responsible)], changes.Change);
        Assert.Equal([emptied], changes.Remove);
    }
}
