using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace Samverka.Tests.Infrastructure;

public static partial class Web
{
    public const string DemoPassword = Samverka.Platform.Identity.DemoAccounts.Password;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");

    /// Loads a page, takes its antiforgery token and posts the given fields to it (or to `action`), like a browser would.
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        var get = await client.GetAsync(page);
        var html = await get.Content.ReadAsStringAsync();
        if (get.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {page} answered {(int)get.StatusCode}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(html) };
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    public static async Task SignInAsync(this HttpClient client, string email, string password = DemoPassword)
    {
        var response = await client.SubmitAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<string> HtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// Waits for the job runner to deliver a message to the pickup folder.
    public static async Task<MimeMessage> WaitForMailAsync(this SamverkaFactory app, string to, Func<MimeMessage, bool>? match = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(app.PickupFolder))
            {
                foreach (var file in Directory.GetFiles(app.PickupFolder, "*.eml").OrderBy(f => f))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address.Equals(to, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(message) ?? true))
                        return message;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No e-mail to {to} arrived within {seconds} s.");
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();

    /// The first link in a message, as a path the test client can follow.
    public static string LinkIn(MimeMessage message, string containing)
    {
        var link = LinkPattern().Matches(message.TextBody).Select(m => m.Value).First(l => l.Contains(containing));
        var uri = new Uri(link);
        return uri.PathAndQuery;
    }

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@test.example";
}
