using Microsoft.AspNetCore.Http.HttpResults;
using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Partnerships.Health;
using Samverka.Features.Partnerships.Running;
using Samverka.Platform.Jobs;
using Samverka.Platform.Modules;

namespace Samverka.Features.Partnerships;

/// Partnerships from the first conversation to renewal: parties, the guided workflow, the agreement, follow-up and
/// health signals.
public sealed class PartnershipsModule : IModule
{
    public ModuleManifest Manifest { get; } = new(FeatureTable.Partnerships)
    {
        Navigation = [new("/partnerships", "Nav.Partnerships", 40)],
        Datasets = [new("Public partnerships", ["JSON"], "CC0-1.0", "/api/v1/partnerships")],
        DemoSeeders = [typeof(PartnershipsDemoSeeder)],
        RecurringJobs = [ReminderJob.JobType],
        Notifications = [Reminders.Kind],
        StoresOrganisationIds = true,
    };

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddStrings<PartnershipsStrings>();
        services.AddScoped<IMyWorkSource, PartnershipsMyWork>();
        Samverka.Platform.Privacy.PersonalData.AddPersonalDataSource<PartnershipsPersonalData>(services);
        services.AddPartnershipPolicies();
        services.AddScoped<IDemoSeeder, PartnershipsDemoSeeder>();
        services.AddScoped<AgreementBuilder>();
        services.AddPageContribution<Samverka.Features.Register.OrganisationPage, PartnershipsContributions>();
        services.AddPageContribution<Samverka.Features.Municipalities.MunicipalityPage, PartnershipsContributions>();
        services.AddPageContribution<Samverka.Features.Advisor.SavedAdvicePage, PartnershipsContributions>();
        services.AddPageContribution<Samverka.Features.Needs.NeedPage, PartnershipsContributions>();
        services.AddScoped<AgreementService>();
        services.AddScoped<Reminders>();
        services.AddScoped<Samverka.Platform.Merging.IMergeParticipant, PartnershipsMergeParticipant>();
        services.AddScoped<Pages.PartnershipPageServices>();
        services.AddSingleton(config.GetSection(ReminderOptions.Section).Get<ReminderOptions>() ?? new ReminderOptions());
        services.AddRecurringJob<ReminderJob>(ReminderJob.JobType, sp => TimeSpan.FromMinutes(5));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/partnerships").WithTags("Partnerships");
        api.MapGet("", List).AllowAnonymous().WithName("ListPartnerships");
        api.MapGet("/{id:guid}", Get).AllowAnonymous().WithName("GetPartnership");
        api.MapGet("/{id:guid}/health", GetHealth).RequireAuthorization().WithName("PartnershipHealth");
        api.MapGet("/{id:guid}/agreement.docx", ApprovedAgreement).AllowAnonymous().WithName("PartnershipAgreement");
        api.MapGet("/{id:guid}/agreement.pdf", ApprovedAgreementPdf).AllowAnonymous().WithName("PartnershipAgreementPdf");
        // A given version, for the parties (and the approved one for everyone, unless confidential).
        endpoints.MapGet("/partnerships/{id:guid}/agreement/{number:int}.docx", Version).AllowAnonymous();
        endpoints.MapGet("/partnerships/{id:guid}/agreement/{number:int}.pdf", VersionPdf).AllowAnonymous();
    }

    public sealed record PartyDto(string Kind, string Name, string? Department, string? MunicipalityCode, Guid? OrganisationId);
    public sealed record PeriodDto(DateOnly? Starts, DateOnly? Ends);
    public sealed record SummaryDto(Guid Id, string Title, string Form, string Status, IReadOnlyList<PartyDto> Parties, PeriodDto? Period);
    public sealed record AgreementDto(int Version, DateTime ApprovedAt, string Url);
    public sealed record DetailDto(Guid Id, string Title, string Form, string Status, IReadOnlyList<PartyDto> Parties, PeriodDto? Period,
        string? Purpose, decimal? PublicMoney, IReadOnlyList<string> Confidential, string? ConfidentialReason, AgreementDto? Agreement);
    public sealed record PartnershipPage(IReadOnlyList<SummaryDto> Items, int Total, int Page, int PageSize);
    public sealed record SignalDto(string Code, string Pitfall, string Severity, int Count, string Title, string Explanation, string NextStep);
    public sealed record BalanceDto(string Party, decimal Contributed, double ContributionShare, int Tasks, double TaskShare);
    public sealed record HealthDto(Guid Id, IReadOnlyList<SignalDto> Signals, IReadOnlyList<BalanceDto> Balance);

    internal static string Code(Enum value) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// Public partnerships (not those still exploring), newest first; filter by municipality code or organisation.
    internal static async Task<Results<Ok<PartnershipPage>, ValidationProblem>> List(AppDbContext db, string? municipality, Guid? organisation, string? status,
        int? page, int? pageSize, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        // An unknown status would otherwise be ignored and list every partnership, as if the filter had worked.
        var statuses = Enum.GetValues<PartnershipStatus>().Select(s => Code(s)).ToList();
        if (!string.IsNullOrWhiteSpace(status) && !statuses.Contains(status.Trim().ToLowerInvariant()))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [l["Api.Invalid.Choice", string.Join(", ", statuses)]] },
                title: l["Api.Invalid.Title"]);
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Max(1, page ?? 1);
        var query = PublicQuery(db, municipality, organisation, status);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.CreatedAt).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var parties = await PartiesOfAsync(db, rows.Select(r => r.Id).ToList(), ct);
        var items = rows.Select(p => new SummaryDto(p.Id, p.Title, Code(p.Form), Code(p.Status), parties[p.Id], Period(p))).ToList();
        return TypedResults.Ok(new PartnershipPage(items, total, number, size));
    }

    public static IQueryable<Partnership> PublicQuery(AppDbContext db, string? municipality, Guid? organisation, string? status)
    {
        var query = db.Partnerships().AsNoTracking().Where(p => p.Status != PartnershipStatus.Exploring);
        if (!string.IsNullOrWhiteSpace(municipality))
            query = query.Where(p => db.PartnershipParties().Any(x => x.PartnershipId == p.Id &&
                db.Tenants.Any(t => t.Id == x.TenantId && t.Code == municipality)));
        if (organisation is { } o)
            query = query.Where(p => db.PartnershipParties().Any(x => x.PartnershipId == p.Id && x.OrganisationId == o));
        if (Enum.TryParse<PartnershipStatus>(status?.Replace("-", ""), true, out var s)) query = query.Where(p => p.Status == s);
        return query;
    }

    internal static async Task<Dictionary<Guid, IReadOnlyList<PartyDto>>> PartiesOfAsync(AppDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var rows = await db.PartnershipParties().AsNoTracking().Where(x => ids.Contains(x.PartnershipId))
            .GroupJoin(db.Tenants, x => x.TenantId, t => t.Id, (x, ts) => new { x, ts })
            .SelectMany(g => g.ts.DefaultIfEmpty(), (g, t) => new { g.x, Code = t == null ? null : t.Code })
            .ToListAsync(ct);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<PartyDto>)rows.Where(r => r.x.PartnershipId == id)
            .OrderBy(r => r.x.JoinedAt).Select(r => Party(r.x, r.Code)).ToList());
    }

    private static PartyDto Party(PartnershipParty x, string? code) =>
        new(Code(x.Kind), x.Name, x.Department, code, x.OrganisationId);

    private static PeriodDto? Period(Partnership p) => p.IsConfidential(ConfidentialField.Period) ? null : new PeriodDto(p.StartsOn, p.EndsOn);

    private static async Task<(PartnershipFile? File, PartnershipRights? Rights)> SeeAsync(AppDbContext db, CurrentUser current, Guid id, CancellationToken ct)
    {
        var f = await PartnershipFile.LoadAsync(db, id, ct);
        if (f is null) return (null, null);
        var rights = f.RightsOf(await current.GetAccessAsync(ct));
        return rights.CanSee ? (f, rights) : (null, null);
    }

    internal static async Task<Results<Ok<DetailDto>, NotFound>> Get(Guid id, AppDbContext db, CurrentUser current, CancellationToken ct)
    {
        var (f, _) = await SeeAsync(db, current, id, ct);
        if (f is null) return TypedResults.NotFound();
        var p = f.Partnership;
        var codes = await db.Tenants.AsNoTracking().Where(t => f.Parties.Select(x => x.TenantId).Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Code, ct);
        var approved = f.ApprovedVersion;
        var agreement = approved is null || p.IsConfidential(ConfidentialField.Agreement) ? null
            : new AgreementDto(approved.Number, approved.FrozenAt!.Value, $"/api/v1/partnerships/{id}/agreement.docx");
        // The API gives the public summary to everyone, the parties included: private work is on the pages.
        return TypedResults.Ok(new DetailDto(p.Id, p.Title, Code(p.Form), Code(p.Status),
            f.Parties.Select(x => Party(x, x.TenantId is { } t ? codes.GetValueOrDefault(t) : null)).ToList(), Period(p),
            p.IsConfidential(ConfidentialField.Purpose) ? null : p.Purpose,
            p.IsConfidential(ConfidentialField.PublicMoney) ? null : f.PublicMoney,
            p.ConfidentialFields, p.ConfidentialFields.Count > 0 ? p.ConfidentialReason : null, agreement));
    }

    /// The health signals are the parties' own working tool: only party members get them.
    internal static async Task<IResult> GetHealth(Guid id, AppDbContext db, CurrentUser current, TimeProvider clock,
        IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct)
    {
        var (f, _) = await SeeAsync(db, current, id, ct);
        if (f is null) return TypedResults.NotFound();
        if (!await http.IsAllowedAsync(f, PartnershipPolicies.Party)) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var signals = HealthCheck.Evaluate(f, today).Select(s => new SignalDto(s.Code, Code(s.Pitfall), Code(s.Severity), s.Count,
            l.CountOf("Health." + s.Code, s.Count), l["HealthWhy." + s.Code], l["HealthNext." + s.Code])).ToList();
        var balance = HealthCheck.Balance(f).Select(b => new BalanceDto(b.Name, b.Contributed, Math.Round(b.ContributionShare, 3), b.Tasks, Math.Round(b.TaskShare, 3))).ToList();
        return TypedResults.Ok(new HealthDto(id, signals, balance));
    }

    internal static Task<IResult> ApprovedAgreement(Guid id, AppDbContext db, CurrentUser current, AgreementService agreements, CancellationToken ct) =>
        ApprovedAsync(id, pdf: false, db, current, agreements, ct);

    internal static Task<IResult> ApprovedAgreementPdf(Guid id, AppDbContext db, CurrentUser current, AgreementService agreements, CancellationToken ct) =>
        ApprovedAsync(id, pdf: true, db, current, agreements, ct);

    internal static Task<IResult> Version(Guid id, int number, AppDbContext db, CurrentUser current, AgreementService agreements, CancellationToken ct) =>
        VersionAsync(id, number, pdf: false, db, current, agreements, ct);

    internal static Task<IResult> VersionPdf(Guid id, int number, AppDbContext db, CurrentUser current, AgreementService agreements, CancellationToken ct) =>
        VersionAsync(id, number, pdf: true, db, current, agreements, ct);

    private static async Task<IResult> ApprovedAsync(Guid id, bool pdf, AppDbContext db, CurrentUser current, AgreementService agreements, CancellationToken ct)
    {
        var (f, rights) = await SeeAsync(db, current, id, ct);
        if (f?.ApprovedVersion is not { } v) return TypedResults.NotFound();
        return await FileAsync(f, rights!, v, pdf, agreements, ct);
    }

    private static async Task<IResult> VersionAsync(Guid id, int number, bool pdf, AppDbContext db, CurrentUser current, AgreementService agreements, CancellationToken ct)
    {
        var (f, rights) = await SeeAsync(db, current, id, ct);
        if (f?.Versions.FirstOrDefault(x => x.Number == number) is not { } v) return TypedResults.NotFound();
        // Drafts are the parties' working papers.
        if (v.FrozenAt is null && !rights!.IsParty) return TypedResults.NotFound();
        return await FileAsync(f, rights!, v, pdf, agreements, ct);
    }

    /// One access rule for both formats: the PDF is made from the version's stored .docx, so it is that version.
    private static async Task<IResult> FileAsync(PartnershipFile f, PartnershipRights rights, AgreementVersion v, bool pdf, AgreementService agreements, CancellationToken ct)
    {
        if (f.Partnership.IsConfidential(ConfidentialField.Agreement) && !rights.IsParty) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        var name = AgreementFileName.Of(f.Partnership.Title, v.Number);
        if (pdf)
            return await agreements.PdfAsync(v.Id, ct) is { } document
                ? TypedResults.File(document, "application/pdf", name + ".pdf")
                : TypedResults.NotFound();
        var bytes = await agreements.DocumentAsync(v.Id, ct);
        if (bytes is null) return TypedResults.NotFound();
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
    }
}
