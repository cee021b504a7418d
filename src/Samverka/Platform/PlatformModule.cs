using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Samverka.Platform.Data;
using Samverka.Platform.Email;
using Samverka.Platform.Identity;
using Samverka.Platform.Jobs;
using Samverka.Platform.Localization;
using Samverka.Platform.Security;
using Samverka.Platform.UI;

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

        services.AddDataProtection()
            .SetApplicationName("Samverka")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddAuthorizationBuilder()
            // Security by default: a page or endpoint is for signed-in users unless it says [AllowAnonymous].
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRazorPages(o => o.RootDirectory = "/")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(ValidationMessages.Localize);
        services.AddAntiforgery(o => o.Cookie.Name = "samverka.af");

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
        if (requireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSamverkaSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseSamverkaApiProblems();

        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        // Unknown addresses are a plain 404 for everyone, not a sign-in redirect from the fallback policy.
        app.MapFallback(() => Results.NotFound()).AllowAnonymous();
        return app;
    }

    /// `migrate` and `seed` run without starting the web server; anything else serves.
    public static async Task<int> RunSamverkaAsync(this WebApplication app, string[] args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
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

internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy("Database reachable.")
            : HealthCheckResult.Unhealthy("Database unreachable.");
}
