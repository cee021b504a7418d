using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Register;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Partnerships;

/// The partnership rules through the pages: status follows the lifecycle, public money is set by the public side,
/// and once a party has approved an agreement only municipal staff of a party change who takes part.
public abstract class PartnershipRulesWebTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private sealed record Setup(Guid Id, Guid OrganisationId, HttpClient Member, HttpClient OrgAdmin, HttpClient Officer, Guid Falun);

    /// A fresh partnership between Borlänge and a fresh organisation with its own plain member and admin; agreeing
    /// with no agreement yet, or active with a version every party approved.
    private async Task<Setup> PartnershipAsync(bool active)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (borlange, borlangeName, falun) = App.With(db => (db.Tenants.Single(t => t.Code == "2081").Id, db.Tenants.Single(t => t.Code == "2081").Name,
            db.Tenants.Single(t => t.Code == "2080").Id));
        var org = new Organisation
        {
            Name = $"Regelföreningen {tag}", LegalForm = LegalForm.NonProfitAssociation, HomeMunicipalityId = borlange,
            Description = "En förening för att pröva vem som får ändra vad.", Areas = ["education"], Status = VerificationStatus.Verified,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, LastConfirmedAt = DateTime.UtcNow,
        };
        var p = new Partnership
        {
            Title = $"Regelsamverkan {tag}", Purpose = "Att pröva partnerskapets regler.", Form = PartnershipForm.Iop, Status = PartnershipStatus.Agreeing,
            Ladder = [3, 3, 3, 3, 3], CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        await App.WithAsync(async db =>
        {
            db.Organisations().Add(org);
            db.Partnerships().Add(p);
            db.PartnershipParties().Add(new PartnershipParty { PartnershipId = p.Id, Kind = PartyKind.Municipality, TenantId = borlange, Name = borlangeName, JoinedAt = DateTime.UtcNow });
            db.PartnershipParties().Add(new PartnershipParty { PartnershipId = p.Id, Kind = PartyKind.Organisation, OrganisationId = org.Id, Name = org.Name, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        if (active)
        {
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Samverka.Platform.Data.AppDbContext>();
            var agreements = scope.ServiceProvider.GetRequiredService<AgreementService>();
            var file = (await PartnershipFile.LoadAsync(db, p.Id, default))!;
            var (version, _) = await agreements.CreateVersionAsync(file, null, "Test", default);
            foreach (var party in file.Parties)
            {
                file = (await PartnershipFile.LoadAsync(db, p.Id, default))!;
                await agreements.ApproveAsync(file, version.Id, party, "", "Test", default);
            }
            Assert.Equal(PartnershipStatus.Active, App.With(d => d.Partnerships().Single(x => x.Id == p.Id).Status));
        }
        var (member, _, _) = await App.SignedInAsync(Role.OrganisationMember, organisationId: org.Id);
        var (orgAdmin, _, _) = await App.SignedInAsync(Role.OrganisationAdmin, organisationId: org.Id);
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        return new Setup(p.Id, org.Id, member, orgAdmin, officer, falun);
    }

    private static Dictionary<string, string> Settings(string status, string money) => new()
    {
        ["Input.Title"] = "Regelsamverkan ändrad", ["Input.Purpose"] = "Att pröva partnerskapets regler igen.", ["Input.Form"] = "Iop",
        ["Input.Status"] = status, ["Input.PublicMoney"] = money,
        ["Input.Ladder[0]"] = "3", ["Input.Ladder[1]"] = "3", ["Input.Ladder[2]"] = "3", ["Input.Ladder[3]"] = "3", ["Input.Ladder[4]"] = "3",
    };

    private (PartnershipStatus Status, decimal? Money, int Parties) State(Guid id) => App.With(db => (
        db.Partnerships().Single(p => p.Id == id).Status, db.Partnerships().Single(p => p.Id == id).PublicMoney,
        db.PartnershipParties().Count(x => x.PartnershipId == id)));

    private static Task<HttpResponseMessage> StepPost(HttpClient client, Guid id, string handler, Dictionary<string, string> fields) =>
        client.SubmitAsync($"/partnerships/{id}/steps/prepare", fields, action: $"/partnerships/{id}/steps/prepare?handler={handler}");

    [Fact]
    public async Task A_plain_member_cannot_make_a_partnership_active_or_set_its_public_money()
    {
        var s = await PartnershipAsync(active: false);
        var response = await s.Member.SubmitAsync($"/partnerships/{s.Id}/edit", Settings("Active", "5000000"));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal((PartnershipStatus.Agreeing, (decimal?)null), (State(s.Id).Status, State(s.Id).Money));
        using (var api = JsonDocument.Parse(await App.Browser().GetStringAsync($"/api/v1/partnerships/{s.Id}")))
        {
            Assert.Equal("agreeing", api.RootElement.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, api.RootElement.GetProperty("publicMoney").ValueKind);
        }
        // The organisation's admin may not either: public money is the public side's to state.
        await s.OrgAdmin.SubmitAsync($"/partnerships/{s.Id}/edit", Settings("Active", "5000000"));
        Assert.Equal((PartnershipStatus.Agreeing, (decimal?)null), (State(s.Id).Status, State(s.Id).Money));
        // The status is not a setting for anyone: the officer sets the money, and the status stays where the lifecycle put it.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Officer.SubmitAsync($"/partnerships/{s.Id}/edit", Settings("Active", "250000"))).StatusCode);
        Assert.Equal((PartnershipStatus.Agreeing, (decimal?)250000), (State(s.Id).Status, State(s.Id).Money));
        // The member's form does not offer what the member may not change.
        var form = await s.Member.HtmlAsync($"/partnerships/{s.Id}/edit");
        Assert.DoesNotContain("name=\"Input.Status\"", form);
        Assert.DoesNotContain("name=\"Input.PublicMoney\"", form);
    }

    [Fact]
    public async Task Before_any_approval_a_party_member_may_add_a_party()
    {
        var s = await PartnershipAsync(active: false);
        var added = await StepPost(s.Member, s.Id, "addmunicipality", new() { ["tenantId"] = s.Falun.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(3, State(s.Id).Parties);
        Assert.Equal(PartnershipStatus.Agreeing, State(s.Id).Status);
    }

    [Fact]
    public async Task Once_active_only_municipal_staff_of_a_party_change_the_parties_and_the_newcomer_needs_a_new_agreement()
    {
        var s = await PartnershipAsync(active: true);
        foreach (var client in new[] { s.Member, s.OrgAdmin })
        {
            var tried = await StepPost(client, s.Id, "addmunicipality", new() { ["tenantId"] = s.Falun.ToString() });
            Assert.Equal(HttpStatusCode.Forbidden, tried.StatusCode);
        }
        Assert.Equal((PartnershipStatus.Active, 2), (State(s.Id).Status, State(s.Id).Parties));
        // Falun's staff got nothing.
        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync($"/partnerships/{s.Id}/steps/prepare")).StatusCode);
        // The member is not offered the form.
        Assert.DoesNotContain("handler=addmunicipality", await s.Member.HtmlAsync($"/partnerships/{s.Id}/steps/prepare"));

        // Borlänge's officer may; the agreement in force does not cover Falun, so the partnership is renewing until
        // every party, Falun included, has approved a new version.
        Assert.Equal(HttpStatusCode.Redirect, (await StepPost(s.Officer, s.Id, "addmunicipality", new() { ["tenantId"] = s.Falun.ToString() })).StatusCode);
        Assert.Equal((PartnershipStatus.Renewing, 3), (State(s.Id).Status, State(s.Id).Parties));
        using var api = JsonDocument.Parse(await App.Browser().GetStringAsync($"/api/v1/partnerships/{s.Id}"));
        Assert.Equal("renewing", api.RootElement.GetProperty("status").GetString());

        // Removing the newcomer again is the officer's too, not the member's.
        var falunParty = App.With(db => db.PartnershipParties().Single(x => x.PartnershipId == s.Id && x.TenantId == s.Falun).Id);
        var remove = $"/partnerships/{s.Id}/steps/prepare?remove=party&item={falunParty}";
        var token = Web.Token(await s.Member.HtmlAsync($"/partnerships/{s.Id}/steps/prepare"));
        var forged = await s.Member.PostAsync($"/partnerships/{s.Id}/steps/prepare?handler=remove&remove=party&item={falunParty}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(3, State(s.Id).Parties);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Officer.SubmitAsync(remove, new Dictionary<string, string>(),
            action: $"/partnerships/{s.Id}/steps/prepare?handler=remove&remove=party&item={falunParty}")).StatusCode);
        Assert.Equal(2, State(s.Id).Parties);
    }

    [Fact]
    public async Task Municipal_staff_of_a_party_end_a_partnership_and_organisation_members_cannot()
    {
        var s = await PartnershipAsync(active: true);
        var edit = $"/partnerships/{s.Id}/edit";
        Assert.DoesNotContain("handler=end", await s.Member.HtmlAsync(edit));
        var token = Web.Token(await s.OrgAdmin.HtmlAsync(edit));
        var forged = await s.OrgAdmin.PostAsync($"{edit}?handler=end", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(PartnershipStatus.Active, State(s.Id).Status);

        Assert.Contains("handler=end", await s.Officer.HtmlAsync(edit));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Officer.SubmitAsync(edit, new Dictionary<string, string>(), action: $"{edit}?handler=end")).StatusCode);
        Assert.Equal(PartnershipStatus.Ended, State(s.Id).Status);
        // Nobody changes who took part in an ended partnership.
        Assert.Equal(HttpStatusCode.Forbidden, (await StepPost(s.Officer, s.Id, "addmunicipality", new() { ["tenantId"] = s.Falun.ToString() })).StatusCode);
    }
}

[Collection(SqliteCollection.Name)] public sealed class PartnershipRulesWebTestsOnSqlite(SqliteApp fx) : PartnershipRulesWebTests(fx);
[Collection(PostgresCollection.Name)] public sealed class PartnershipRulesWebTestsOnPostgres(PostgresApp fx) : PartnershipRulesWebTests(fx);
