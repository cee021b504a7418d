using Samverka.Features.Municipalities.Profile;
using Samverka.Platform.Modules;

namespace Samverka.Features.Needs;

/// Borlänge's open needs (one on young people's mental health that Tjejjouren Dalia's work fits) and a draft.
internal sealed class NeedsDemoSeeder(AppDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 40;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var borlange = await db.Tenants.SingleAsync(t => t.Code == "2081", ct);
        if (await db.Needs().AnyAsync(n => n.TenantId == borlange.Id, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var departments = await db.ProfileEntries().Where(e => e.TenantId == borlange.Id && e.Section == ProfileSection.Organisation)
            .ToDictionaryAsync(e => e.Title, e => e.Id, ct);
        Need N(string title, string department, NeedStatus status) => new()
        {
            TenantId = borlange.Id, Title = title, Status = status, CreatedAt = now, UpdatedAt = now,
            PublishedAt = status == NeedStatus.Open ? now : null,
            DepartmentId = departments.TryGetValue(department, out var id) ? id : null,
            ContactName = "Samordnaren för civilsamhället", ContactEmail = "samordnare@borlange.example",
        };
        var mentalHealth = N("Stöd för ungas psykiska hälsa", "Socialförvaltningen", NeedStatus.Open);
        mentalHealth.Problem = "Allt fler unga i Borlänge, särskilt tjejer mellan 13 och 25, berättar om oro, ensamhet och psykisk ohälsa. " +
            "Skolhälsovården och socialtjänsten räcker inte till, och många unga söker inte hjälp hos vuxna i kommunen.";
        mentalHealth.TargetGroup = "Unga, särskilt tjejer och unga kvinnor";
        mentalHealth.TargetGroups = ["youth", "young-adults", "girls-and-women"];
        mentalHealth.AgeFrom = 13;
        mentalHealth.AgeTo = 25;
        mentalHealth.Areas = ["mental-health", "youth", "gender-equality"];
        mentalHealth.DesiredOutcome = "Fler unga får stöd tidigt, av någon de litar på, och färre behöver insatser från socialtjänsten.";
        mentalHealth.Timeframe = "Start hösten nästa år, minst tre år";
        mentalHealth.Budget = 600000;
        mentalHealth.Forms = ["iop", "grant", "dialogue"];
        mentalHealth.Closes = today.AddDays(60);

        var leisure = N("Fler unga i föreningslivet i Jakobsgårdarna och Tjärna ängar", "Kultur- och fritidsförvaltningen", NeedStatus.Open);
        leisure.Problem = "I två stadsdelar är unga mycket mer sällan med i en förening än i resten av kommunen. Avstånd, kostnader och att inte känna någon är de vanligaste skälen.";
        leisure.TargetGroup = "Barn och unga i stadsdelarna, och deras föräldrar";
        leisure.TargetGroups = ["children", "youth", "families"];
        leisure.Languages = ["ar", "so"];
        leisure.AgeFrom = 7;
        leisure.AgeTo = 19;
        leisure.Areas = ["sport", "leisure", "social-inclusion", "youth"];
        leisure.DesiredOutcome = "Fler barn och unga i stadsdelarna deltar i en fritidsaktivitet varje vecka.";
        leisure.Timeframe = "Ett år, med möjlighet att förlänga";
        leisure.Budget = 250000;
        leisure.Forms = ["grant", "dialogue"];
        leisure.Closes = today.AddDays(45);

        var draft = N("Mötesplatser för äldre som är ensamma", "Socialförvaltningen", NeedStatus.Draft);
        draft.Problem = "Utkast: ensamheten bland äldre ökar under vintern.";
        draft.Areas = ["elderly"];
        draft.DesiredOutcome = "Utkast.";
        draft.Forms = ["dialogue"];
        draft.Closes = today.AddDays(90);

        db.Needs().AddRange(mentalHealth, leisure, draft);
        await db.SaveChangesAsync(ct);
    }
}
