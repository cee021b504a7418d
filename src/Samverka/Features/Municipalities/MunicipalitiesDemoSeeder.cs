using Samverka.Features.Municipalities.Calendar;
using Samverka.Features.Municipalities.Profile;
using Samverka.Features.Municipalities.Stakeholders;
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

        if (!await db.ProfileEntries().AnyAsync(e => e.TenantId == borlange.Id, ct))
        {
            var at = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var order = 0;
            ProfileEntry P(ProfileSection section, string title, string? text, ProfileKind? kind = null, string? detail = null,
                string? email = null, string? phone = null, string? url = null) =>
                new() { TenantId = borlange.Id, Section = section, Title = title, Text = text, Kind = kind, Detail = detail,
                        Email = email, Phone = phone, Url = url, SortOrder = ++order, UpdatedAt = at };
            var strategy = P(ProfileSection.Strategies, "Dalarnas ungdomsstrategi 2021–2024",
                "Regionens gemensamma strategi för unga, som Borlänge arbetar efter. Föreningar kan koppla sina insatser till målen.");
            strategy.FromYear = 2021;
            strategy.ToYear = 2024;
            strategy.Goals =
            [
                new StrategyGoal { Text = "Unga har inflytande över sina liv och över kommunen.", SortOrder = 0 },
                new StrategyGoal { Text = "Unga har en god och jämlik fysisk, psykisk och social hälsa.", SortOrder = 1 },
                new StrategyGoal { Text = "Unga kan bo, studera och arbeta med det de brinner för, var som helst i länet.", SortOrder = 2 },
                new StrategyGoal { Text = "Unga är med i omställningen för klimatet.", SortOrder = 3 },
            ];
            db.ProfileEntries().AddRange(
                P(ProfileSection.Organisation, "Kommunfullmäktige", "Beslutar om budget, mål och skatt. Budgetramarna i juni, budgeten i november.", ProfileKind.Council),
                P(ProfileSection.Organisation, "Kultur- och fritidsnämnden", "Föreningsbidrag, fritidsgårdar, idrotts- och kulturlokaler, ungdomsfrågor.", ProfileKind.Committee),
                P(ProfileSection.Organisation, "Socialnämnden", "Individ- och familjeomsorg, stöd till barn och unga, förebyggande arbete.", ProfileKind.Committee),
                P(ProfileSection.Organisation, "Kultur- och fritidsförvaltningen", "Handlägger föreningsbidrag och lokalbokning och har kommunens föreningssamordnare.", ProfileKind.Department),
                P(ProfileSection.Organisation, "Socialförvaltningen", "Socialtjänstens arbete, bland annat insatser för unga och deras psykiska hälsa.", ProfileKind.Department),
                P(ProfileSection.Coordinators, "Samordnaren för civilsamhället", "Samverkan, IOP och föreningsbidrag: ring eller mejla så hjälper vi er vidare.",
                    detail: "Föreningssamordnare, kultur- och fritidsförvaltningen", email: "samordnare@borlange.example", phone: "0243-740 00"),
                strategy,
                P(ProfileSection.Support, "Föreningslokaler", "Lokaler för möten och aktiviteter, gratis för ungdomsföreningar vardagar före klockan 17.", ProfileKind.Premises,
                    "Boka i kommunens lokalbokning eller mejla samordnaren minst två veckor före."),
                P(ProfileSection.Support, "Föreningsbidrag och ungdomsinitiativ", "Grundbidrag till föreningar med medlemmar i kommunen, och snabba pengar (upp till 10 000 kr) till ungas egna idéer.", ProfileKind.Money,
                    "Ansök senast 15 mars; ungdomsinitiativ går att söka hela året och besked kommer inom tre veckor."),
                P(ProfileSection.Support, "Hjälp med ansökningar och projekt", "Samordnaren hjälper till med ansökningar, budget och uppföljning, och med underlag för IOP.", ProfileKind.Expertise,
                    "Boka en timme med samordnaren."),
                P(ProfileSection.Compacts, "Överenskommelse om samverkan med den idéburna sektorn",
                    "Kommunen och föreningslivet har kommit överens om sex principer: dialog, långsiktighet, öppenhet och insyn, självständighet och oberoende, kvalitet och mångfald."));
            await db.SaveChangesAsync(ct);
        }

        if (!await db.BudgetEvents().AnyAsync(e => e.TenantId == borlange.Id, ct))
        {
            // The next budget year, so the demo always has dates ahead: proposals in spring, frames in June,
            // the budget in November, committees' own budgets in December.
            var clock = services.GetRequiredService<TimeProvider>();
            var y = clock.GetUtcNow().Year + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            BudgetEvent E(BudgetEventKind kind, int month, int day, string title, string body, bool isPublic = true) =>
                new() { TenantId = borlange.Id, Kind = kind, Date = new DateOnly(y, month, day), Title = title, Body = body, IsPublic = isPublic, UpdatedAt = now };
            static BudgetEvent Meeting(BudgetEvent e)
            {
                e.StartTime = new TimeOnly(18, 0);
                e.EndTime = new TimeOnly(20, 0);
                e.Location = "Borlänge stadshus, Röda gången 6";
                e.Description = "Föreningar berättar vad de ser hos unga i kommunen och vad de behöver kommande år.";
                return e;
            }
            db.BudgetEvents().AddRange(
                E(BudgetEventKind.Other, 1, 20, "Genomgång av föreningsbidragen inför budgetdialogen", "Kultur- och fritidsförvaltningen", isPublic: false),
                E(BudgetEventKind.ProposalDeadline, 2, 15, "Sista dag för förslag inför budgetdialogen", "Kommunstyrelsen"),
                Meeting(E(BudgetEventKind.PublicMeeting, 3, 18, $"Dialogmöte med föreningslivet om budget {y + 1}", "Kultur- och fritidsnämnden")),
                E(BudgetEventKind.ProposalDeadline, 4, 30, "Förslag till nämndernas verksamhetsplaner", "Nämnderna"),
                E(BudgetEventKind.CouncilDecision, 6, 14, $"Budgetramar {y + 1}–{y + 3}", "Kommunfullmäktige"),
                E(BudgetEventKind.CouncilDecision, 11, 22, $"Budget {y + 1} fastställs", "Kommunfullmäktige"),
                E(BudgetEventKind.CommitteeDecision, 12, 9, $"Internbudget och föreningsbidrag {y + 1}", "Kultur- och fritidsnämnden"));
            await db.SaveChangesAsync(ct);
        }

        if (!await db.Stakeholders().AnyAsync(x => x.TenantId == borlange.Id, ct))
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            Stakeholder S(string name, string role, int influence, int interest) =>
                new() { TenantId = borlange.Id, Name = name, Role = role, Influence = influence, Interest = interest, UpdatedAt = now };
            db.Stakeholders().AddRange(
                S("Socialnämnden", "Beslutar om stöd och budget för sociala insatser", 5, 4),
                S("Kultur- och fritidsnämnden", "Fördelar föreningsbidrag", 4, 4),
                S("Skolornas elevhälsa", "Möter unga som mår dåligt varje dag", 2, 5),
                S("Tjejjouren Dalia", "Stödchatt och skolpass för unga tjejer", 2, 5),
                S("Region Dalarna, barn- och ungdomspsykiatrin", "Ansvarar för vård när stödet inte räcker", 4, 2),
                S("Lokala företag", "Möjliga sponsorer och praktikplatser", 1, 2));
            await db.SaveChangesAsync(ct);
        }
    }
}
