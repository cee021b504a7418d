using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// The account security findings: links in e-mail and the hosts the app answers, not telling who has an account,
/// sessions that end when they should, and limits on the forms that send e-mail.
public abstract partial class AccountSecurityTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private HttpClient ClientOn(string baseAddress, SamverkaFactory? app = null) =>
        (app ?? App).CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = true });

    private async Task<string> NewAccountAsync(string prefix, string password = "the right password", SamverkaFactory? app = null)
    {
        var email = Web.UniqueEmail(prefix);
        using var scope = (app ?? App).Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Person " + prefix, EmailConfirmed = true }, password)).Succeeded);
        return email;
    }

    [GeneratedRegex("<div class=\"error-summary\"[\\s\\S]*?</div>")]
    private static partial Regex ErrorSummary();

    private static async Task<string> ErrorsOf(HttpResponseMessage response) =>
        Regex.Replace(ErrorSummary().Match(await response.Content.ReadAsStringAsync()).Value, "\\s+", " ");

    // ---- 1. Links in e-mail and the hosts the app answers

    [Fact]
    public async Task A_request_for_an_unknown_host_is_refused()
    {
        var evil = ClientOn("http://evil.example");
        Assert.Equal(HttpStatusCode.BadRequest, (await evil.GetAsync("/account/forgot-password")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await evil.PostAsync("/account/forgot-password",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "someone@test.example" }))).StatusCode);
        // The configured host and loopback are served.
        Assert.Equal(HttpStatusCode.OK, (await ClientOn("http://localhost").GetAsync("/account/forgot-password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientOn("http://127.0.0.1").GetAsync("/account/forgot-password")).StatusCode);
    }

    [Fact]
    public async Task Reset_links_come_from_the_configured_base_whatever_host_the_request_names()
    {
        var email = await NewAccountAsync("host");
        // 127.0.0.1 is served (loopback) but is not the configured base, http://localhost.
        var client = ClientOn("http://127.0.0.1");
        var ask = await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        var mail = await App.WaitForMailAsync(email, m => m.Subject.Contains("nytt lösenord"));
        Assert.Contains("http://localhost/account/reset-password?", mail.TextBody);
        Assert.DoesNotContain("127.0.0.1", mail.TextBody);
    }

    [Fact]
    public async Task Calendar_uids_do_not_depend_on_the_requested_host()
    {
        static async Task<List<string>> Uids(HttpClient c) =>
            Regex.Matches(await (await c.GetAsync("/api/v1/municipalities/2081/calendar.ics")).Content.ReadAsStringAsync(), "UID:(\\S+)")
                .Select(m => m.Groups[1].Value).ToList();
        var one = await Uids(ClientOn("http://localhost"));
        var other = await Uids(ClientOn("http://127.0.0.1"));
        Assert.NotEmpty(one);
        Assert.Equal(one, other);
    }

    [Fact]
    public void The_app_refuses_to_start_without_a_public_base_url_outside_development()
    {
        using var app = new SamverkaFactory(fx.Provider, settings: new() { ["Samverka:PublicBaseUrl"] = "" });
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("PublicBaseUrl", error.ToString());
    }

    // ---- 7. Who has an account cannot be found out

    [Fact]
    public async Task Registering_a_taken_address_answers_exactly_like_a_new_one()
    {
        var taken = await NewAccountAsync("taken");
        var fresh = Web.UniqueEmail("fresh");
        async Task<HttpResponseMessage> Register(string email, string password) =>
            await App.Browser().SubmitAsync("/account/register", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Some One", ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
            });

        // A password the framework's rules refuse (too few different characters): the same refusal for both.
        var weakTaken = await Register(taken, "aaaaaaaaaaaa");
        var weakFresh = await Register(fresh, "aaaaaaaaaaaa");
        Assert.Equal(HttpStatusCode.OK, weakFresh.StatusCode);
        Assert.Equal(weakFresh.StatusCode, weakTaken.StatusCode);
        Assert.Equal(await ErrorsOf(weakFresh), await ErrorsOf(weakTaken));
        Assert.Contains("olika tecken", await ErrorsOf(weakTaken));

        var goodTaken = await Register(taken, "a perfectly good password");
        var goodFresh = await Register(fresh, "a perfectly good password");
        Assert.Equal(HttpStatusCode.Redirect, goodTaken.StatusCode);
        Assert.Equal(goodFresh.StatusCode, goodTaken.StatusCode);
        Assert.Equal(goodFresh.Headers.Location, goodTaken.Headers.Location);
        // The holder of the address hears about it; the account is unchanged.
        var notice = await App.WaitForMailAsync(taken, m => m.Subject.Contains("redan ett konto"));
        Assert.Contains("/account/forgot-password", notice.TextBody);
        Assert.Equal(1, App.With(db => db.Users.Count(u => u.Email == taken)));
    }

    [Fact]
    public async Task A_failed_sign_in_answers_the_same_for_a_real_and_an_unknown_address()
    {
        var real = await NewAccountAsync("real");
        var unknown = Web.UniqueEmail("nobody");
        for (var i = 0; i < 6; i++)
        {
            var forReal = await App.Browser().SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = real, ["Input.Password"] = "wrong password " + i });
            var forUnknown = await App.Browser().SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = unknown, ["Input.Password"] = "wrong password " + i });
            Assert.Equal(HttpStatusCode.OK, forReal.StatusCode);
            Assert.Equal(forReal.StatusCode, forUnknown.StatusCode);
            var errors = await ErrorsOf(forReal);
            Assert.Contains("Fel e-postadress eller lösenord", errors);
            Assert.Equal(errors, await ErrorsOf(forUnknown));
        }
    }

    // ---- 9. Sessions end when they should

    private static async Task SignOutAsync(HttpClient client)
    {
        var home = await client.HtmlAsync("/");
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Web.Token(home) }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private HttpClient WithCookie(string cookie)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task<string> AuthCookieAsync(HttpClient signedIn)
    {
        // The cookie container answers with what the browser would send.
        var response = await signedIn.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = response.RequestMessage!;
        return request.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : throw new InvalidOperationException("no cookie sent");
    }

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var response = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_stops_working_after_it()
    {
        var email = await NewAccountAsync("copy");
        var client = App.Browser();
        await client.SignInAsync(email, "the right password");
        var copied = WithCookie(await AuthCookieAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/account")).StatusCode);

        await SignOutAsync(client);
        await AssertSignedOutAsync(copied);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_tells_the_holder()
    {
        var email = await NewAccountAsync("other", "the first password");
        var laptop = App.Browser();
        var phone = App.Browser();
        await laptop.SignInAsync(email, "the first password");
        await phone.SignInAsync(email, "the first password");

        var changed = await laptop.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "the first password", ["Input.Password"] = "the second password", ["Input.ConfirmPassword"] = "the second password",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account")).StatusCode);
        await AssertSignedOutAsync(phone);
        var notice = await App.WaitForMailAsync(email, m => m.Subject.Contains("lösenord är bytt"));
        Assert.Contains("/account/forgot-password", notice.TextBody);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_other_session()
    {
        var email = await NewAccountAsync("everywhere");
        var laptop = App.Browser();
        var phone = App.Browser();
        await laptop.SignInAsync(email, "the right password");
        await phone.SignInAsync(email, "the right password");

        var account = await laptop.HtmlAsync("/account");
        Assert.Contains("Logga ut på alla andra enheter", account);
        var response = await laptop.PostAsync("/account?handler=signOutEverywhere",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Web.Token(account) }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account")).StatusCode);
        await AssertSignedOutAsync(phone);
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_and_tells_the_holder()
    {
        var email = await NewAccountAsync("resetnotice", "the old password");
        var signedIn = App.Browser();
        await signedIn.SignInAsync(email, "the old password");
        var client = App.Browser();
        await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var mail = await App.WaitForMailAsync(email, m => m.Subject.Contains("nytt lösenord"));
        var link = Web.LinkIn(mail, "/account/reset-password");
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!;
        var reset = await client.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Code"] = code, ["Input.Password"] = "the brand new password", ["Input.ConfirmPassword"] = "the brand new password",
        }, action: "/account/reset-password");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await AssertSignedOutAsync(signedIn);
        await App.WaitForMailAsync(email, m => m.Subject.Contains("lösenord är bytt"));
    }

    [Fact]
    public async Task Cookies_are_secure_over_https_and_work_over_plain_http()
    {
        var https = ClientOn("https://localhost");
        var login = await https.GetAsync("/account/login");
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("samverka.af="));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var form = new Dictionary<string, string>
        {
            ["Input.Email"] = "handlaggare@borlange.example", ["Input.Password"] = Web.DemoPassword,
            ["__RequestVerificationToken"] = Web.Token(await login.Content.ReadAsStringAsync()),
        };
        var signIn = await https.PostAsync("/account/login", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("samverka.auth="));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);

        var http = await App.Browser().GetAsync("/account/login");
        Assert.DoesNotContain("secure", http.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("samverka.af=")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Answers_for_a_signed_in_person_are_not_stored_by_caches()
    {
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        foreach (var url in new[] { "/api/v1/municipalities/2081/team", "/account" })
        {
            var response = await officer.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{url} has Cache-Control: {response.Headers.CacheControl}");
        }
        // Public answers to anonymous visitors stay cacheable as they were.
        var open = await App.Browser().GetAsync("/api/v1/municipalities");
        Assert.NotEqual(true, open.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Data_protection_keys_are_encrypted_with_the_configured_certificate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "samverka-tests", "cert-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Samverka data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx secret"));
        }
        try
        {
            using var app = new SamverkaFactory(fx.Provider, settings: new()
            {
                ["DataProtection:CertificatePath"] = path, ["DataProtection:CertificatePassword"] = "pfx secret",
                ["Database:SeedDemoDataOnFirstStart"] = "false",
            });
            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            Assert.Equal("hello", protector.Unprotect(protector.Protect("hello")));
            var keys = await app.WithAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml);
                Assert.DoesNotContain("unencrypted form", xml);
            });
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    // ---- 12. Limits on the forms that send e-mail

    private static async Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("För många försök", html);
        Assert.Contains("<html lang=\"sv\"", html);
    }

    [Fact]
    public async Task Mail_to_one_address_is_limited_whoever_asks()
    {
        // The default is three such e-mails to one address in fifteen minutes; each attempt from a new client.
        var email = await NewAccountAsync("flood");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await ForgotAsync(App.Browser(), email)).StatusCode);
        await AssertTooManyAsync(await ForgotAsync(App.Browser(), email));
        // Registering with the address counts too, and answers the same way for a taken address.
        var register = await App.Browser().SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Flood", ["Input.Email"] = email, ["Input.Password"] = "a long enough password", ["Input.ConfirmPassword"] = "a long enough password",
        });
        await AssertTooManyAsync(register);
        // An unknown address has the same limit, so the limit tells nothing either.
        var unknown = Web.UniqueEmail("unknownflood");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await ForgotAsync(App.Browser(), unknown)).StatusCode);
        await AssertTooManyAsync(await ForgotAsync(App.Browser(), unknown));
        // Another address is not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await ForgotAsync(App.Browser(), Web.UniqueEmail("other"))).StatusCode);
    }

    [Fact]
    public async Task One_client_is_limited_on_each_form_that_sends_mail()
    {
        using var app = new SamverkaFactory(fx.Provider, settings: new() { ["RateLimits:PerClient"] = "2" });
        await app.InitializeAsync();
        var client = ClientOn("http://localhost", app);

        async Task<HttpResponseMessage> Register() => await client.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Many", ["Input.Email"] = Web.UniqueEmail("many"), ["Input.Password"] = "a long enough password", ["Input.ConfirmPassword"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.Redirect, (await Register()).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Register()).StatusCode);
        await AssertTooManyAsync(await Register());

        Assert.Equal(HttpStatusCode.Redirect, (await ForgotAsync(client, Web.UniqueEmail("a"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ForgotAsync(client, Web.UniqueEmail("b"))).StatusCode);
        await AssertTooManyAsync(await ForgotAsync(client, Web.UniqueEmail("c")));

        // Signed in, the client is the account: questions about a need and invitations.
        var dalia = ClientOn("http://localhost", app);
        await dalia.SignInAsync("admin@dalia.example");
        var need = Regex.Match(await dalia.HtmlAsync("/needs"), "href=\"/needs/([0-9a-f-]{36})\"").Groups[1].Value;
        async Task<HttpResponseMessage> Ask() => await dalia.SubmitAsync($"/needs/{need}",
            new Dictionary<string, string> { ["QuestionText"] = "En fråga om behovet " + Guid.NewGuid().ToString("N")[..6] }, action: $"/needs/{need}?handler=ask");
        Assert.Equal(HttpStatusCode.Redirect, (await Ask()).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Ask()).StatusCode);
        await AssertTooManyAsync(await Ask());
        // Other things on the same page are not limited.
        Assert.Equal(HttpStatusCode.OK, (await dalia.GetAsync($"/needs/{need}")).StatusCode);

        var admin = ClientOn("http://localhost", app);
        await admin.SignInAsync("kommunadmin@borlange.example");
        async Task<HttpResponseMessage> Invite() => await admin.SubmitAsync("/invitations/new?tenant=2081", new Dictionary<string, string>
        {
            ["Input.Email"] = Web.UniqueEmail("invitee"), ["Input.Role"] = "Officer",
        });
        Assert.Equal(HttpStatusCode.Redirect, (await Invite()).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Invite()).StatusCode);
        await AssertTooManyAsync(await Invite());
    }
}

[Collection(SqliteCollection.Name)] public sealed class AccountSecurityTestsOnSqlite(SqliteApp fx) : AccountSecurityTests(fx);
[Collection(PostgresCollection.Name)] public sealed class AccountSecurityTestsOnPostgres(PostgresApp fx) : AccountSecurityTests(fx);
