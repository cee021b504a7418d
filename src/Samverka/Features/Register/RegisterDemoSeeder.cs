using Samverka.Platform.Modules;

namespace Samverka.Features.Register;

/// The organisations of the project's cases, described in our own words, with what they offer.
internal sealed class RegisterDemoSeeder(TimeProvider clock) : IDemoSeeder
{
    public int Order => 20;

    internal sealed record DemoService(string Name, string Description, string? Eligibility = null, string? Schedule = null, string? Cost = null);

    internal sealed record DemoOrganisation(
        string Name, LegalForm Form, string Country, string? Municipality, string Description,
        string[] Areas, string[] TargetGroups, int? AgeFrom, int? AgeTo, string[] Served, string[] Languages,
        string? Number = null, int? Founded = null, int? Staff = null, int? Volunteers = null, string? Website = null,
        DemoService[]? Services = null, (string Role, string Email)[]? Contacts = null, (string Name, string Street, string Postal, string City)? Location = null,
        int ConfirmedMonthsAgo = 1);

    private static readonly string[] Dalarna = ["2021", "2023", "2026", "2029", "2031", "2034", "2039", "2061", "2062", "2080", "2081", "2082", "2083", "2084", "2085"];

    internal static readonly DemoOrganisation[] All =
    [
        new("Tjejjouren Dalia", LegalForm.NonProfitAssociation, "SE", "2081",
            "Ideell tjejjour i Borlänge för tjejer och unga kvinnor mellan 10 och 30 år. Utbildade volontärer svarar i chatt och telefon, leder stödgrupper och håller skolpass om psykisk hälsa, relationer, gränser och våld.",
            ["mental-health", "gender-equality", "youth", "crime-prevention"], ["girls-and-women", "youth", "young-adults"], 10, 30,
            ["2081", "2080", "2082"], ["sv", "en", "ar"], SwedishOrganisationNumber.WithCheckDigit("802497312"), 2009, 1, 35,
            "https://example.org/tjejjouren-dalia",
            [new("Stödchatt", "Anonym chatt med en utbildad volontär för den som vill prata om något svårt.", "Tjejer och unga kvinnor 10–30 år", "Måndag och torsdag 19–21"),
             new("Skolpass om psykisk hälsa", "Lektioner i högstadiet och gymnasiet om känslor, relationer och var man får hjälp.", "Skolor i Borlänge med omnejd", "Bokas per termin"),
             new("Stödgrupper", "Samtalsgrupper på sex träffar för tjejer som varit med om våld eller kränkningar.", "13–25 år", "Start varje termin")],
            [("Samordnare", "kontakt@dalia.example"), ("Ordförande", "ordforande@dalia.example")], ("Jourlokalen", "Stationsgatan 12", "78430", "Borlänge")),
        new("Ung Företagsamhet Dalarna", LegalForm.NonProfitAssociation, "SE", "2080",
            "Ger gymnasieelever i nästan alla Dalarnas kommuner möjlighet att driva eget UF-företag under ett läsår, med rådgivare från näringslivet, tävlingar och regionala mässor.",
            ["entrepreneurship", "education", "youth"], ["youth", "young-adults"], 15, 20, Dalarna, ["sv", "en"],
            SwedishOrganisationNumber.WithCheckDigit("883202145"), 1990, 6, 120, "https://example.org/uf-dalarna",
            [new("UF-företagande", "Ett läsår där eleverna startar, driver och avvecklar ett riktigt företag.", "Gymnasieelever", "Hela läsåret")],
            [("Regionkontoret", "info@uf-dalarna.example")]),
        new("Kompis Sverige", LegalForm.NonProfitAssociation, "SE", "2081",
            "Matchar nyanlända och etablerade invånare som kompisar utifrån gemensamma intressen, för nätverk, språkträning och en enklare väg in i samhället och arbetslivet.",
            ["migrants", "social-inclusion", "employment"], ["newcomers", "adults", "young-adults"], 16, null, ["2081", "2080", "2085"], ["sv", "en", "ar", "fa", "ti", "so"],
            SwedishOrganisationNumber.WithCheckDigit("802480957"), 2012, 12, 400, "https://example.org/kompis",
            [new("Kompismatchning", "Vi matchar två personer med liknande intressen som träffas regelbundet under minst sex månader.", "Från 16 år")],
            [("Lokal samordnare Dalarna", "dalarna@kompis.example")]),
        new("Kodcentrum", LegalForm.NonProfitAssociation, "SE", "2080",
            "Kostnadsfria programmeringsklubbar efter skolan för barn 9–13 år, ledda av frivilliga. Kommunerna bidrar med lokaler, datorer och kontakter med skolorna.",
            ["digital-skills", "education", "children"], ["children"], 9, 13, ["2080", "2081"], ["sv"],
            SwedishOrganisationNumber.WithCheckDigit("802479127"), 2013, 8, 600, "https://example.org/kodcentrum",
            [new("Kodklubben", "Tio träffar där barnen bygger spel och animationer i Scratch.", "9–13 år", "Tisdagar 15–17, terminsvis")],
            [("Klubbansvarig Falun", "falun@kodcentrum.example")], ("Biblioteket", "Kristinegatan 15", "79131", "Falun")),
        // More of Dalarna's civil society, so matching has real choices to make (fictional organisations).
        new("Borlänge Basket", LegalForm.NonProfitAssociation, "SE", "2081",
            "Basketförening med lag för barn och unga från sju år, gratis prova-på-träningar i Jakobsgårdarna och Tjärna ängar och ledare som talar flera språk.",
            ["sport", "leisure", "youth", "social-inclusion"], ["children", "youth", "families"], 7, 19, ["2081"], ["sv", "ar", "so"],
            SwedishOrganisationNumber.WithCheckDigit("802411236"), 1998, 1, 45,
            Services: [new("Prova på basket", "Öppna träningar utan kostnad där barn och föräldrar kan prova.", "7–19 år", "Lördagar 10–12")]),
        new("Fritidsbanken Borlänge", LegalForm.NonProfitAssociation, "SE", "2081",
            "Lånar ut sport- och fritidsutrustning gratis, så att kostnaden inte hindrar barn och familjer från att vara aktiva.",
            ["leisure", "sport", "social-inclusion"], ["everyone", "families", "children"], null, null, ["2081"], ["sv", "en"],
            SwedishOrganisationNumber.WithCheckDigit("802488210"), 2017, 2, 20),
        new("Unga Röster Dalarna", LegalForm.NonProfitAssociation, "SE", "2080",
            "Ungdomsdriven förening som samlar unga i Dalarna i samtalsgrupper, kreativt skapande och påverkansarbete kring psykisk hälsa och ensamhet.",
            ["mental-health", "youth", "democracy"], ["youth", "young-adults"], 13, 25, ["2080", "2081", "2062"], ["sv"],
            SwedishOrganisationNumber.WithCheckDigit("802502133"), 2019, 0, 30),
        new("Mind Dalarna", LegalForm.NonProfitAssociation, "SE", "2080",
            "Lokalförening som arbetar för bättre psykisk hälsa genom föreläsningar, stödlinje och samtalsgrupper för vuxna och anhöriga.",
            ["mental-health", "health"], ["adults", "families"], 18, null, ["2080", "2081", "2082", "2085"], ["sv"],
            SwedishOrganisationNumber.WithCheckDigit("802451210"), 2004, 2, 60),
        new("Kvinnojouren Borlänge", LegalForm.NonProfitAssociation, "SE", "2081",
            "Stöd, rådgivning och skyddat boende för kvinnor och barn som utsatts för våld i nära relationer.",
            ["gender-equality", "crime-prevention", "housing"], ["girls-and-women", "children"], 18, null, ["2081"], ["sv", "en", "ar"],
            SwedishOrganisationNumber.WithCheckDigit("802430287"), 1985, 4, 25),
        new("Seniorernas Träffpunkt Borlänge", LegalForm.NonProfitAssociation, "SE", "2081",
            "Mötesplats med sopplunch, promenadgrupper och digital hjälp för äldre som vill träffa andra.",
            ["elderly", "digital-skills", "social-inclusion"], ["seniors"], 65, null, ["2081"], ["sv", "fi"],
            SwedishOrganisationNumber.WithCheckDigit("802460989"), 2001, 0, 40),
        new("Naturskyddsföreningen Falun", LegalForm.NonProfitAssociation, "SE", "2080",
            "Exkursioner, skräpplockardagar och naturskola för barn, med fokus på skogen och vattnet runt Falun.",
            ["environment", "children"], ["children", "families", "everyone"], null, null, ["2080"], ["sv"],
            SwedishOrganisationNumber.WithCheckDigit("802003987"), 1975, 0, 50),
        new("Somaliska föräldraföreningen i Borlänge", LegalForm.NonProfitAssociation, "SE", "2081",
            "Föräldranätverk som stöttar barn och unga i skolan och fritiden, med läxhjälp och föräldraträffar på somaliska och svenska.",
            ["children", "youth", "education", "migrants", "social-inclusion"], ["families", "children", "youth", "newcomers"], 6, 18, ["2081"], ["so", "sv"],
            SwedishOrganisationNumber.WithCheckDigit("802512348"), 2011, 0, 18),
        new("Studieförbundet Dalarna", LegalForm.NonProfitAssociation, "SE", "2080",
            "Studiecirklar, kulturprogram och svenska för nyanlända i hela länet, i samarbete med föreningar.",
            ["education", "culture", "migrants"], ["adults", "newcomers", "everyone"], 16, null, Dalarna, ["sv", "en", "ar", "ti"],
            SwedishOrganisationNumber.WithCheckDigit("817605431"), 1960, 25, 200),
        new("Dalarnas Idrottsförbund Ungdom", LegalForm.NonProfitAssociation, "SE", "2080",
            "Stöttar idrottsföreningar i länet att nå fler barn och unga, särskilt tjejer och unga i utsatta områden, med ledarutbildning och lovaktiviteter.",
            ["sport", "youth", "social-inclusion", "leisure"], ["children", "youth", "girls-and-women"], 7, 20, Dalarna, ["sv", "en"],
            SwedishOrganisationNumber.WithCheckDigit("817602123"), 1990, 10, 80),
        new("Fryshuset Malmö", LegalForm.Foundation, "SE", "1280",
            "Ungdomsverksamhet med idrott, kultur, utbildning och sociala projekt, finansierad med bidrag, upphandlade uppdrag och ett partnerskap med flera organisationer.",
            ["youth", "sport", "culture", "social-inclusion", "crime-prevention"], ["youth", "young-adults"], 12, 25, ["1280"], ["sv", "en", "ar"],
            SwedishOrganisationNumber.WithCheckDigit("802012345"), 1984, 40, 100),
        new("HUB Nicosia", LegalForm.NonProfitAssociation, "CY", "CY-AGIOS-DOMETIOS",
            "Utbildningsorganisation som tillsammans med kommunen ordnar kurser och träffar för migranter; organisationen står för utbildningen och lokalerna, kommunen för kontakten med dem som behöver det mest.",
            ["education", "migrants", "social-inclusion"], ["newcomers", "adults"], 18, null, ["CY-AGIOS-DOMETIOS", "CY-AGLANTZIA"], ["el", "en", "ar"], Founded: 2016, Staff: 9),
        new("Costumes Convergentes", LegalForm.NonProfitAssociation, "PT", "PT-BRAGA",
            "Slagverksgrupp i Braga som uppträder på stadens fester; kommunen ger ett årligt grundbidrag och stöd per framträdande.",
            ["culture", "leisure"], ["everyone"], null, null, ["PT-BRAGA"], ["pt"], Founded: 2005, Volunteers: 40),
        new("Brīnumiņš", LegalForm.NonProfitAssociation, "LV", "LV-TALSI",
            "Terapier för barn med funktionsnedsättning, med ett tjugotal anställda; kommunen finansierar verksamheten mot att invånarna får tjänsterna gratis.",
            ["disability", "health", "children"], ["children", "people-with-disabilities", "families"], 0, 18, ["LV-TALSI"], ["lv", "ru"], Staff: 20),
        new("Children of Holy John", LegalForm.NonProfitAssociation, "LT", "LT-TRAKAI",
            "Driver hem för 28 barn och säljer omsorgstjänster till kommunen, som också har stöttat renoveringar.",
            ["children", "housing"], ["children"], 0, 18, ["LT-TRAKAI"], ["lt", "pl"], Staff: 15),
        new("Sodžiaus meistrai", LegalForm.SocialEnterprise, "LT", "LT-TRAKAI",
            "Socialt företag med yrkesutbildning för unga mellan 16 och 35 år; har vunnit offentlig upphandling, och eleverna reser kollektivt utan kostnad.",
            ["employment", "education", "youth"], ["youth", "young-adults"], 16, 35, ["LT-TRAKAI"], ["lt", "pl", "ru"], Staff: 12),
        new("Cidade Curiosa", LegalForm.NonProfitAssociation, "PT", "PT-BRAGA",
            "Gör brädspel till mötesplats och lärande i Braga; ett årligt avtal med kommunen ger lokaler och pengar.",
            ["culture", "leisure", "education"], ["everyone", "families"], null, null, ["PT-BRAGA"], ["pt", "en"], Volunteers: 25),
        new("Precious Plastic Cyprus", LegalForm.InformalGroup, "CY", "CY-AGLANTZIA",
            "Informell grupp som återvinner plast i små verkstäder och lär ut hur; flera kommuner ger hyresfria lokaler och betalar driften.",
            ["environment"], ["everyone"], null, null, ["CY-AGLANTZIA", "CY-AGIOS-DOMETIOS"], ["el", "en"], Volunteers: 15, ConfirmedMonthsAgo: 14),
        new("Ziemeļkurzeme orienteringsklubb", LegalForm.NonProfitAssociation, "LV", "LV-TALSI",
            "Orienteringsklubb med träningar och tävlingar i skogarna kring Talsi; får projektstöd från kommunen med förenklad återrapportering.",
            ["sport", "leisure"], ["children", "youth", "adults"], 7, null, ["LV-TALSI"], ["lv"], Volunteers: 30),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var existing = await db.Organisations().Select(o => o.Name).ToListAsync(ct);
        var tenants = await db.Tenants.ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var d in All.Where(o => !existing.Contains(o.Name)))
        {
            var org = new Organisation
            {
                Name = d.Name, LegalForm = d.Form, CountryCode = d.Country, Description = d.Description,
                HomeMunicipalityId = d.Municipality is null ? null : tenants[d.Municipality],
                Areas = [.. d.Areas], TargetGroups = [.. d.TargetGroups], AgeFrom = d.AgeFrom, AgeTo = d.AgeTo,
                MunicipalitiesServed = [.. d.Served], Languages = [.. d.Languages], OrganisationNumber = d.Number,
                FoundedYear = d.Founded, Staff = d.Staff, Volunteers = d.Volunteers, Website = d.Website,
                Status = VerificationStatus.Verified, VerifiedAt = now,
                LastConfirmedAt = now.AddMonths(-d.ConfirmedMonthsAgo), CreatedAt = now, UpdatedAt = now,
            };
            if (d.Location is { } l)
                org.Locations.Add(new OrganisationLocation { OrganisationId = org.Id, Name = l.Name, Street = l.Street, PostalCode = l.Postal, City = l.City, MunicipalityCode = d.Municipality });
            foreach (var s in d.Services ?? [])
                org.Services.Add(new OrganisationService
                {
                    OrganisationId = org.Id, Name = s.Name, Description = s.Description, Eligibility = s.Eligibility, Schedule = s.Schedule,
                    IsFree = s.Cost is null, Cost = s.Cost, LocationId = org.Locations.FirstOrDefault()?.Id,
                });
            foreach (var (role, email) in d.Contacts ?? [])
                org.Contacts.Add(new OrganisationContact { OrganisationId = org.Id, Role = role, Email = email });
            db.Organisations().Add(org);
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
