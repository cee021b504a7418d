namespace Samverka.Platform.Modules;

/// A feature's manifest: it registers its own services (demo seeds and job handlers included) and maps its own
/// endpoints. Razor Pages are discovered from the feature folder; Program.cs only lists modules.
public interface IModule
{
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
        return builder;
    }

    public static WebApplication MapModules(this WebApplication app)
    {
        foreach (var module in app.Services.GetServices<IModule>()) module.MapEndpoints(app);
        return app;
    }
}
