using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Data;
using Samverka.Platform.Modules;

namespace Samverka.Features.Register;

/// The organisations of the project's cases, described in our own words.
internal sealed class RegisterDemoSeeder(TimeProvider clock) : IDemoSeeder
{
    public int Order => 20;

    internal sealed record DemoOrganisation(string Name, LegalForm Form, string Country, string? Municipality, string Description);

    internal static readonly DemoOrganisation[] All =
    [
        new("Tjejjouren Dalia", LegalForm.NonProfitAssociation, "SE", "2081",
            "Ideell jour i Borlänge för tjejer och unga kvinnor mellan 10 och 30 år. Volontärer svarar i chatt och telefon och håller samtalsgrupper och skolpass om psykisk hälsa, relationer och gränser."),
        new("Ung Företagsamhet Dalarna", LegalForm.NonProfitAssociation, "SE", "2080",
            "Låter gymnasieelever i nästan alla Dalarnas kommuner driva egna UF-företag under ett läsår, med rådgivare från näringslivet och regionala mässor."),
        new("Kompis Sverige", LegalForm.NonProfitAssociation, "SE", "2081",
            "Matchar nyanlända med etablerade invånare som kompisar med gemensamma intressen, för nätverk, språk och en enklare väg in i arbetslivet. Samverkar med kommuner i idéburet offentligt partnerskap."),
        new("Kodcentrum", LegalForm.NonProfitAssociation, "SE", "2080",
            "Ger barn 9–13 år gratis kodklubbar efter skolan med frivilliga ledare. Kommuner bidrar med lokaler, utrustning och kontakter med skolor."),
        new("Fryshuset Malmö", LegalForm.Foundation, "SE", "1280",
            "Ungdomsverksamhet som arbetar med idrott, kultur, utbildning och sociala projekt för unga, finansierad genom bidrag, upphandlade uppdrag och ett partnerskap med flera aktörer."),
        new("HUB Nicosia", LegalForm.NonProfitAssociation, "CY", "CY-AGIOS-DOMETIOS",
            "Utbildningsorganisation som tillsammans med kommunen ordnar aktiviteter för migranter; organisationen står för utbildning och lokaler, kommunen når utsatta grupper."),
        new("Costumes Convergentes", LegalForm.NonProfitAssociation, "PT", "PT-BRAGA",
            "Slagverksgrupp i Braga med ett årligt grundbidrag från kommunen och ansökningar för enskilda framträdanden."),
        new("Brīnumiņš", LegalForm.NonProfitAssociation, "LV", "LV-TALSI",
            "Erbjuder terapier för barn med funktionsnedsättning med ett tjugotal anställda; kommunen finansierar mot att invånare får tjänsterna kostnadsfritt."),
        new("Children of Holy John", LegalForm.NonProfitAssociation, "LT", "LT-TRAKAI",
            "Driver hem för 28 barn och säljer tjänster till kommunen, som också stöttat renoveringar."),
        new("Sodžiaus meistrai", LegalForm.SocialEnterprise, "LT", "LT-TRAKAI",
            "Socialt företag som ger yrkesutbildning åt unga mellan 16 och 35 år; har vunnit offentlig upphandling och eleverna åker kollektivt gratis."),
        new("Cidade Curiosa", LegalForm.NonProfitAssociation, "PT", "PT-BRAGA",
            "Sprider brädspel som mötesplats och lärande; ett årligt avtal med kommunen ger lokaler och pengar."),
        new("Precious Plastic Cyprus", LegalForm.InformalGroup, "CY", "CY-AGLANTZIA",
            "Informell grupp som återvinner plast i små verkstäder; flera kommuner ger hyresfria lokaler och betalar driftkostnader."),
        new("Ziemeļkurzeme orienteringsklubb", LegalForm.NonProfitAssociation, "LV", "LV-TALSI",
            "Orienteringsklubb som får projektstöd från kommunen med förenklad återrapportering."),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var existing = await db.Organisations().Select(o => o.Name).ToListAsync(ct);
        var tenants = await db.Tenants.ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var o in All.Where(o => !existing.Contains(o.Name)))
        {
            db.Organisations().Add(new Organisation
            {
                Name = o.Name, LegalForm = o.Form, CountryCode = o.Country, Description = o.Description,
                HomeMunicipalityId = o.Municipality is null ? null : tenants[o.Municipality],
                CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}

/// Gives the demo organisation accounts their roles, once the accounts exist.
internal sealed class RegisterDemoMembers(TimeProvider clock) : IDemoSeeder
{
    public int Order => 40;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in Samverka.Platform.Identity.DemoAccounts.All.Where(a => a.OrganisationName is not null))
        {
            var userId = await db.Users.Where(u => u.Email == a.Email).Select(u => u.Id).SingleAsync(ct);
            var orgId = await db.Organisations().Where(o => o.Name == a.OrganisationName).Select(o => o.Id).SingleAsync(ct);
            if (!await db.RoleAssignments.AnyAsync(r => r.UserId == userId && r.Role == a.Role && r.OrganisationId == orgId, ct))
                db.RoleAssignments.Add(new Samverka.Platform.Identity.RoleAssignment
                {
                    UserId = userId, Role = a.Role, OrganisationId = orgId, CreatedAt = now,
                });
        }
        await db.SaveChangesAsync(ct);
    }
}
