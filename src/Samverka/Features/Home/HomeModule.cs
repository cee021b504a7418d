using Samverka.Platform.Modules;

namespace Samverka.Features.Home;

public sealed class HomeModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration config) { }
    public void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
