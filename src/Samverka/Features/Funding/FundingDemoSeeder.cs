using Samverka.Features.Funding.Calls;
using Samverka.Features.Funding.Programmes;
using Samverka.Features.Municipalities.Profile;
using Samverka.Features.Register;
using Samverka.Platform.Modules;

namespace Samverka.Features.Funding;

/// Borlänge's yearly organisation grant and its youth initiative grant, each with an open call, a form and criteria.
internal sealed class FundingDemoSeeder(AppDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var borlange = await db.Tenants.SingleAsync(t => t.Code == "2081", ct);
        if (await db.GrantProgrammes().AnyAsync(p => p.TenantId == borlange.Id, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = CallBoard.Today(clock);
        var leisure = await db.ProfileEntries().Where(e => e.TenantId == borlange.Id && e.Section == ProfileSection.Organisation
            && e.Title == "Kultur- och fritidsförvaltningen").Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        const string appeal = "Beslutet kan överklagas genom laglighetsprövning hos förvaltningsrätten i Falun inom tre veckor från den dag " +
            "beslutet tillkännagavs på kommunens anslagstavla.";

        var yearly = new GrantProgramme
        {
            TenantId = borlange.Id, DepartmentId = leisure, Kind = GrantKind.OrganisationGrant, Title = "Grundbidrag till föreningar",
            Purpose = "Ett årligt bidrag till ideella föreningar som driver verksamhet för Borlängebor, särskilt för barn och unga.",
            Goals = "Fler barn och unga deltar i föreningslivet; ett jämlikt fritidsutbud i alla stadsdelar.",
            Areas = ["leisure", "sport", "youth", "culture"], LegalForms = [LegalForm.NonProfitAssociation], LocalOnly = true,
            MinimumMembers = 10, Budget = 2_400_000, PaymentSchedule = "60,40", Recurrence = GrantRecurrence.Yearly,
            Decider = GrantDecider.Committee, Late = LateApplications.ReducedPerWeek, LateReductionPercent = 10,
            RequiredDocuments = ["minutes", "activity-report", "financial-statement", "auditor-report"],
            ReportingRequirements = "Verksamhetsberättelse och ekonomisk redovisning för bidragsåret.", ReportDueDays = 120,
            AppealInformation = appeal, CreatedAt = now, UpdatedAt = now,
        };
        var youth = new GrantProgramme
        {
            TenantId = borlange.Id, DepartmentId = leisure, Kind = GrantKind.YouthInitiative, Title = "Ungt initiativ",
            Purpose = "Snabba, små bidrag till ungas egna idéer: ett evenemang, en turnering, en kurs eller en mötesplats som unga själva driver.",
            Areas = ["youth", "leisure", "culture", "social-inclusion"], LegalForms = [LegalForm.NonProfitAssociation, LegalForm.InformalGroup],
            LocalOnly = true, AgeFrom = 13, AgeTo = 25, Budget = 150_000, PaymentSchedule = "100", Recurrence = GrantRecurrence.EveryTerm,
            Decider = GrantDecider.DelegatedOfficer, Late = LateApplications.Refused,
            ReportingRequirements = "Några rader och gärna bilder om vad som hände och hur många som var med.", ReportDueDays = 30,
            AppealInformation = appeal, CreatedAt = now, UpdatedAt = now,
        };
        db.GrantProgrammes().AddRange(yearly, youth);

        var order = 0;
        ProgrammeQuestion Q(GrantProgramme p, string group, QuestionKind kind, string label, bool required = true, params string[] choices) =>
            new() { TenantId = borlange.Id, ProgrammeId = p.Id, Order = ++order, Group = group, Kind = kind, Label = label, Required = required, Choices = [.. choices] };
        db.ProgrammeQuestions().AddRange(
            Q(yearly, "Verksamheten", QuestionKind.LongText, "Beskriv föreningens verksamhet under året som gått"),
            Q(yearly, "Verksamheten", QuestionKind.Number, "Antal aktiviteter för barn och unga under året"),
            Q(yearly, "Verksamheten", QuestionKind.Choice, "Var i kommunen har ni mest verksamhet?", true, "Centrum", "Jakobsgårdarna och Tjärna ängar", "Kvarnsveden", "Hela kommunen"),
            Q(yearly, "Pengar", QuestionKind.Number, "Sökt belopp (kronor)"),
            Q(yearly, "Pengar", QuestionKind.Budget, "Budget för året med egen insats och andra bidrag"));
        order = 0;
        db.ProgrammeQuestions().AddRange(
            Q(youth, "Idén", QuestionKind.ShortText, "Vad heter ert initiativ?"),
            Q(youth, "Idén", QuestionKind.LongText, "Vad vill ni göra, och för vem?"),
            Q(youth, "Idén", QuestionKind.Date, "När ska det hända?"),
            Q(youth, "Pengar", QuestionKind.Number, "Hur mycket söker ni (högst 15 000 kronor)?"),
            Q(youth, "Pengar", QuestionKind.File, "Bifoga gärna en enkel budget", false));
        db.ProgrammeCriteria().AddRange(
            new ProgrammeCriterion { TenantId = borlange.Id, ProgrammeId = yearly.Id, Order = 1, Title = "Verksamhet för barn och unga", Weight = 3 },
            new ProgrammeCriterion { TenantId = borlange.Id, ProgrammeId = yearly.Id, Order = 2, Title = "Jämlikhet och inkludering", Description = "Når verksamheten dem som annars inte deltar?", Weight = 2 },
            new ProgrammeCriterion { TenantId = borlange.Id, ProgrammeId = yearly.Id, Order = 3, Title = "Ekonomi i ordning", Weight = 1 },
            new ProgrammeCriterion { TenantId = borlange.Id, ProgrammeId = youth.Id, Order = 1, Title = "Unga driver själva", Weight = 2 },
            new ProgrammeCriterion { TenantId = borlange.Id, ProgrammeId = youth.Id, Order = 2, Title = "Fler får vara med", Weight = 1 });

        db.GrantCalls().AddRange(
            new GrantCall
            {
                TenantId = borlange.Id, ProgrammeId = yearly.Id, Title = $"Grundbidrag {today.Year + 1}",
                Description = "Ansök om grundbidrag för nästa år. Föreningens årsmöteshandlingar lämnas en gång i Samverka och följer med ansökan.",
                Pot = 2_400_000, Opens = today.AddDays(-10), Closes = today.AddDays(40), Status = CallStatus.Published, PublishedAt = now, CreatedAt = now, UpdatedAt = now,
            },
            new GrantCall
            {
                TenantId = borlange.Id, ProgrammeId = youth.Id, Title = "Ungt initiativ – vårens omgång",
                Description = "Har ni en idé för unga i Borlänge? Sök upp till 15 000 kronor. Ni får besked inom två veckor.",
                Pot = 75_000, Opens = today.AddDays(-3), Closes = today.AddDays(25), Status = CallStatus.Published, PublishedAt = now, CreatedAt = now, UpdatedAt = now,
            });
        await db.SaveChangesAsync(ct);
    }
}
