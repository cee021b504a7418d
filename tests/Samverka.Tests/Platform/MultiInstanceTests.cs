using System.Net;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// Two app instances on one PostgreSQL database behave as one: a cookie issued by one is honoured by the other,
/// because the data-protection keys live in the database. No sticky sessions needed.
public sealed class MultiInstanceTests
{
    [Fact]
    public async Task A_sign_in_on_one_instance_is_valid_on_another()
    {
        using var first = new SamverkaFactory(Provider.Postgres);
        await first.InitializeAsync();
        using var second = new SamverkaFactory(Provider.Postgres, sharedConnectionString: first.ConnectionString);
        await second.InitializeAsync();

        // Sign in on the first instance, keeping cookies by hand so they can be carried to the second.
        var a = first.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var login = await a.GetAsync("/account/login");
        var antiforgery = Cookies(login).Single(c => c.StartsWith("samverka.af="));
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "handlaggare@borlange.example", ["Input.Password"] = Web.DemoPassword,
                ["__RequestVerificationToken"] = Web.Token(await login.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await a.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = Cookies(signedIn).Single(c => c.StartsWith("samverka.auth="));

        var b = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", auth);
        var onSecond = await b.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("handlaggare@borlange.example", await onSecond.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];
}
