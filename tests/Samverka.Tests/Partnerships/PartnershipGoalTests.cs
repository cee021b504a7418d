using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Agreement;
using Samverka.Platform.Documents;
using Samverka.Features.Register;
using Samverka.Platform.Audit;
using Samverka.Platform.Data;
using Samverka.Platform.Indicators;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Partnerships;

/// Partnership goals live on the platform's indicator model; the pages and the agreement show them as before.
public abstract class PartnershipGoalTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

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
        Assert.Contains("<td>Färre väntar på stöd</td><td>Andel som väntar mer än en vecka</td><td>40 %</td><td>10 %</td><td>30 juni 2028</td>", html);

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
