using Samverka.Platform.Modules;

namespace Samverka.Features.Home;

public sealed class HomeModule : IModule
{
    public ModuleManifest Manifest { get; } = new(FeatureTable.Home)
    {
        Navigation =
        [
            new("/", "Nav.Home", 0),
            new("/accessibility", "Nav.Accessibility", 0, Menu: Menu.Footer),
            // First in the account menu: what waits for the person.
            new("/my", "Nav.MyWork", -10, Visibility.SignedIn, Menu.Account),
        ],
    };

    public void AddServices(IServiceCollection services, IConfiguration config) => services.AddStrings<HomeStrings>();
    public void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
