using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Features.Register;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

/// An organisation registers or claims its entry; the home municipality's staff decide.
public abstract class SelfServiceTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private async Task<(HttpClient Client, string Email)> NewUserAsync()
    {
        var email = Web.UniqueEmail("org");
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Olle Ordförande", EmailConfirmed = true }, "a long enough password")).Succeeded);
        }
        var client = App.Browser();
        await client.SignInAsync(email, "a long enough password");
        return (client, email);
    }

    private static Dictionary<string, string> NewOrganisation(string name, string municipality = "2081", string? number = null) => new()
    {
        ["Input.Name"] = name, ["Input.LegalForm"] = "NonProfitAssociation", ["Input.CountryCode"] = "SE",
        ["Input.OrganisationNumber"] = number ?? "", ["Input.HomeMunicipality"] = municipality,
        ["Input.Description"] = "Vi ordnar läxhjälp och spelkvällar för unga i stadsdelen.", ["Input.Areas"] = "education",
    };

    [Fact]
    public async Task A_new_organisation_waits_for_the_officer_and_then_appears_in_search()
    {
        var (client, email) = await NewUserAsync();
        var name = "Läxhjälpen " + Guid.NewGuid().ToString("N")[..6];
        var created = await client.SubmitAsync("/organisations/new", NewOrganisation(name));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var org = await App.WithAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Name == name));
        Assert.Equal(VerificationStatus.Pending, org.Status);
        Assert.True(await App.WithAsync(db => db.RoleAssignments.AnyAsync(r => r.User!.Email == email && r.OrganisationId == org.Id && r.Role == Role.OrganisationAdmin)));
        await App.WaitForMailAsync("handlaggare@borlange.example", m => m.Subject.Contains(name));
        Assert.Contains("\"total\":0", await App.Browser().GetStringAsync($"/api/v1/organisations?q={Uri.EscapeDataString(name)}"));

        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var desk = await officer.HtmlAsync("/municipalities/2081/register");
        Assert.Contains(name, desk);
        var verified = await officer.PostAsync("/municipalities/2081/register?handler=Organisation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision.Id"] = org.Id.ToString(), ["Decision.Approve"] = "true", ["__RequestVerificationToken"] = Web.Token(desk),
        }));
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Contains($"href=\"/organisations/{org.Id}\"", await App.Browser().HtmlAsync($"/organisations?q={Uri.EscapeDataString(name)}"));
        await App.WaitForMailAsync(email, m => m.Subject.Contains("godkänd"));
    }

    /// Ten digits with a wrong last digit: the message names the check digit, not the length the person already gave.
    [Theory]
    [InlineData("802497-3125", "Kontrollsiffran")]
    [InlineData("802497-312", "tio siffror")]
    [InlineData("850101-1236", "personnummer")]
    public async Task A_wrong_organisation_number_is_explained_for_what_is_wrong(string number, string explained)
    {
        var (client, _) = await NewUserAsync();
        var name = "Fel nummer " + Guid.NewGuid().ToString("N")[..6];
        var response = await client.SubmitAsync("/organisations/new", NewOrganisation(name, number: number));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(explained, System.Net.WebUtility.HtmlDecode(html));
        if (number.Replace("-", "").Length == 10) Assert.DoesNotContain("med tio siffror", System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_which_the_organisation_sees()
    {
        var (client, _) = await NewUserAsync();
        var name = "Avslagna föreningen " + Guid.NewGuid().ToString("N")[..6];
        await client.SubmitAsync("/organisations/new", NewOrganisation(name));
        var org = await App.WithAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Name == name));
        var officer = App.Browser();
        await officer.SignInAsync("samordnare@borlange.example");
        var desk = await officer.HtmlAsync("/municipalities/2081/register");
        var noReason = await officer.PostAsync("/municipalities/2081/register?handler=Organisation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision.Id"] = org.Id.ToString(), ["Decision.Approve"] = "false", ["Decision.Reason"] = "", ["__RequestVerificationToken"] = Web.Token(desk),
        }));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Skriv ett skäl till avslaget.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(VerificationStatus.Pending, (await App.WithAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == org.Id))).Status);

        await officer.PostAsync("/municipalities/2081/register?handler=Organisation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision.Id"] = org.Id.ToString(), ["Decision.Approve"] = "false", ["Decision.Reason"] = "Beskrivningen saknar verksamhet i kommunen.",
            ["__RequestVerificationToken"] = Web.Token(desk),
        }));
        Assert.Contains("Beskrivningen saknar verksamhet i kommunen.", await client.HtmlAsync($"/organisations/{org.Id}"));
    }

    [Fact]
    public async Task Probable_duplicates_are_shown_before_anything_is_saved()
    {
        var (client, _) = await NewUserAsync();
        var dalia = await App.WithAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Name == "Tjejjouren Dalia"));

        var sameNumber = await client.SubmitAsync("/organisations/new", NewOrganisation("Helt annat namn", "2080", dalia.OrganisationNumber));
        var html = await sameNumber.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sameNumber.StatusCode);
        Assert.Contains("samma organisationsnummer", html);
        Assert.Contains($"/organisations/{dalia.Id}/claim", html);

        var similar = await client.SubmitAsync("/organisations/new", NewOrganisation("Tjejjouren Dalla"));
        Assert.Contains("liknande namn i samma kommun", await similar.Content.ReadAsStringAsync());
        Assert.False(await App.WithAsync(db => db.Set<Organisation>().AnyAsync(o => o.Name == "Tjejjouren Dalla" || o.Name == "Helt annat namn")));

        var fields = NewOrganisation("Tjejjouren Dalla");
        fields["NotADuplicate"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/organisations/new", fields)).StatusCode);
        Assert.True(await App.WithAsync(db => db.Set<Organisation>().AnyAsync(o => o.Name == "Tjejjouren Dalla")));
    }

    [Fact]
    public async Task A_claim_is_decided_by_the_home_municipality_only()
    {
        var (client, email) = await NewUserAsync();
        var kodcentrum = await App.WithAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Name == "Kodcentrum"));
        var sent = await client.SubmitAsync($"/organisations/{kodcentrum.Id}/claim", new Dictionary<string, string> { ["Input.Message"] = "Jag leder klubben i Falun sedan 2022." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var claim = await App.WithAsync(db => db.Set<OrganisationClaim>().AsNoTracking().SingleAsync(c => c.OrganisationId == kodcentrum.Id && c.Status == ClaimStatus.Pending));

        // Borlänge's officer cannot see or decide Falun's claims.
        var borlange = App.Browser();
        await borlange.SignInAsync("handlaggare@borlange.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await borlange.GetAsync("/municipalities/2080/register")).StatusCode);
        var token = Web.Token(await borlange.HtmlAsync("/municipalities/2081/register"));
        var wrongDesk = await borlange.PostAsync("/municipalities/2081/register?handler=Claim", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision.Id"] = claim.Id.ToString(), ["Decision.Approve"] = "true", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, wrongDesk.StatusCode);

        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        var desk = await falun.HtmlAsync("/municipalities/2080/register");
        Assert.Contains("Jag leder klubben i Falun sedan 2022.", desk);
        var approved = await falun.PostAsync("/municipalities/2080/register?handler=Claim", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision.Id"] = claim.Id.ToString(), ["Decision.Approve"] = "true", ["__RequestVerificationToken"] = Web.Token(desk),
        }));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/organisations/{kodcentrum.Id}/edit")).StatusCode);
        await App.WaitForMailAsync(email, m => m.Subject.Contains("Kodcentrum"));
    }

    [Fact]
    public void Name_similarity_ignores_case_accents_and_the_word_forening()
    {
        Assert.Equal(1.0, DuplicateFinder.Similarity("Idrottsföreningen Kvarnen", "idrottsforeningen kvarnen"), 3);
        Assert.True(DuplicateFinder.Similarity("Tjejjouren Dalia", "Tjejjouren Dalla") >= DuplicateFinder.SimilarityThreshold);
        Assert.True(DuplicateFinder.Similarity("Schackklubben Falun", "Fotbollsklubben Falun") < DuplicateFinder.SimilarityThreshold);
    }
}

[Collection(SqliteCollection.Name)] public sealed class SelfServiceTestsOnSqlite(SqliteApp fx) : SelfServiceTests(fx);
[Collection(PostgresCollection.Name)] public sealed class SelfServiceTestsOnPostgres(PostgresApp fx) : SelfServiceTests(fx);
