using Microsoft.Extensions.Options;

namespace Samverka.Platform.Email;

/// Samverka:PublicBaseUrl, the address people reach the site at. Required outside Development: links in e-mail must
/// never be built from the request's Host header, which anyone can set (a reset link on the attacker's host).
public sealed class PublicSiteOptions
{
    public const string Section = "Samverka";

    /// Kestrel's own default address, used in Development when neither a base nor `urls` is configured.
    public const string DevelopmentDefault = "http://localhost:5000";

    /// In Development the site is reached where it listens: the first of `urls` (`--urls` or ASPNETCORE_URLS), with a
    /// wildcard host read as localhost, so links in e-mail work on whatever port was chosen.
    public static string DevelopmentBase(IConfiguration config)
    {
        var first = config["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(first)) return DevelopmentDefault;
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
            if (first.Contains(wildcard, StringComparison.Ordinal)) first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(first, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? first.TrimEnd('/') : DevelopmentDefault;
    }

    public string? PublicBaseUrl { get; set; }

    /// The base as an absolute http(s) address, or null when it is missing or malformed.
    public Uri? BaseUri =>
        Uri.TryCreate(PublicBaseUrl?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? uri
            : null;

    /// The options as they will be bound, for settings that derive from them while services are registered.
    public static PublicSiteOptions Read(IConfiguration config, IHostEnvironment env)
    {
        var o = config.GetSection(Section).Get<PublicSiteOptions>() ?? new PublicSiteOptions();
        if (string.IsNullOrWhiteSpace(o.PublicBaseUrl) && env.IsDevelopment()) o.PublicBaseUrl = DevelopmentBase(config);
        return o;
    }

    public static void Register(IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddOptions<PublicSiteOptions>()
            .Bind(config.GetSection(Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.PublicBaseUrl) && env.IsDevelopment()) o.PublicBaseUrl = DevelopmentBase(config);
            })
            .Validate(o => o.BaseUri is not null,
                "Samverka:PublicBaseUrl must be the site's public address, e.g. https://samverka.example.se " +
                "(environment variable Samverka__PublicBaseUrl). It is required outside Development: links in e-mail are built from it.")
            .ValidateOnStart();
    }
}

/// Absolute links for e-mail and for addresses shown to be shared, always from the configured public base.
public sealed class PublicUrls(IOptions<PublicSiteOptions> options)
{
    /// The site's root address, without a trailing slash.
    public string Root { get; } = options.Value.BaseUri!.ToString().TrimEnd('/');

    public string Absolute(string pathAndQuery) => Root + pathAndQuery;
}
