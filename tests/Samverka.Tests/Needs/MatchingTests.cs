using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Needs.Matching;
using Samverka.Features.Register;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Needs;

/// Matching needs and organisations: the API and the officer's page with reasons, invitations, following a need,
/// and the needs that fit an organisation (their digest is in NotificationTests).
public abstract class MatchingTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private async Task<string> NeedIdAsync(string title) =>
        Regex.Match(await App.Browser().HtmlAsync("/needs"), $"href=\"/needs/([0-9a-f-]{{36}})\">{Regex.Escape(title)}").Groups[1].Value;

    private Guid Dalia => App.With(db => db.Set<Organisation>().Where(o => o.Name == "Tjejjouren Dalia").Select(o => o.Id).Single());

    [Fact]
    public async Task The_api_ranks_organisations_for_a_need_with_reasons_and_Dalia_is_in_the_top_five()
    {
        var id = await NeedIdAsync("Stöd för ungas psykiska hälsa");
        var json = JsonNode.Parse(await App.Browser().GetStringAsync($"/api/v1/needs/{id}/matches"))!;
        var items = json["items"]!.AsArray();
        Assert.True(items.Count >= 5);
        var top5 = items.Take(5).Select(i => i!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Tjejjouren Dalia", top5);
        var scores = items.Select(i => i!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.All(scores, s => Assert.InRange(s, 0, 100));

        var dalia = items.Single(i => i!["name"]!.GetValue<string>() == "Tjejjouren Dalia")!;
        Assert.Equal(Dalia, Guid.Parse(dalia["organisationId"]!.GetValue<string>()));
        var reasons = dalia["reasons"]!.AsArray().ToDictionary(r => r!["code"]!.GetValue<string>(), r => r!["text"]!.GetValue<string>());
        Assert.Contains("psykisk hälsa", reasons["area"]);
        Assert.Equal("Verkar i Borlänge", reasons["place"]);
        Assert.Contains("age", reasons.Keys);
        Assert.Contains("targetGroup", reasons.Keys);
        // The words shown are the organisation's own, not the index's stems.
        Assert.Matches("psykisk", reasons["text"]);

        // An organisation working on something else entirely is not ranked above Dalia.
        Assert.DoesNotContain("Seniorernas Träffpunkt Borlänge", top5);

        var english = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/needs/{id}/matches?pageSize=3");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = JsonNode.Parse(await (await App.Browser().SendAsync(english)).Content.ReadAsStringAsync())!;
        Assert.Equal(3, en["items"]!.AsArray().Count);
        Assert.Contains(en["items"]!.AsArray().SelectMany(i => i!["reasons"]!.AsArray()), r => r!["text"]!.GetValue<string>() == "Works in Borlänge");
    }

    [Fact]
    public async Task Drafts_and_unknown_needs_have_no_public_matches()
    {
        var draft = App.With(db => db.Set<Need>().Where(n => n.Status == NeedStatus.Draft).Select(n => n.Id).First());
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/api/v1/needs/{draft}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/api/v1/needs/{Guid.NewGuid()}/matches")).StatusCode);
    }

    [Fact]
    public async Task An_officer_sees_matches_with_reasons_and_invites_an_organisation_which_is_told_by_mail()
    {
        var id = await NeedIdAsync("Fler unga i föreningslivet i Jakobsgårdarna och Tjärna ängar");
        var page = $"/municipalities/2081/needs/{id}/matches";

        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Browser().GetAsync(page)).StatusCode); // to sign-in

        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var html = await officer.HtmlAsync(page);
        var basket = App.With(db => db.Set<Organisation>().Where(o => o.Name == "Borlänge Basket").Select(o => o.Id).Single());
        Assert.Contains("Borlänge Basket", html);
        Assert.Contains("Arbetar på arabiska, somaliska", html);
        Assert.Contains("Verkar i Borlänge", html);

        // Another municipality's officer cannot invite through this page either.
        var forged = await falun.PostAsync(page + "?handler=invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organisationId"] = basket.ToString(), ["__RequestVerificationToken"] = Web.Token(await falun.HtmlAsync("/needs")),
        }));
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);

        var invite = await officer.SubmitAsync(page, new Dictionary<string, string> { ["organisationId"] = basket.ToString() }, action: page + "?handler=invite");
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        var after = await officer.HtmlAsync(page);
        Assert.Contains("Inbjuden", after);
        // Basket has neither an admin account nor a public address: the officer is told no mail went out.
        Assert.Contains("Borlänge Basket är inbjuden, men har ingen e-postadress i registret", after);
        // Inviting twice keeps one invitation.
        await officer.SubmitAsync(page, new Dictionary<string, string> { ["organisationId"] = basket.ToString() }, action: page + "?handler=invite");
        Assert.Equal(1, App.With(db => db.Set<NeedInvitation>().Count(i => i.NeedId == Guid.Parse(id) && i.OrganisationId == basket)));

        // Dalia's admins get the invitation by mail.
        var dalia = Dalia;
        await officer.SubmitAsync(page, new Dictionary<string, string> { ["organisationId"] = dalia.ToString() }, action: page + "?handler=invite");
        var mail = await App.WaitForMailAsync("admin@dalia.example", m => m.Subject.Contains("Fler unga i föreningslivet"));
        Assert.Contains("Borlänge bjuder in er", mail.Subject);
        Assert.Contains($"/needs/{id}", mail.TextBody);

        var member = App.Browser();
        await member.SignInAsync("medlem@dalia.example");
        Assert.Contains("har bjudit in Tjejjouren Dalia att svara", await member.HtmlAsync($"/needs/{id}"));
        Assert.Contains("Fler unga i föreningslivet", await member.HtmlAsync($"/organisations/{dalia}/needs"));
    }

    [Fact]
    public async Task An_organisation_sees_the_needs_that_fit_it_and_only_its_members_may_look()
    {
        var dalia = Dalia;
        var member = App.Browser();
        await member.SignInAsync("medlem@dalia.example");
        var html = await member.HtmlAsync($"/organisations/{dalia}/needs");
        Assert.Contains("Stöd för ungas psykiska hälsa", html);
        Assert.DoesNotContain("Mötesplatser för äldre", html); // a draft

        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/organisations/{dalia}/needs")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Browser().GetAsync($"/organisations/{dalia}/needs")).StatusCode);
    }

    [Fact]
    public async Task Followers_hear_when_a_question_is_answered_and_can_stop_following()
    {
        var id = await NeedIdAsync("Stöd för ungas psykiska hälsa");
        var follower = App.Browser();
        await follower.SignInAsync("medlem@dalia.example");
        Assert.Equal(HttpStatusCode.Redirect, (await follower.SubmitAsync($"/needs/{id}", new Dictionary<string, string>(), action: $"/needs/{id}?handler=follow")).StatusCode);
        Assert.Contains("Du följer behovet", await follower.HtmlAsync($"/needs/{id}"));

        var question = "Går det att söka för ett treårigt arbete? " + Guid.NewGuid().ToString("N")[..6];
        await follower.SubmitAsync($"/needs/{id}", new Dictionary<string, string> { ["QuestionText"] = question }, action: $"/needs/{id}?handler=ask");
        var questionId = App.With(db => db.Set<NeedQuestion>().Where(q => q.Text == question).Select(q => q.Id).Single());

        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        await officer.SubmitAsync($"/needs/{id}", new Dictionary<string, string> { ["ItemId"] = questionId.ToString(), ["ReplyText"] = "Ja, tre år går bra." },
            action: $"/needs/{id}?handler=answer");
        var mail = await App.WaitForMailAsync("medlem@dalia.example", m => m.Subject.Contains("Nytt om behovet") && m.TextBody.Contains("har fått ett svar"));
        Assert.Contains($"/needs/{id}", mail.TextBody);

        await follower.SubmitAsync($"/needs/{id}", new Dictionary<string, string> { ["stop"] = "true" }, action: $"/needs/{id}?handler=follow");
        Assert.Contains("Följ behovet", await follower.HtmlAsync($"/needs/{id}"));
        Assert.False(App.With(db => db.Set<NeedFollower>().Any(f => f.NeedId == Guid.Parse(id))));
    }

    [Fact]
    public async Task Merging_two_entries_keeps_the_merged_away_entrys_responses_and_invitations()
    {
        var need = Guid.Parse(await NeedIdAsync("Stöd för ungas psykiska hälsa"));
        var (target, source, userId) = await App.WithAsync(async db =>
        {
            var borlange = await db.Tenants.SingleAsync(t => t.Code == "2081");
            var user = await db.Users.SingleAsync(u => u.Email == "medlem@dalia.example");
            var now = DateTime.UtcNow;
            Organisation O(string name) => new()
            {
                Name = name, Description = "Samtalsstöd för unga.", LegalForm = LegalForm.NonProfitAssociation, HomeMunicipalityId = borlange.Id,
                Areas = ["mental-health"], Languages = ["sv"], LastConfirmedAt = now, CreatedAt = now, UpdatedAt = now,
            };
            var t = O("Ungdomsjouren " + Guid.NewGuid().ToString("N")[..5]);
            var s = O("Ungdomsjouren i Borlänge " + Guid.NewGuid().ToString("N")[..5]);
            db.AddRange(t, s);
            db.Add(new NeedResponse { NeedId = need, TenantId = borlange.Id, OrganisationId = s.Id, Kind = NeedResponseKind.Interest, Text = "Vi vill vara med.", SubmittedByUserId = user.Id, SubmittedAt = now });
            db.Add(new NeedInvitation { NeedId = need, TenantId = borlange.Id, OrganisationId = s.Id, InvitedByUserId = user.Id, InvitedAt = now });
            db.Add(new NeedInvitation { NeedId = need, TenantId = borlange.Id, OrganisationId = t.Id, InvitedByUserId = user.Id, InvitedAt = now });
            await db.SaveChangesAsync();
            return (t.Id, s.Id, user.Id);
        });

        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Samverka.Platform.Data.AppDbContext>();
            var merge = scope.ServiceProvider.GetRequiredService<Samverka.Features.Register.Upkeep.MergeService>();
            var preview = await merge.PreviewAsync(target, source, default);
            await merge.MergeAsync(preview!.Target, preview.Source, userId, default);
        }

        Assert.True(App.With(db => db.Set<NeedResponse>().Any(r => r.OrganisationId == target && r.NeedId == need)));
        Assert.Equal(1, App.With(db => db.Set<NeedInvitation>().Count(i => i.OrganisationId == target && i.NeedId == need)));
        Assert.False(App.With(db => db.Set<NeedInvitation>().Any(i => i.OrganisationId == source)));
    }
}

[Collection(SqliteCollection.Name)] public sealed class MatchingTestsOnSqlite(SqliteApp fx) : MatchingTests(fx);
[Collection(PostgresCollection.Name)] public sealed class MatchingTestsOnPostgres(PostgresApp fx) : MatchingTests(fx);
