namespace Samverka.Platform.Email;

/// Absolute links for e-mail. Uses Samverka:PublicBaseUrl when set (behind a proxy), otherwise the request's host.
public sealed class PublicUrls(IHttpContextAccessor http, IConfiguration config)
{
    /// The site's root address, without a trailing slash.
    public string Root => Absolute("");

    public string Absolute(string pathAndQuery)
    {
        var configured = config["Samverka:PublicBaseUrl"];
        var request = http.HttpContext?.Request;
        var root = !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root + pathAndQuery;
    }
}
