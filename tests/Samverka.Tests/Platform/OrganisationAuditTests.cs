using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Partnerships;
using Samverka.Features.Register;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// An organisation's audit log is for its admins (and platform admins) and holds only the organisation's own record,
/// its people and its invitations; what it does with a municipality belongs to that municipality's log.
public abstract class OrganisationAuditTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;
    /// A fresh organisation based in Borlänge that sent a proposal to a Falun need and has a private partnership with
    /// Falun, plus a pending invitation; returns what the log must and must not show.
    private async Task<Scenario> ScenarioAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (borlange, falun) = App.With(db => (db.Tenants.Single(t => t.Code == "2081").Id, db.Tenants.Single(t => t.Code == "2080").Id));
        var org = new Organisation
        {
            Name = $"Loggföreningen {tag}", LegalForm = LegalForm.NonProfitAssociation, HomeMunicipalityId = borlange,
            Description = "Vi testar vem som får läsa vår historik.", Areas = ["education"],
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, LastConfirmedAt = DateTime.UtcNow,
        };
        var proposal = $"Förslag till Falun {tag}";
        var partnershipTitle = $"Privat samverkan med Falun {tag}";
        await App.WithAsync(async db =>
        {
            db.Organisations().Add(org);
            var need = new Need
            {
                TenantId = falun, Title = $"Falunbehov {tag}", Problem = "Ett problem i Falun.", DesiredOutcome = "Bättre.",
                ContactName = "Falu kontakt", ContactEmail = "kontakt@falun.example", Closes = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(2)),
                Status = NeedStatus.Open, PublishedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Needs().Add(need);
            db.NeedResponses().Add(new NeedResponse
            {
                NeedId = need.Id, TenantId = falun, OrganisationId = org.Id, Kind = NeedResponseKind.Proposal, Text = proposal,
                SubmittedByUserId = "someone", SubmittedAt = DateTime.UtcNow,
            });
            var p = new Partnership { Title = partnershipTitle, Purpose = "Hemligt syfte.", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Partnerships().Add(p);
            db.PartnershipParties().Add(new PartnershipParty { PartnershipId = p.Id, Kind = PartyKind.Municipality, TenantId = falun, Name = "Falun", JoinedAt = DateTime.UtcNow });
            db.PartnershipParties().Add(new PartnershipParty
            {
                PartnershipId = p.Id, Kind = PartyKind.Organisation, OrganisationId = org.Id, Name = org.Name, JoinedAt = DateTime.UtcNow,
                Benefit = $"Nytta för föreningen {tag}",
            });
            return await db.SaveChangesAsync();
        });
        var (admin, _, _) = await App.SignedInAsync(Role.OrganisationAdmin, organisationId: org.Id);
        var (member, memberEmail, _) = await App.SignedInAsync(Role.OrganisationMember, organisationId: org.Id);
        var invitee = Web.UniqueEmail("invitee");
        var invited = await admin.SubmitAsync($"/invitations/new?organisation={org.Id}", new Dictionary<string, string>
        {
            ["organisation"] = org.Id.ToString(), ["Input.Email"] = invitee, ["Input.Role"] = "OrganisationMember",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        // The log names the invitation by its id: addresses stay out of audit entries.
        var invitation = App.With(db => db.Invitations.Single(i => i.Email.ToUpper() == invitee.ToUpper()).Id.ToString());
        return new Scenario(org.Id, org.Name, admin, member, memberEmail, invitation, invitee, proposal, partnershipTitle, $"Nytta för föreningen {tag}");
    }

    private sealed record Scenario(Guid Id, string Name, HttpClient Admin, HttpClient Member, string MemberEmail, string Invitee,
        string InviteeEmail, string Proposal, string PartnershipTitle, string PartyBenefit);

    [Fact]
    public async Task Only_the_organisations_admins_and_platform_admins_may_read_its_log()
    {
        var s = await ScenarioAsync();
        var url = $"/audit?organisation={s.Id}";

        // A plain member and every kind of staff of the home municipality are refused.
        var plain = await s.Member.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
        Assert.DoesNotContain(s.Invitee, await plain.Content.ReadAsStringAsync());
        foreach (var staff in new[] { "handlaggare@borlange.example", "kommunadmin@borlange.example", "samordnare@borlange.example" })
        {
            var client = App.Browser();
            await client.SignInAsync(staff);
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{staff} got {(int)response.StatusCode}");
            Assert.DoesNotContain(s.Invitee, await response.Content.ReadAsStringAsync());
        }

        // The organisation's admin and a platform admin see its record, its people and its own invitations.
        foreach (var reader in new[] { s.Admin, await SignedInAsync("admin@samverka.example") })
        {
            var page = await reader.HtmlAsync(url);
            Assert.Contains(s.Name, page);
            Assert.Contains(s.Invitee, page);
            Assert.DoesNotContain(s.InviteeEmail, page[page.IndexOf("<table", StringComparison.Ordinal)..]); // the log itself (the admin's flash names it)
            Assert.Contains(L("Entity.RoleAssignment"), page);
        }

        // The page's links follow the same rule: the plain member is not offered the log.
        Assert.DoesNotContain(url.Replace("&", "&amp;"), await s.Member.HtmlAsync($"/organisations/{s.Id}"));
    }

    [Fact]
    public async Task The_organisations_log_leaves_out_its_dealings_with_municipalities_which_their_own_log_holds()
    {
        var s = await ScenarioAsync();
        var page = await s.Admin.HtmlAsync($"/audit?organisation={s.Id}");
        Assert.DoesNotContain(s.Proposal, page);
        Assert.DoesNotContain(s.PartyBenefit, page);
        Assert.DoesNotContain(L("Entity.NeedResponse"), page);
        Assert.DoesNotContain(L("Entity.PartnershipParty"), page);

        // The response to Falun's need is in Falun's log.
        var platform = await SignedInAsync("admin@samverka.example");
        Assert.Contains(s.Proposal, await platform.HtmlAsync("/audit?tenant=2080"));
        // …and not in the home municipality's.
        Assert.DoesNotContain(s.Proposal, await platform.HtmlAsync("/audit?tenant=2081"));
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = App.Browser();
        await client.SignInAsync(email);
        return client;
    }

    private string L(string key)
    {
        using var scope = App.Services.CreateScope();
        var l = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Samverka.Platform.Localization.SharedResource>>();
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("sv");
            return System.Net.WebUtility.HtmlEncode(l[key].Value);
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = culture; }
    }
}

[Collection(SqliteCollection.Name)] public sealed class OrganisationAuditTestsOnSqlite(SqliteApp fx) : OrganisationAuditTests(fx);
[Collection(PostgresCollection.Name)] public sealed class OrganisationAuditTestsOnPostgres(PostgresApp fx) : OrganisationAuditTests(fx);
