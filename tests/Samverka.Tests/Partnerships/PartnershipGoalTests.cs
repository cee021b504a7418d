using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Register;
using Samverka.Platform.Audit;
using Samverka.Platform.Data;
using Samverka.Platform.Indicators;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Partnerships;

/// Partnership goals live on the platform's indicator model: goals stored before it keep their values and dates
/// through the migration, and the pages and the agreement show them as before.
public abstract class PartnershipGoalTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private AppDbContext FreshDatabase(out Action drop)
    {
        if (App.Provider == Provider.Sqlite)
        {
            var file = Path.Combine(App.Folder, $"goals-{Guid.NewGuid():N}.db");
            drop = () => { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); File.Delete(file); };
            return new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file}").Options);
        }
        var name = "samverka_goals_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            admin.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            cmd.ExecuteNonQuery();
        }
        drop = () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            admin.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            cmd.ExecuteNonQuery();
        };
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name }.ToString();
        return new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(cs).Options);
    }

    [Fact]
    public async Task Goals_stored_before_indicators_keep_their_values_and_dates_through_the_migration()
    {
        var db = FreshDatabase(out var drop);
        try
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_IndicatorGoals", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);

            var created = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
            var setAt = new DateTime(2026, 4, 15, 8, 30, 0, DateTimeKind.Utc);
            var p = new Partnership { Title = "Före indikatorerna", Purpose = "Prov.", Ladder = [1], CreatedAt = created, UpdatedAt = created };
            db.Add(p);
            await db.SaveChangesAsync();
            Guid share = Guid.NewGuid(), fewer = Guid.NewGuid(), words = Guid.NewGuid(), bare = Guid.NewGuid();
            db.Add(new AuditEntry { At = setAt, EntityType = "PartnershipGoal", EntityId = share.ToString(), Action = AuditAction.Created });
            await db.SaveChangesAsync();
            var sqlite = App.Provider == Provider.Sqlite;
            object Id(Guid g) => sqlite ? g.ToString().ToUpperInvariant() : g;
            object Day(DateOnly d) => sqlite ? d.ToString("yyyy-MM-dd") : d;
            async Task Goal(Guid id, string text, string? indicator, string? baseline, string? target, DateOnly? date)
            {
                // NULL written as such: a raw-SQL parameter needs a value whose type the provider knows.
                object?[] values = [Id(id), Id(p.Id), text, indicator, baseline, target, date is { } d ? Day(d) : null];
                var args = values.OfType<object>().ToArray();
                var n = 0;
                var slots = string.Join(", ", values.Select(v => v is null ? "NULL" : $"{{{n++}}}"));
                await db.Database.ExecuteSqlRawAsync(
                    $"""INSERT INTO "PartnershipGoals" ("Id", "PartnershipId", "Text", "Indicator", "Baseline", "Target", "TargetDate", "Version") VALUES ({slots}, 3)""", args);
            }
            await Goal(share, "Deltagarna har någon att fråga", "Andel som svarar ja", "35 %", "80 %", new DateOnly(2028, 6, 30));
            await Goal(fewer, "Färre väntar", "Antal på väntelistan", "40", "10,5", null);
            await Goal(words, "Tryggare skolväg", null, "låg", "3", null);
            await Goal(bare, "Bara ett mål", null, null, null, null);

            await db.Database.MigrateAsync();

            var goals = await db.GoalsOfAsync(new IndicatorOwner(IndicatorOwner.Partnership, p.Id), default);
            Assert.Equal(4, goals.Count);
            var g1 = goals.Single(g => g.Id == share);
            Assert.Equal(("Deltagarna har någon att fråga", new DateOnly(2028, 6, 30), setAt, 3L), (g1.Text, g1.TargetDate!.Value, g1.CreatedAt, g1.Version));
            var i1 = Assert.Single(g1.Indicators);
            Assert.Equal(("Andel som svarar ja", 35m, 80m, "%", IndicatorDirection.HigherIsBetter, new DateOnly(2026, 4, 15)),
                (i1.Name, i1.Baseline!.Value, i1.Target!.Value, i1.Unit, i1.Direction, i1.BaselineOn!.Value));
            var g2 = goals.Single(g => g.Id == fewer);
            Assert.Equal(created, g2.CreatedAt);
            var i2 = Assert.Single(g2.Indicators);
            Assert.Equal(("Antal på väntelistan", 40m, 10.5m, (string?)null, IndicatorDirection.LowerIsBetter, new DateOnly(2026, 3, 1)),
                (i2.Name, i2.Baseline!.Value, i2.Target!.Value, i2.Unit, i2.Direction, i2.BaselineOn!.Value));
            var i3 = Assert.Single(goals.Single(g => g.Id == words).Indicators);
            Assert.Equal(("", (decimal?)null, 3m, "Utgångsläge: låg"), (i3.Name, i3.Baseline, i3.Target!.Value, i3.Note));
            Assert.False(goals.Single(g => g.Id == words).HasIndicator);
            Assert.Empty(goals.Single(g => g.Id == bare).Indicators);
        }
        finally
        {
            await db.DisposeAsync();
            drop();
        }
    }

    [Fact]
    public async Task The_follow_up_step_and_the_agreement_show_goals_from_the_indicator_model()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (borlange, borlangeName) = App.With(db => (db.Tenants.Single(t => t.Code == "2081").Id, db.Tenants.Single(t => t.Code == "2081").Name));
        var p = new Partnership
        {
            Title = $"Målsamverkan {tag}", Purpose = "Att pröva målen.", Form = PartnershipForm.Iop, Status = PartnershipStatus.Agreeing,
            Ladder = [3, 3, 3, 3, 3], CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        await App.WithAsync(async db =>
        {
            var dalia = await db.Organisations().SingleAsync(o => o.Name == "Tjejjouren Dalia");
            db.Partnerships().Add(p);
            db.PartnershipParties().Add(new PartnershipParty { PartnershipId = p.Id, Kind = PartyKind.Municipality, TenantId = borlange, Name = borlangeName, JoinedAt = DateTime.UtcNow });
            db.PartnershipParties().Add(new PartnershipParty { PartnershipId = p.Id, Kind = PartyKind.Organisation, OrganisationId = dalia.Id, Name = dalia.Name, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var step = $"/partnerships/{p.Id}/steps/follow-up";

        var bad = await officer.SubmitAsync(step, new Dictionary<string, string>
        {
            ["Goal.Text"] = "Färre väntar på stöd", ["Goal.Indicator"] = "Andel som väntar mer än en vecka", ["Goal.Baseline"] = "många", ["Goal.Target"] = "10 %",
        }, action: step + "?handler=addgoal");
        Assert.NotEqual(HttpStatusCode.Redirect, bad.StatusCode);
        Assert.Contains("Utgångsläge ska vara ett tal", await bad.Content.ReadAsStringAsync());
        Assert.False(App.With(db => db.IndicatorGoals().Any(g => g.OwnerId == p.Id)));

        var added = await officer.SubmitAsync(step, new Dictionary<string, string>
        {
            ["Goal.Text"] = "Färre väntar på stöd", ["Goal.Indicator"] = "Andel som väntar mer än en vecka", ["Goal.Baseline"] = "40 %", ["Goal.Target"] = "10 %",
            ["Goal.TargetDate"] = "2028-06-30",
        }, action: step + "?handler=addgoal");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var goal = App.With(db => db.IndicatorGoals().Include(g => g.Indicators).Single(g => g.OwnerKind == IndicatorOwner.Partnership && g.OwnerId == p.Id));
        Assert.Equal(IndicatorDirection.LowerIsBetter, Assert.Single(goal.Indicators).Direction);

        var html = await officer.HtmlAsync(step);
        Assert.Contains("<td>Färre väntar på stöd</td><td>Andel som väntar mer än en vecka</td><td>40 %</td><td>10 %</td><td>2028-06-30</td>", html);

        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var builder = scope.ServiceProvider.GetRequiredService<AgreementBuilder>();
            var file = (await PartnershipFile.LoadAsync(db, p.Id, default))!;
            var content = builder.Build(file, 1, DateOnly.FromDateTime(DateTime.UtcNow));
            var table = content.Sections.SelectMany(x => x.Blocks).OfType<DocTable>().Single(t => t.Rows.Any(r => r[0] == "Färre väntar på stöd"));
            Assert.Equal(["Färre väntar på stöd", "Andel som väntar mer än en vecka", "40 %", "10 %"], table.Rows.Single(r => r[0] == "Färre väntar på stöd").Take(4));
        }

        // Removing the goal removes its indicator with it.
        var removed = await officer.SubmitAsync($"{step}?remove=goal&item={goal.Id}", new Dictionary<string, string>(),
            action: $"{step}?handler=remove&remove=goal&item={goal.Id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(App.With(db => db.Set<Indicator>().Any(i => i.GoalId == goal.Id)));
    }
}

[Collection(SqliteCollection.Name)] public sealed class PartnershipGoalTestsOnSqlite(SqliteApp fx) : PartnershipGoalTests(fx);
[Collection(PostgresCollection.Name)] public sealed class PartnershipGoalTestsOnPostgres(PostgresApp fx) : PartnershipGoalTests(fx);
