using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Needs.Matching;
using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Register;
using Samverka.Features.Register.Upkeep;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;
using Samverka.Platform.Merging;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

/// Merging two register entries leaves nothing pointing at the removed one: every feature that stores an organisation
/// id takes part in merges, and a test holds every later feature to it.
public abstract class MergeParticipationTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    [Fact]
    public void Every_organisation_id_in_the_model_is_handled_by_a_merge_participant()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var participants = scope.ServiceProvider.GetServices<IMergeParticipant>();
        var references = MergeCoverage.OrganisationReferences(db.Model, typeof(Organisation));
        Assert.Contains((typeof(PartnershipParty), nameof(PartnershipParty.OrganisationId)), references);
        Assert.Contains((typeof(RoleAssignment), nameof(RoleAssignment.OrganisationId)), references);
        var unhandled = MergeCoverage.Unhandled(db.Model, typeof(Organisation), participants);
        Assert.True(unhandled.Count == 0, "No merge participant handles: " + string.Join(", ", unhandled.Select(u => $"{u.Entity.Name}.{u.Property}")));
    }

    [Fact]
    public async Task A_partnership_party_must_be_an_organisation_in_the_register()
    {
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => App.WithAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var p = new Partnership { Title = "Utan motpart", Purpose = "Prov.", CreatedAt = now, UpdatedAt = now };
            db.Add(p);
            db.Add(new PartnershipParty { PartnershipId = p.Id, Kind = PartyKind.Organisation, OrganisationId = Guid.NewGuid(), Name = "Finns inte", JoinedAt = now });
            return await db.SaveChangesAsync();
        }));
        Assert.NotNull(error);
    }

    [Fact]
    public async Task Merging_keeps_every_link_of_the_merged_entry_and_duplicates_none()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var s = await App.WithAsync(async db =>
        {
            var borlange = await db.Tenants.SingleAsync(t => t.Code == "2081");
            var member = await db.Users.SingleAsync(u => u.Email == "medlem@dalia.example");
            var officer = await db.Users.SingleAsync(u => u.Email == "handlaggare@borlange.example");
            var need = await db.Set<Need>().Where(n => n.TenantId == borlange.Id).OrderBy(n => n.Id).FirstAsync();
            var now = DateTime.UtcNow;
            Organisation O(string name) => new()
            {
                Name = name, Description = "Läxhjälp för unga.", LegalForm = LegalForm.NonProfitAssociation, HomeMunicipalityId = borlange.Id,
                Areas = ["education"], Languages = ["sv"], LastConfirmedAt = now, CreatedAt = now, UpdatedAt = now,
            };
            var target = O($"Läxhjälpen {tag}");
            var source = O($"Läxhjälpen i Borlänge {tag}");
            db.AddRange(target, source);

            // Source alone in one partnership; both in another (where the source's party has people, a contribution
            // and a role in an activity, and says what it gains).
            Partnership P(string title) => new() { Title = $"{title} {tag}", Purpose = "Läxhjälp.", CreatedAt = now, UpdatedAt = now };
            var alone = P("Läxhjälp i Tjärna");
            var both = P("Läxhjälp i Gylle");
            db.AddRange(alone, both);
            PartnershipParty Party(Partnership p, Organisation o, string? benefit = null) =>
                new() { PartnershipId = p.Id, Kind = PartyKind.Organisation, OrganisationId = o.Id, Name = o.Name, Benefit = benefit, JoinedAt = now };
            var aloneParty = Party(alone, source);
            var targetParty = Party(both, target);
            var sourceParty = Party(both, source, "Fler volontärer.");
            db.AddRange(aloneParty, targetParty, sourceParty,
                new PartnershipParty { PartnershipId = both.Id, Kind = PartyKind.Municipality, TenantId = borlange.Id, Name = "Borlänge kommun", JoinedAt = now });
            var person = new PartnershipPerson { PartnershipId = both.Id, PartyId = sourceParty.Id, Name = "Sara Ek" };
            var activity = new PartnershipActivity { PartnershipId = both.Id, Title = "Terminsstart" };
            db.AddRange(person, activity,
                new PartnershipContribution { PartnershipId = both.Id, PartyId = sourceParty.Id, Kind = ContributionKind.Volunteers, Description = "Tio läxhjälpare", Value = 1000 },
                new PartnershipRaci { PartnershipId = both.Id, ActivityId = activity.Id, PersonId = person.Id, Role = RaciRole.Responsible });
            var version = new AgreementVersion { PartnershipId = both.Id, Number = 1, CreatedBy = "Sara Ek", CreatedAt = now };
            db.AddRange(version, new AgreementApproval { VersionId = version.Id, PartyId = sourceParty.Id, UserId = member.Id, ApprovedBy = "Sara Ek", ApprovedAt = now });

            db.Add(new NeedResponse { NeedId = need.Id, TenantId = borlange.Id, OrganisationId = source.Id, Kind = NeedResponseKind.Interest, Text = "Vi vill vara med.", SubmittedByUserId = member.Id, SubmittedAt = now });
            db.Add(new NeedInvitation { NeedId = need.Id, TenantId = borlange.Id, OrganisationId = source.Id, InvitedByUserId = officer.Id, InvitedAt = now });
            db.Add(new NeedInvitation { NeedId = need.Id, TenantId = borlange.Id, OrganisationId = target.Id, InvitedByUserId = officer.Id, InvitedAt = now });
            db.Add(new RoleAssignment { UserId = member.Id, Role = Role.OrganisationAdmin, OrganisationId = source.Id, CreatedAt = now });
            db.Add(new RoleAssignment { UserId = member.Id, Role = Role.OrganisationAdmin, OrganisationId = target.Id, CreatedAt = now });
            db.Add(new RoleAssignment { UserId = officer.Id, Role = Role.OrganisationMember, OrganisationId = source.Id, CreatedAt = now });
            db.Add(new Invitation { Email = $"ny-{tag}@example.org", Role = Role.OrganisationMember, OrganisationId = source.Id, TokenHash = tag, InvitedByUserId = member.Id, CreatedAt = now, ExpiresAt = now.AddDays(7) });
            await db.SaveChangesAsync();
            return new { Target = target.Id, Source = source.Id, Alone = alone.Id, Both = both.Id, TargetParty = targetParty.Id, Person = person.Id, Need = need.Id, Member = member.Id, Officer = officer.Id };
        });

        using (var scope = App.Services.CreateScope())
        {
            var merge = scope.ServiceProvider.GetRequiredService<MergeService>();
            var preview = await merge.PreviewAsync(s.Target, s.Source, default);
            await merge.MergeAsync(preview!.Target, preview.Source, s.Member, default);
        }

        await App.WithAsync(async db =>
        {
            Assert.False(await db.Set<Organisation>().AnyAsync(o => o.Id == s.Source));
            // Partnerships: the lone party now names the target; where both were parties, one party remains and keeps
            // the source party's people (and so their roles), contributions and what it said it gains.
            Assert.False(await db.PartnershipParties().AnyAsync(p => p.OrganisationId == s.Source));
            Assert.True(await db.PartnershipParties().AnyAsync(p => p.PartnershipId == s.Alone && p.OrganisationId == s.Target));
            var party = await db.PartnershipParties().SingleAsync(p => p.PartnershipId == s.Both && p.OrganisationId == s.Target);
            Assert.Equal(s.TargetParty, party.Id);
            Assert.Equal("Fler volontärer.", party.Benefit);
            Assert.Equal(2, await db.PartnershipParties().CountAsync(p => p.PartnershipId == s.Both));
            Assert.Equal(s.TargetParty, (await db.PartnershipPeople().SingleAsync(p => p.Id == s.Person)).PartyId);
            Assert.Equal(s.TargetParty, (await db.PartnershipContributions().SingleAsync(c => c.PartnershipId == s.Both)).PartyId);
            Assert.True(await db.PartnershipRaci().AnyAsync(r => r.PersonId == s.Person));
            Assert.Equal(s.TargetParty, (await db.Set<AgreementApproval>().SingleAsync(a => a.ApprovedBy == "Sara Ek" && a.UserId == s.Member && db.Set<AgreementVersion>().Any(v => v.Id == a.VersionId && v.PartnershipId == s.Both))).PartyId);
            // Needs: the response, one invitation. (The digest of fitting needs follows the memberships below.)
            Assert.True(await db.Set<NeedResponse>().AnyAsync(r => r.OrganisationId == s.Target && r.NeedId == s.Need));
            Assert.Equal(1, await db.Set<NeedInvitation>().CountAsync(i => i.OrganisationId == s.Target && i.NeedId == s.Need));
            // The register's own: roles (held once), invitations.
            Assert.Equal(1, await db.RoleAssignments.CountAsync(r => r.OrganisationId == s.Target && r.UserId == s.Member));
            Assert.True(await db.RoleAssignments.AnyAsync(r => r.OrganisationId == s.Target && r.UserId == s.Officer && r.Role == Role.OrganisationMember));
            Assert.True(await db.Invitations.AnyAsync(i => i.OrganisationId == s.Target && i.Email == $"ny-{tag}@example.org"));
            foreach (var (entity, property) in MergeCoverage.OrganisationReferences(db.Model, typeof(Organisation)))
            {
                if (entity == typeof(Samverka.Platform.Audit.AuditEntry) || entity == typeof(RegisterChange)) continue;
                var table = db.Model.FindEntityType(entity)!;
                var count = await CountPointingAtAsync(db, entity, property, s.Source);
                Assert.True(count == 0, $"{table.GetTableName()}.{property} still points at the merged entry ({count} rows)");
            }
            return 0;
        });
    }

    private static Task<int> CountPointingAtAsync(AppDbContext db, Type entity, string property, Guid id)
    {
        var method = typeof(MergeParticipationTests).GetMethod(nameof(CountOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return (Task<int>)method.MakeGenericMethod(entity).Invoke(null, [db, property, id])!;
    }

    private static Task<int> CountOf<T>(AppDbContext db, string property, Guid id) where T : class
    {
        var x = System.Linq.Expressions.Expression.Parameter(typeof(T));
        var equals = System.Linq.Expressions.Expression.Equal(
            System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.Property(x, property), typeof(Guid?)),
            System.Linq.Expressions.Expression.Constant((Guid?)id, typeof(Guid?)));
        return db.Set<T>().CountAsync(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(equals, x));
    }
}

