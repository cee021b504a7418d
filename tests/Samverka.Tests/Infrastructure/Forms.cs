using System.Net;
using System.Text.RegularExpressions;

namespace Samverka.Tests.Infrastructure;

/// A form as a browser would have it after loading its page: the antiforgery token and every hidden field the
/// page put in it (such as the version of the record being edited), ready to post later — for tests that load
/// several forms first and post them together.
public static partial class Forms
{
    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();

    public static async Task<Func<Task<HttpResponseMessage>>> LoadAsync(this HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var get = await client.GetAsync(page);
        var html = await get.Content.ReadAsStringAsync();
        if (get.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {page} answered {(int)get.StatusCode}");
        var form = new List<KeyValuePair<string, string>>();
        var given = fields.Select(f => f.Key).ToHashSet();
        foreach (Match m in HiddenPattern().Matches(html))
            if (m.Groups[1].Value != "__RequestVerificationToken" && !given.Contains(m.Groups[1].Value))
                form.Add(new(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        form.AddRange(fields);
        form.Add(new("__RequestVerificationToken", Web.Token(html)));
        return () => client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }
}
