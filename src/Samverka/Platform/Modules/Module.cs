using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Samverka.Platform.Modules;

/// A feature: it says what it is (its manifest), registers its own services (demo seeds, job handlers, contributions
/// to other features' pages) and maps its own endpoints. Razor Pages are discovered from the feature folder;
/// Program.cs only lists modules.
public interface IModule
{
    ModuleManifest Manifest { get; }
    void AddServices(IServiceCollection services, IConfiguration config);
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

/// Demo data a module contributes; run in Order by the `seed` command and on first start of the embedded database.
public interface IDemoSeeder
{
    int Order { get; }
    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}

public static class ModuleRegistration
{
    public static WebApplicationBuilder AddModule<TModule>(this WebApplicationBuilder builder) where TModule : IModule, new()
    {
        var module = new TModule();
        module.AddServices(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<IModule>(module);
        builder.Services.TryAddSingleton<FeatureCatalogue>();
        builder.Services.TryAddScoped<PageContributions>();
        builder.Services.TryAddScoped<MyWork>();
        return builder;
    }

    public static WebApplication MapModules(this WebApplication app)
    {
        // Resolving the catalogue checks every manifest against the dependency table before the first request.
        app.Services.GetRequiredService<FeatureCatalogue>();
        foreach (var module in app.Services.GetServices<IModule>()) module.MapEndpoints(app);
        return app;
    }
}
