using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Data;
using Samverka.Platform.Modules;

namespace Samverka.Features.Municipalities;

/// Region Dalarna and its 15 municipalities, and the partner municipalities, are active in the demo.
internal sealed class MunicipalitiesDemoSeeder : IDemoSeeder
{
    public int Order => 10;

    public static readonly string[] ActiveCodes = ["LV-TALSI", "LT-TRAKAI", "PT-BRAGA", "CY-AGLANTZIA", "CY-AGIOS-DOMETIOS"];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var dalarna = await db.Tenants.Include(t => t.Children).SingleAsync(t => t.Code == "20", ct);
        dalarna.IsActive = true;
        dalarna.Description ??= "Region Dalarna samlar 15 kommuner och arbetar med en gemensam ungdomsstrategi.";
        foreach (var m in dalarna.Children) m.IsActive = true;

        var partners = await db.Tenants.Include(t => t.Parent).Where(t => ActiveCodes.Contains(t.Code)).ToListAsync(ct);
        foreach (var m in partners)
        {
            m.IsActive = true;
            m.Parent!.IsActive = true;
        }

        var borlange = dalarna.Children.Single(t => t.Code == "2081");
        borlange.Description ??= "Borlänge kommun samverkar med föreningslivet kring unga, hälsa och inkludering.";
        borlange.Website ??= "https://www.borlange.se";
        await db.SaveChangesAsync(ct);
    }
}
