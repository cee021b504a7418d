using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samverka.Platform.Email;
using Samverka.Platform.Files;
using Samverka.Platform.Jobs;
using Samverka.Platform.Notifications;
using Samverka.Platform.Security;

namespace Samverka.Platform;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// Redirect HTTP to HTTPS and send HSTS. On by default outside Development.
    public bool? RequireHttps { get; set; }

    /// Trust X-Forwarded-For/Proto from a reverse proxy.
    public bool ForwardedHeaders { get; set; }
}

/// What every feature stands on, wired in one place.
public static class PlatformModule
{
    public static WebApplicationBuilder AddSamverkaPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Print å, ä, ö as themselves rather than as numeric entities; encoding for safety is unchanged.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSamverkaData(config, builder.Environment);
        services.AddSamverkaLocalization();
        services.AddSamverkaEmail(config, builder.Environment);
        services.AddSamverkaJobs(config);
        services.AddSamverkaIdentity();
        services.AddSamverkaFiles();
        Privacy.PrivacyModule.AddSamverkaPrivacy(services);
        services.AddSamverkaNotifications(config);

        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Samverka")
            .PersistKeysToDbContext<AppDbContext>();
        // Keys in the database are plain XML unless the operator gives a certificate to encrypt them with.
        if (config["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, config["DataProtection:CertificatePassword"]));

        // Hosts: deny by default. Without AllowedHosts, only the public base's host and loopback names are served;
        // any other Host header gets 400 (the framework's host filtering, which reads these options).
        if (string.IsNullOrWhiteSpace(config["AllowedHosts"]))
        {
            var publicHost = PublicSiteOptions.Read(config, builder.Environment).BaseUri?.IdnHost;
            services.Configure<HostFilteringOptions>(o =>
                o.AllowedHosts = ["localhost", "127.0.0.1", "[::1]", .. publicHost is null ? Array.Empty<string>() : [publicHost]]);
        }
        MailRateLimits.AddMailRateLimits(services, config);

        // Access as policy, deny by default (Identity/Policies.cs); the route's tenant in one scoped TenantContext.
        services.AddSamverkaAccess();
        services.AddScoped<Tenancy.TenantContext>();

        services.AddRazorPages(o => o.RootDirectory = "/")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(ValidationMessages.Localize)
            .AddMvcOptions(o => o.Filters.Add<DatabaseUnavailablePageFilter>());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "samverka.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddProblemDetails();
        services.AddSamverkaApiProblems();
        return builder;
    }

    public static WebApplication UseSamverkaPlatform(this WebApplication app)
    {
        var security = app.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var requireHttps = security.RequireHttps ?? !app.Environment.IsDevelopment();

        if (security.ForwardedHeaders)
            app.UseForwardedHeaders(new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            });
        // Culture first, so error pages re-executed further down keep the visitor's language.
        app.UseRequestLocalization();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseDatabaseUnavailable();
        if (requireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSamverkaSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseNoStoreWhenSignedIn();
        app.UseTenantContext();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseSamverkaApiProblems();

        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapFiles();
        // Unknown addresses are a plain 404 for everyone, not a sign-in redirect from the fallback policy.
        app.MapFallback(() => Results.NotFound()).AllowAnonymous();
        return app;
    }

    /// `migrate` and `seed` run without starting the web server; anything else serves.
    public static async Task<int> RunSamverkaAsync(this WebApplication app, string[] args)
    {
        var command = HostCommand.Find(args);
        using (var scope = app.Services.CreateScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<DatabaseSetup>();
            switch (command)
            {
                case "migrate":
                    await setup.MigrateAsync();
                    Console.WriteLine("Database migrated.");
                    return 0;
                case "seed":
                    await setup.MigrateAsync();
                    await setup.SeedDemoDataAsync();
                    Console.WriteLine("Demo data loaded.");
                    DemoAccounts.Print(Console.Out);
                    return 0;
                case null:
                    var seeded = await setup.PrepareForServingAsync();
                    if (seeded) DemoAccounts.Print(Console.Out);
                    break;
                default:
                    Console.Error.WriteLine($"Unknown command '{command}'. Use 'migrate', 'seed' or nothing to serve.");
                    return 2;
            }
        }
        await app.RunAsync();
        return 0;
    }
}

public static class NoStoreMiddleware
{
    /// Whatever is answered to a signed-in person may be theirs alone (staff-only JSON, party-only pages, the header
    /// with their name), so no cache on the way or on disk may keep it. Anonymous answers are left as they are.
    /// Static files are served before authentication and stay cacheable.
    public static IApplicationBuilder UseNoStoreWhenSignedIn(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            return next(context);
        });
}

/// Healthy only when the database accepts writes: a database that answers reads but refuses every write (read-only,
/// locked by another process, full) is not a working Samverka. The probe is an UPDATE that matches no row, in a
/// transaction that is rolled back: it needs the write lock (SQLite) or a writable transaction (PostgreSQL) and
/// changes nothing.
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("Database unreachable.");
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Jobs\" SET \"Attempts\" = \"Attempts\" WHERE 1 = 0", ct);
            await tx.RollbackAsync(ct);
            return HealthCheckResult.Healthy("Database accepts writes.");
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e))
        {
            return HealthCheckResult.Unhealthy("Database reachable but does not accept writes: " + e.Message);
        }
    }
}
