using Samverka.Platform.Modules;

namespace Samverka.Features.Knowledge;

/// The knowledge bank: articles on the lifecycle, principles, pitfalls, participation, forms and cases, in both
/// languages, searchable; other features link to them by slug (/knowledge/{slug}#{anchor}).
public sealed class KnowledgeModule : IModule
{
    public ModuleManifest Manifest { get; } = new(FeatureTable.Knowledge)
    {
        Navigation = [new("/knowledge", "Nav.Knowledge", 60)],
    };

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddStrings<KnowledgeStrings>();
        services.AddSingleton<KnowledgeBank>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
