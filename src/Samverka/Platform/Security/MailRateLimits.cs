using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Samverka.Platform.Security;

/// Limits on the forms that send e-mail (RateLimits in configuration).
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// The fixed window both limits count in.
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// Posts of one such form per client in a window: per account when signed in, otherwise per IP address
    /// (generous, because an office behind one address is many people).
    public int PerClient { get; set; } = 20;

    /// E-mails to one address from these forms together in a window, whoever asks for them.
    public int PerAddress { get; set; } = 3;
}

/// Marks a page whose POST sends e-mail (or, with Handler, one of its POST handlers): the per-client limit applies.
[AttributeUsage(AttributeTargets.Class)]
public sealed class SendsMailAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
    public string? Handler { get; init; }
}

/// Per-client limits through ASP.NET Core's rate limiter (each marked form counts on its own); per-address limits
/// checked by the page once the input is valid, so a person correcting a form is not counted and an address that
/// has no account is counted exactly like one that has. Counts are kept per instance, in memory.
public sealed class MailRateLimits : IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public MailRateLimits(RateLimitOptions options)
    {
        _options = options;
        _perAddress = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetFixedWindowLimiter(address, _ => Window(options.PerAddress)));
    }

    private FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits), Window = _options.Window, QueueLimit = 0, AutoReplenishment = true,
    };

    /// Counts one e-mail to the address; false (and a Retry-After header on the response) when over the limit.
    public bool TryAddress(string email, HttpResponse response)
    {
        using var lease = _perAddress.AttemptAcquire(email.Trim().ToUpperInvariant());
        if (lease.IsAcquired) return true;
        SetRetryAfter(response, lease);
        return false;
    }

    private static void SetRetryAfter(HttpResponse response, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    public void Dispose() => _perAddress.Dispose();

    public static IServiceCollection AddMailRateLimits(IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(options);
        services.AddSingleton<MailRateLimits>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Status-code pages then render the friendly, localised page for 429.
            o.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext.Response, context.Lease);
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var mark = http.GetEndpoint()?.Metadata.GetMetadata<SendsMailAttribute>();
                if (mark is null || !HttpMethods.IsPost(http.Request.Method)
                    || (mark.Handler is not null && !string.Equals(http.Request.Query["handler"], mark.Handler, StringComparison.OrdinalIgnoreCase)))
                    return RateLimitPartition.GetNoLimiter("");
                var client = http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user
                    ? "user:" + user
                    : "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter($"{mark.Kind}|{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.PerClient), Window = options.Window, QueueLimit = 0, AutoReplenishment = true,
                });
            });
        });
        return services;
    }
}
