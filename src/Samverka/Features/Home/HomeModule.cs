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

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddStrings<HomeStrings>();
        // The e-mail digest links to the page where a person sees all their work.
        services.AddSingleton(new Samverka.Platform.Notifications.MyWorkPage("/my"));
    }
    public void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
