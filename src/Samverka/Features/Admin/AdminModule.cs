using Samverka.Platform.Modules;

namespace Samverka.Features.Admin;

/// Platform administration: which municipalities are on the platform, the job queue.
public sealed class AdminModule : IModule
{
    public ModuleManifest Manifest { get; } = new(FeatureTable.Admin)
    {
        Navigation = [new("/admin", "Nav.Admin", 0, Visibility.PlatformAdmin, Menu.Account)],
    };

    public void AddServices(IServiceCollection services, IConfiguration config) => services.AddStrings<AdminStrings>();
    public void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
