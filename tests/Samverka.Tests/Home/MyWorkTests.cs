using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Needs.Matching;
using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Register;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Home;

/// /my gathers what waits for a person from every feature: for each demo account the items its demo data holds,
/// and for records planted here the items of each kind, never another municipality's or organisation's.
public abstract class MyWorkTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private const string Kompis = "Kompisar i Borlänge – IOP om inkludering";
    private const string DaliaGrant = "Skolutbildning om psykisk hälsa – Tjejjouren Dalia";
    private const string KompisAction = "Kontakta tre idrottsföreningar om volontärer";
    private const string FittingNeed = "Stöd för ungas psykiska hälsa";

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, @"\s+", " "));

    private async Task<string> MyAsync(string email)
    {
        var client = App.Browser();
        await client.SignInAsync(email);
        return Text(await client.HtmlAsync("/my"));
    }

    public static TheoryData<string, string[], string[]> DemoAccounts => new()
    {
        // Borlänge's staff: the late check-in of Dalia's grant, the IOP's next check-in and its open action.
        { "handlaggare@borlange.example", ["Avstämningar att hålla", DaliaGrant, Kompis, "Skulle vara klart", "Åtgärder att göra snart", KompisAction], [] },
        { "samordnare@borlange.example", ["Avstämningar att hålla", DaliaGrant, Kompis, "Åtgärder att göra snart", KompisAction], [] },
        { "kommunadmin@borlange.example", ["Avstämningar att hålla", DaliaGrant, Kompis, KompisAction], [] },
        // Falun's officer sees nothing of Borlänge's.
        { "handlaggare@falun.example", ["<h1>Mitt arbete</h1>"], [DaliaGrant, Kompis, KompisAction] },
        // Dalia's people: their grant's late check-in and the need that fits them; not Kompis's partnership.
        { "admin@dalia.example", ["Avstämningar att hålla", DaliaGrant, "Behov som passar er organisation", FittingNeed], [Kompis, KompisAction] },
        { "medlem@dalia.example", ["Avstämningar att hålla", DaliaGrant, "Behov som passar er organisation", FittingNeed], [Kompis, KompisAction] },
        // A platform administrator holds no municipality's or organisation's work by being one.
        { "admin@samverka.example", ["Inget väntar på dig just nu"], [DaliaGrant, Kompis] },
    };

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task My_work_lists_what_the_demo_data_holds_for_each_account(string email, string[] shown, string[] hidden)
    {
        var page = await MyAsync(email);
        Assert.Contains("<h1>Mitt arbete</h1>", page);
        foreach (var s in shown) Assert.Contains(s, page);
        foreach (var s in hidden) Assert.DoesNotContain(s, page);
    }

    [Fact]
    public async Task With_nothing_waiting_staff_are_shown_where_their_work_is()
    {
        var vansbro = await App.WithAsync(db => db.Tenants.Where(t => t.Code == "2021").Select(t => t.Id).SingleAsync());
        var (client, _, _) = await App.SignedInAsync(Role.Officer, tenantId: vansbro);
        var page = Text(await client.HtmlAsync("/my"));
        Assert.Contains("Inget väntar på dig just nu", page);
        Assert.Contains("<a href=\"/municipalities/2021/register\">Granska registret för Vansbro</a>", page);
        Assert.DoesNotContain(DaliaGrant, page);
    }

    [Fact]
    public async Task A_person_without_a_role_is_told_what_to_do_next()
    {
        var email = Web.UniqueEmail("norole");
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Ny Person", EmailConfirmed = true, CreatedAt = DateTime.UtcNow }, TestUsers.Password);
            Assert.True(created.Succeeded);
        }
        var client = App.Browser();
        await client.SignInAsync(email, TestUsers.Password);
        var page = Text(await client.HtmlAsync("/my"));
        Assert.Contains("Vad vill du göra först?", page);
        foreach (var href in new[] { "/organisations/new", "/organisations", "/advisor", "/municipalities" })
            Assert.Contains($"<a href=\"{href}\">", page);
        Assert.DoesNotContain("Inget väntar på dig", page);
    }

    [Fact]
    public async Task My_work_needs_a_signed_in_person_and_is_in_the_account_menu_and_on_the_account_page()
    {
        var response = await App.Browser().GetAsync("/my");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);

        var client = App.Browser();
        await client.SignInAsync("medlem@dalia.example");
        var account = Text(await client.HtmlAsync("/account"));
        Assert.Contains("<a href=\"/my\">Mitt arbete</a>", account);
        Assert.Contains("<a href=\"/my\" aria-current=\"page\">Mitt arbete</a>", Text(await client.HtmlAsync("/my")));
    }

    /// Records of every kind, planted for Borlänge, Falun, Dalia and Kompis: each person sees their own with its
    /// waiting time or due date, and nothing of the others. The planted rows are removed again.
    [Fact]
    public async Task Each_kind_of_item_reaches_the_right_people_only()
    {
        var now = DateTime.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = await App.WithAsync(async db => new
        {
            Borlange = await db.Tenants.Where(t => t.Code == "2081").Select(t => t.Id).SingleAsync(),
            Falun = await db.Tenants.Where(t => t.Code == "2080").Select(t => t.Id).SingleAsync(),
            Dalia = await db.Organisations().Where(o => o.Name == "Tjejjouren Dalia").Select(o => o.Id).SingleAsync(),
            Kompis = await db.Organisations().Where(o => o.Name == "Kompis Sverige").Select(o => o.Id).SingleAsync(),
            Member = await db.Users.Where(u => u.Email == "medlem@dalia.example").Select(u => u.Id).SingleAsync(),
        });
        var need = await App.WithAsync(db => db.Needs().Where(n => n.TenantId == ids.Borlange && n.Status == NeedStatus.Open)
            .OrderBy(n => n.Title).FirstAsync());
        var other = await App.WithAsync(db => db.Needs().Where(n => n.TenantId == ids.Borlange && n.Status == NeedStatus.Open && n.Id != need.Id).FirstAsync());

        var question = new NeedQuestion { NeedId = need.Id, TenantId = ids.Borlange, AskedByUserId = "my-work-test", Text = $"Fråga {tag}?", AskedAt = now.AddDays(-3) };
        var answered = new NeedQuestion
        {
            NeedId = need.Id, TenantId = ids.Borlange, AskedByUserId = ids.Member, Text = $"Besvarad {tag}?", AskedAt = now.AddDays(-4),
            Answer = "Ja.", AnsweredAt = now.AddDays(-1),
        };
        var response = new NeedResponse
        {
            NeedId = need.Id, TenantId = ids.Borlange, OrganisationId = ids.Kompis, Kind = NeedResponseKind.Interest, Text = "Vi är intresserade.",
            SubmittedByUserId = "my-work-test", SubmittedAt = now.AddDays(-2),
        };
        var invitation = new NeedInvitation { NeedId = other.Id, TenantId = ids.Borlange, OrganisationId = ids.Dalia, InvitedByUserId = "my-work-test", InvitedAt = now.AddDays(-1) };
        Organisation Org(string name, Guid home, VerificationStatus status, Freshness freshness) => new()
        {
            Name = $"{name} {tag}", LegalForm = LegalForm.NonProfitAssociation, HomeMunicipalityId = home, Description = "Planterad för ett test.",
            Status = status, Freshness = freshness, LastConfirmedAt = now.AddDays(-400), CreatedAt = now.AddDays(-5), UpdatedAt = now,
        };
        var pendingBorlange = Org("Ny förening i Borlänge", ids.Borlange, VerificationStatus.Pending, Freshness.Current);
        var pendingFalun = Org("Ny förening i Falun", ids.Falun, VerificationStatus.Pending, Freshness.Current);
        var stale = Org("Gammal förening i Borlänge", ids.Borlange, VerificationStatus.Verified, Freshness.MayBeOutdated);
        var partnership = new Partnership { Title = $"Avtal att godkänna {tag}", Purpose = "Test.", Status = PartnershipStatus.Exploring, CreatedAt = now, UpdatedAt = now };
        var municipalityParty = PartnershipParty.Of(PartyKind.Municipality, ids.Borlange, "Borlänge", null, partnership.Id, now);
        var daliaParty = PartnershipParty.Of(PartyKind.Organisation, ids.Dalia, "Tjejjouren Dalia", null, partnership.Id, now.AddTicks(1));
        var version = new AgreementVersion { PartnershipId = partnership.Id, Number = 1, Form = PartnershipForm.Iop, CreatedBy = "Test", CreatedAt = now.AddDays(-2) };
        await App.WithAsync(async db =>
        {
            db.AddRange(question, answered, response, invitation, pendingBorlange, pendingFalun, stale, partnership, municipalityParty, daliaParty, version);
            return await db.SaveChangesAsync();
        });
        try
        {
            var borlange = await MyAsync("handlaggare@borlange.example");
            Assert.Contains("Frågor om era behov som väntar på svar", borlange);
            Assert.Contains($"<a href=\"/needs/{need.Id}#desk\">{need.Title}</a>", borlange);
            Assert.Contains($"Fråga {tag}?", borlange);
            Assert.Contains("Har väntat i 3 dagar", borlange);
            Assert.Contains("Organisationers svar som väntar på besked", borlange);
            Assert.Contains($"<a href=\"/needs/{need.Id}#responses\">{need.Title}</a>", borlange);
            Assert.Contains("Nya organisationer att granska", borlange);
            Assert.Contains($"<a href=\"/municipalities/2081/register#org-{pendingBorlange.Id}\">{pendingBorlange.Name}</a>", borlange);
            Assert.Contains("Organisationer som behöver bekräftas på nytt", borlange);
            Assert.Contains(stale.Name, borlange);
            Assert.Contains("Avtal som väntar på ert godkännande", borlange);
            Assert.Contains($"<a href=\"/partnerships/{partnership.Id}/agreement\">{partnership.Title}</a>", borlange);
            Assert.DoesNotContain(pendingFalun.Name, borlange);

            var falun = await MyAsync("handlaggare@falun.example");
            Assert.Contains($"<a href=\"/municipalities/2080/register#org-{pendingFalun.Id}\">{pendingFalun.Name}</a>", falun);
            foreach (var s in new[] { pendingBorlange.Name, stale.Name, $"Fråga {tag}?", partnership.Title, "Organisationers svar" })
                Assert.DoesNotContain(s, falun);

            var admin = await MyAsync("admin@dalia.example");
            Assert.Contains("Inbjudningar att svara på behov", admin);
            Assert.Contains($"<a href=\"/needs/{other.Id}\">{other.Title}</a>", admin);
            Assert.Contains($"<a href=\"/partnerships/{partnership.Id}/agreement\">{partnership.Title}</a>", admin);
            foreach (var s in new[] { $"Fråga {tag}?", pendingBorlange.Name, stale.Name, "Organisationers svar" })
                Assert.DoesNotContain(s, admin);

            // A member sees the invitation and the answer to their own question, but approving is for administrators.
            var member = await MyAsync("medlem@dalia.example");
            Assert.Contains($"<a href=\"/needs/{other.Id}\">{other.Title}</a>", member);
            Assert.Contains("Svar till dig från kommunen", member);
            Assert.Contains($"Besvarad {tag}?", member);
            Assert.DoesNotContain(partnership.Title, member);
            Assert.DoesNotContain($"Besvarad {tag}?", await MyAsync("admin@dalia.example"));
        }
        finally
        {
            await App.WithAsync(async db =>
            {
                db.RemoveRange(await db.Set<AgreementVersion>().Where(v => v.Id == version.Id).ToListAsync());
                db.RemoveRange(await db.PartnershipParties().Where(p => p.PartnershipId == partnership.Id).ToListAsync());
                db.RemoveRange(await db.Partnerships().Where(p => p.Id == partnership.Id).ToListAsync());
                db.RemoveRange(await db.NeedQuestions().Where(q => q.Id == question.Id || q.Id == answered.Id).ToListAsync());
                db.RemoveRange(await db.NeedResponses().Where(r => r.Id == response.Id).ToListAsync());
                db.RemoveRange(await db.NeedInvitations().Where(i => i.Id == invitation.Id).ToListAsync());
                var planted = new[] { pendingBorlange.Id, pendingFalun.Id, stale.Id };
                db.RemoveRange(await db.Organisations().Where(o => planted.Contains(o.Id)).ToListAsync());
                return await db.SaveChangesAsync();
            });
        }
    }
}

[Collection(SqliteCollection.Name)] public sealed class MyWorkTestsOnSqlite(SqliteApp fx) : MyWorkTests(fx);
[Collection(PostgresCollection.Name)] public sealed class MyWorkTestsOnPostgres(PostgresApp fx) : MyWorkTests(fx);
