using System.Net;
using System.Text.RegularExpressions;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

public abstract partial class HttpTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    [Fact]
    public async Task Health_check_reaches_the_database()
    {
        var response = await App.Browser().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_public_api()
    {
        var json = await App.Browser().HtmlAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/municipalities\"", json);
        Assert.Contains("\"/api/v1/organisations\"", json);
    }

    /// Browsers ask for /favicon.ico on every page; it must be an icon for everyone, never a 404 or a sign-in redirect
    /// (each of which is a console error), and the layout names the icons.
    [Fact]
    public async Task The_site_icon_is_served_to_everyone_and_linked_from_every_page()
    {
        var anonymous = App.Browser();
        var signedIn = App.Browser();
        await signedIn.SignInAsync("handlaggare@borlange.example");
        foreach (var client in new[] { anonymous, signedIn })
        {
            var ico = await client.GetAsync("/favicon.ico");
            Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
            Assert.Equal("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
            Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await ico.Content.ReadAsByteArrayAsync())[..4]);
            var svg = await client.GetAsync("/favicon.svg");
            Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
            Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        }
        var html = await anonymous.HtmlAsync("/");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", html);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", html);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await App.Browser().GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_scripts_or_styles()
    {
        foreach (var url in new[] { "/", "/municipalities", "/organisations", "/account/login", "/account/register" })
        {
            var html = await App.Browser().HtmlAsync(url);
            // Only scripts from our own files; JSON-LD data blocks are not executed and are allowed.
            Assert.DoesNotMatch(new Regex("<script(?![^>]*\\ssrc=)(?![^>]*type=\"application/ld\\+json\")", RegexOptions.IgnoreCase), html);
            Assert.DoesNotContain(" style=\"", html);
            Assert.DoesNotContain("<style", html);
        }
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_rejected()
    {
        var response = await App.Browser().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@samverka.example", ["Input.Password"] = Web.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Unknown_addresses_answer_404_with_a_friendly_page()
    {
        var response = await App.Browser().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Swedish_is_the_default_and_english_comes_from_query_header_or_the_remembered_choice()
    {
        var client = App.Browser();
        Assert.Contains("<html lang=\"sv\">", await client.HtmlAsync("/"));
        Assert.Contains("Municipalities and regions", await client.HtmlAsync("/municipalities?culture=en"));

        var request = new HttpRequestMessage(HttpMethod.Get, "/municipalities");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");
        var byHeader = await client.SendAsync(request);
        Assert.Contains("<html lang=\"en\">", await byHeader.Content.ReadAsStringAsync());

        var home = await client.HtmlAsync("/municipalities");
        var switched = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "/municipalities?culture=sv", ["__RequestVerificationToken"] = Web.Token(home),
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/municipalities", switched.Headers.Location!.OriginalString);
        Assert.Contains("Municipalities and regions", await client.HtmlAsync("/municipalities"));
        Assert.Contains("Municipalities and regions", await client.HtmlAsync("/municipalities"));
    }

    [Fact]
    public async Task Language_switch_refuses_to_redirect_off_site()
    {
        var client = App.Browser();
        var home = await client.HtmlAsync("/");
        var switched = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "https://evil.example/", ["__RequestVerificationToken"] = Web.Token(home),
        }));
        Assert.Equal("/", switched.Headers.Location!.OriginalString);
    }

    [GeneratedRegex(@"(?<![\w/.-])(Nav|Field|Common|Validation|Layout|Home|Role|Team|Audit|Error|Login|Register|Invite|Invitation|Account|Municipalities|Organisations|Admin|Jobs|Pagination|Country|LegalForm|Status|Entity)\.[A-Z]\w+")]
    private static partial Regex ResourceKey();

    public static TheoryData<string, string> PublicPages => new()
    {
        { "/", "sv" }, { "/", "en" },
        { "/municipalities", "sv" }, { "/municipalities", "en" },
        { "/municipalities/2081", "sv" }, { "/municipalities/2081", "en" },
        { "/organisations", "sv" }, { "/organisations", "en" },
        { "/account/login", "sv" }, { "/account/login", "en" },
        { "/account/register", "sv" }, { "/account/register", "en" },
        { "/account/forgot-password", "sv" }, { "/account/forgot-password", "en" },
        { "/accessibility", "sv" }, { "/accessibility", "en" },
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Pages_show_no_untranslated_resource_keys(string url, string culture)
    {
        var html = await App.Browser().HtmlAsync($"{url}?culture={culture}");
        var text = Regex.Replace(html, "<[^>]+>", " ");
        var leftovers = ResourceKey().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(leftovers.Count == 0, $"{url} ({culture}) shows raw keys: {string.Join(", ", leftovers)}");
        Assert.Contains($"<html lang=\"{culture}\">", html);
    }
}

[Collection(SqliteCollection.Name)] public sealed class HttpTestsOnSqlite(SqliteApp fx) : HttpTests(fx);
[Collection(PostgresCollection.Name)] public sealed class HttpTestsOnPostgres(PostgresApp fx) : HttpTests(fx);
