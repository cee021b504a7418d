using Samverka.Platform.Modules;

namespace Samverka.Features.Funding;

/// Funding: grant programmes, calls, applications, review, decisions, payments and reporting back (issue 17).
/// The organisation's annual filing is made once and reused by every municipality it applies to.
public sealed class FundingModule : IModule
{
    public ModuleManifest Manifest { get; } = new(FeatureTable.Funding);

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddStrings<FundingStrings>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