[Collection(SqliteCollection.Name)] public sealed class MergeParticipationTestsOnSqlite(SqliteApp fx) : MergeParticipationTests(fx);
[Collection(PostgresCollection.Name)] public sealed class MergeParticipationTestsOnPostgres(PostgresApp fx) : MergeParticipationTests(fx);

/// The coverage check itself: an organisation id that no participant declares fails it.
public sealed class MergeCoverageTests
{
    private sealed class Org { public Guid Id { get; set; } }
    private sealed class Grant { public Guid Id { get; set; } public Guid ApplicantOrganisationId { get; set; } }
    private sealed class Visit { public Guid Id { get; set; } public Guid HostId { get; set; } }
    private sealed class Note { public Guid Id { get; set; } public Guid OrganisationRef { get; set; } }

    private sealed class TinyContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder b)
        {
            b.Entity<Org>();
            b.Entity<Grant>();
            b.Entity<Note>();
            b.Entity<Visit>().HasOne<Org>().WithMany().HasForeignKey(v => v.HostId);
        }
    }

    private sealed class Participant(params (Type, string)[] handles) : IMergeParticipant
    {
        public IReadOnlyCollection<(Type Entity, string Property)> Handles => handles;
        public Task MoveAsync(Guid sourceId, Guid targetId, CancellationToken ct) => Task.CompletedTask;
    }

    [Fact]
    public void An_organisation_id_no_participant_declares_fails_the_check()
    {
        using var db = new TinyContext(new DbContextOptionsBuilder<TinyContext>().UseSqlite("Data Source=:memory:").Options);
        var unhandled = MergeCoverage.Unhandled(db.Model, typeof(Org), [new Participant((typeof(Grant), nameof(Grant.ApplicantOrganisationId)))]);
        // Found by its foreign key to the organisation though not named for it; a Guid merely called something else is not.
        Assert.Equal([(typeof(Visit), nameof(Visit.HostId))], unhandled);
        Assert.Equal(2, MergeCoverage.OrganisationReferences(db.Model, typeof(Org)).Count);
        Assert.Empty(MergeCoverage.Unhandled(db.Model, typeof(Org),
            [new Participant((typeof(Grant), nameof(Grant.ApplicantOrganisationId))), new Participant((typeof(Visit), nameof(Visit.HostId)))]));
    }
}
