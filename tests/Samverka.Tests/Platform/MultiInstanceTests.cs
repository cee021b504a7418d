using System.Net;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task A_change_made_on_one_instance_reaches_the_other_instances_search_index()
    {
        using var first = new SamverkaFactory(Provider.Postgres);
        await first.InitializeAsync();
        using var second = new SamverkaFactory(Provider.Postgres, sharedConnectionString: first.ConnectionString);
        await second.InitializeAsync();
        var marker = "kvastboll" + Guid.NewGuid().ToString("N")[..6];
        await first.WithAsync(async db =>
        {
            var o = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Set<Samverka.Features.Register.Organisation>(), x => x.Name == "Kodcentrum");
            o.Description += " " + marker;
            return await db.SaveChangesAsync();
        });
        Assert.Contains(marker, await first.Browser().GetStringAsync($"/organisations?q={marker}"));
        // The second instance learns of it from the change table (its follower polls; here we ask it at once).
        await second.Services.GetRequiredService<Samverka.Features.Register.Search.RegisterIndexFollower>().CatchUpAsync(CancellationToken.None);
        var found = await second.Browser().GetStringAsync($"/api/v1/organisations?q={marker}");
        Assert.Contains("Kodcentrum", found);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];
}
