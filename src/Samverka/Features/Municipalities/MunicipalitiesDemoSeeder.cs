using Microsoft.EntityFrameworkCore;
using Samverka.Features.Municipalities.Calendar;
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
    }
}
