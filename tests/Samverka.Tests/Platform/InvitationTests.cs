using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

public abstract class InvitationTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    [Fact]
    public async Task Municipality_admin_invites_an_officer_who_joins_with_a_new_account()
    {
        var admin = App.Browser();
        await admin.SignInAsync("kommunadmin@borlange.example");
        var email = Web.UniqueEmail("officer");
        var sent = await admin.SubmitAsync("/invitations/new?tenant=2081", new Dictionary<string, string>
        {
            ["tenant"] = "2081", ["Input.Email"] = email, ["Input.Role"] = "Officer",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains($"<td>{email}</td>", await admin.HtmlAsync("/municipalities/2081/team"));

        var mail = await App.WaitForMailAsync(email);
        var link = Web.LinkIn(mail, "/account/invitation/");
        var invitee = App.Browser();
        var page = await invitee.HtmlAsync(link);
        Assert.Contains("handläggare", page);
        var accepted = await invitee.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "New Officer", ["Input.Password"] = "officer password 1", ["Input.ConfirmPassword"] = "officer password 1",
        }, action: link + "?handler=Register");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // The new officer now sees Borlänge's non-public team page, and the link cannot be used again.
        Assert.Contains("New Officer", await invitee.HtmlAsync("/municipalities/2081/team"));
        var reuse = await App.Browser().GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, reuse.StatusCode);
        var roles = await App.WithAsync(db => db.RoleAssignments.Where(r => r.User!.Email == email).Select(r => r.Role).ToListAsync());
        Assert.Equal([Role.Officer], roles);
    }

    [Fact]
    public async Task Existing_user_accepts_an_organisation_invitation_after_signing_in()
    {
        var orgAdmin = App.Browser();
        await orgAdmin.SignInAsync("admin@dalia.example");
        var dalia = await App.WithAsync(db => db.Set<Samverka.Features.Register.Organisation>().SingleAsync(o => o.Name == "Tjejjouren Dalia"));
        var sent = await orgAdmin.SubmitAsync($"/invitations/new?organisation={dalia.Id}", new Dictionary<string, string>
        {
            ["organisation"] = dalia.Id.ToString(), ["Input.Email"] = "handlaggare@falun.example", ["Input.Role"] = "OrganisationMember",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = await App.WaitForMailAsync("handlaggare@falun.example", m => m.Subject.Contains("Tjejjouren Dalia"));
        var link = Web.LinkIn(mail, "/account/invitation/");

        var falun = App.Browser();
        Assert.Contains("Logga in för att tacka ja", await falun.HtmlAsync(link));
        await falun.SignInAsync("handlaggare@falun.example");
        var accept = await falun.SubmitAsync(link, new Dictionary<string, string>(), action: link + "?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await falun.GetAsync($"/organisations/{dalia.Id}/team")).StatusCode);

        // Remove the role again so other tests see the demo data as it was.
        var assignment = await App.WithAsync(db => db.RoleAssignments.SingleAsync(r => r.User!.Email == "handlaggare@falun.example" && r.OrganisationId == dalia.Id));
        var confirm = await orgAdmin.HtmlAsync($"/organisations/{dalia.Id}/team?confirmRemove={assignment.Id}");
        Assert.Contains("Personen förlorar åtkomsten direkt", confirm);
        var removed = await orgAdmin.PostAsync($"/organisations/{dalia.Id}/team?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["assignmentId"] = assignment.Id.ToString(), ["__RequestVerificationToken"] = Web.Token(confirm),
        }));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync($"/organisations/{dalia.Id}/team")).StatusCode);
    }

    [Fact]
    public async Task Officers_cannot_invite_and_admins_cannot_invite_outside_their_scope()
    {
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/invitations/new?tenant=2081")).StatusCode);

        var admin = App.Browser();
        await admin.SignInAsync("kommunadmin@borlange.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/invitations/new?tenant=2080")).StatusCode);

        // A forged role value (platform admin) is refused by the rules, not just hidden in the list.
        var email = Web.UniqueEmail("forged");
        var forged = await admin.SubmitAsync("/invitations/new?tenant=2081", new Dictionary<string, string>
        {
            ["tenant"] = "2081", ["Input.Email"] = email, ["Input.Role"] = "PlatformAdmin",
        });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Du kan inte bjuda in till den rollen", await forged.Content.ReadAsStringAsync());
        Assert.False(await App.WithAsync(db => db.Invitations.AnyAsync(i => i.Email == email)));
    }

    [Fact]
    public async Task A_revoked_invitation_no_longer_works()
    {
        var admin = App.Browser();
        await admin.SignInAsync("kommunadmin@borlange.example");
        var email = Web.UniqueEmail("revoke");
        await admin.SubmitAsync("/invitations/new?tenant=2081", new Dictionary<string, string>
        {
            ["tenant"] = "2081", ["Input.Email"] = email, ["Input.Role"] = "Coordinator",
        });
        var link = Web.LinkIn(await App.WaitForMailAsync(email), "/account/invitation/");
        var invitation = await App.WithAsync(db => db.Invitations.SingleAsync(i => i.Email == email));
        var confirm = await admin.HtmlAsync($"/municipalities/2081/team?confirmRevoke={invitation.Id}");
        var revoked = await admin.PostAsync("/municipalities/2081/team?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["invitationId"] = invitation.Id.ToString(), ["__RequestVerificationToken"] = Web.Token(confirm),
        }));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync(link)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)] public sealed class InvitationTestsOnSqlite(SqliteApp fx) : InvitationTests(fx);
[Collection(PostgresCollection.Name)] public sealed class InvitationTestsOnPostgres(PostgresApp fx) : InvitationTests(fx);
