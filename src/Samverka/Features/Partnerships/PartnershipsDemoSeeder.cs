using Samverka.Platform.Modules;

namespace Samverka.Features.Partnerships;

public sealed class PartnershipsDemoSeeder : IDemoSeeder
{
    public int Order => 60;
    public Task SeedAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
