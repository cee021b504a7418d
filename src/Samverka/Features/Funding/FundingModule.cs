using Microsoft.AspNetCore.Http.HttpResults;
using Samverka.Features.Funding.Calls;
using Samverka.Features.Funding.Programmes;
using Samverka.Platform.Modules;

namespace Samverka.Features.Funding;

/// Funding: grant programmes, calls, applications, review, decisions, payments and reporting back (issue 17).
/// The organisation's annual filing is made once and reused by every municipality it applies to.
public sealed class FundingModule : IModule
{
    public ModuleManifest Manifest { get; } = new(FeatureTable.Funding)
    {
        Navigation = [new("/funding", "Nav.Funding", 35)],
        Datasets = [new("Open grant calls", ["JSON", "iCalendar"], "CC0-1.0", "/api/v1/calls")],
        DemoSeeders = [typeof(FundingDemoSeeder)],
    };

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddStrings<FundingStrings>();
        services.AddScoped<IDemoSeeder, FundingDemoSeeder>();
        services.AddPageContribution<Samverka.Features.Municipalities.MunicipalityPage, FundingContributions>();
        services.AddPageContribution<Samverka.Features.Needs.NeedPage, FundingContributions>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/calls").WithTags("Funding");
        api.MapGet("", ListCalls).AllowAnonymous().WithName("ListCalls");
        api.MapGet("/{id:guid}", GetCall).AllowAnonymous().WithName("GetCall");
        api.MapGet("/{id:guid}/deadline.ics", DeadlineIcs).AllowAnonymous().WithName("CallDeadline");
    }

    public sealed record CallDto(Guid Id, string Title, string Municipality, string MunicipalityCode, string Kind, string Programme,
        decimal Pot, string Currency, DateOnly Opens, DateOnly Closes, IReadOnlyList<string> Areas, string Url);
    public sealed record CallPage(IReadOnlyList<CallDto> Items, int Total, int Page, int PageSize);
    public sealed record CallDetailDto(CallDto Call, string Description, string Purpose, string Status, IReadOnlyList<string> LegalForms,
        bool LocalOnly, int? MinimumMembers, int? AgeFrom, int? AgeTo, IReadOnlyList<QuestionDto> Questions, IReadOnlyList<CriterionDto> Criteria,
        IReadOnlyList<string> RequiredDocuments, string Decider, IReadOnlyList<int> Instalments);
    public sealed record QuestionDto(string Group, string Kind, string Label, bool Required, IReadOnlyList<string> Choices);
    public sealed record CriterionDto(string Title, int Weight);

    private static CallDto Dto(CallRow x, Samverka.Platform.Email.PublicUrls urls) => new(x.Call.Id, x.Call.Title, x.Municipality.Name, x.Municipality.Code,
        x.Programme.Kind.ToString(), x.Programme.Title, x.Call.Pot, x.Programme.Currency, x.Call.Opens, x.Call.Closes, x.Programme.Areas,
        urls.Absolute($"/funding/calls/{x.Call.Id}"));

    /// Published calls that have not closed, soonest deadline first, with the board's filters and paging.
    internal static async Task<Results<Ok<CallPage>, ValidationProblem>> ListCalls(AppDbContext db, TimeProvider clock, Samverka.Platform.Email.PublicUrls urls,
        string? municipality, string? kind, string? area, DateOnly? closesBy, int? page, int? pageSize, CancellationToken ct)
    {
        GrantKind? grantKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<GrantKind>(kind, true, out var k) || !Enum.IsDefined(k))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [$"Unknown kind; one of {string.Join(", ", Enum.GetNames<GrantKind>())}."] });
            grantKind = k;
        }
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Max(1, page ?? 1);
        var query = CallBoard.Open(db, CallBoard.Today(clock), new CallFilter(Text.Blank(municipality), grantKind, Text.Blank(area), closesBy));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.Call.Closes).ThenBy(x => x.Call.Title).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new CallPage(rows.Select(r => Dto(r, urls)).ToList(), total, number, size));
    }

    /// One public call with its programme's rules and form; drafts are not found.
    internal static async Task<Results<Ok<CallDetailDto>, NotFound>> GetCall(Guid id, AppDbContext db, Samverka.Platform.Email.PublicUrls urls, CancellationToken ct)
    {
        var row = await CallBoard.Public(db).SingleOrDefaultAsync(x => x.Call.Id == id, ct);
        if (row is null) return TypedResults.NotFound();
        var p = row.Programme;
        var questions = await db.ProgrammeQuestions().AsNoTracking().Where(q => q.ProgrammeId == p.Id).OrderBy(q => q.Order)
            .Select(q => new QuestionDto(q.Group, q.Kind.ToString(), q.Label, q.Required, q.Choices)).ToListAsync(ct);
        var criteria = await db.ProgrammeCriteria().AsNoTracking().Where(q => q.ProgrammeId == p.Id).OrderBy(q => q.Order)
            .Select(q => new CriterionDto(q.Title, q.Weight)).ToListAsync(ct);
        return TypedResults.Ok(new CallDetailDto(Dto(row, urls), row.Call.Description, p.Purpose, row.Call.Status.ToString(),
            p.LegalForms.Select(f => f.ToString()).ToList(), p.LocalOnly, p.MinimumMembers, p.AgeFrom, p.AgeTo, questions, criteria,
            p.RequiredDocuments, p.Decider.ToString(), GrantProgramme.Instalments(p.PaymentSchedule) ?? [100]));
    }

    /// The call's deadline as an all-day iCalendar entry that links back to the call.
    internal static async Task<IResult> DeadlineIcs(Guid id, AppDbContext db, TimeProvider clock, Samverka.Platform.Email.PublicUrls urls,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var row = await CallBoard.Public(db).SingleOrDefaultAsync(x => x.Call.Id == id, ct);
        if (row is null) return TypedResults.NotFound();
        var c = row.Call;
        var entry = new Samverka.Platform.Events.PublicEvent(c.Id, l["Funding.Call.DeadlineEvent", c.Title], c.Closes, null, null,
            l["Funding.Call.DeadlineEventDescription", row.Municipality.Name], null, urls.Absolute($"/funding/calls/{c.Id}"), c.UpdatedAt, ["grant-call"]);
        var ics = Samverka.Platform.Events.ICalendar.Write(new Samverka.Platform.Events.EventFeed(c.Title, "-//Samverka//Grant calls//SV", "grant-calls.samverka"),
            [entry], clock.GetUtcNow().UtcDateTime);
        return TypedResults.Text(ics, "text/calendar; charset=utf-8");
    }
}

/// Links from the municipality's page (its calls; the staff's grants desk) and from a need (turn it into a call).
internal sealed class FundingContributions(IStringLocalizer<SharedResource> l)
    : IPageContribution<Samverka.Features.Municipalities.MunicipalityPage>, IPageContribution<Samverka.Features.Needs.NeedPage>
{
    public Task<IReadOnlyList<PageLink>> ContributeAsync(Samverka.Features.Municipalities.MunicipalityPage page, CancellationToken ct)
    {
        var code = page.Municipality.Code;
        return Task.FromResult<IReadOnlyList<PageLink>>(
        [
            new(Samverka.Features.Municipalities.MunicipalityPage.WorkWith, 15, $"/funding?municipality={code}", l["Funding.OnBoard"]),
            new(Samverka.Features.Municipalities.MunicipalityPage.ForStaff, 15, $"/municipalities/{code}/funding", l["Funding.Manage.Title"]),
        ]);
    }

    public Task<IReadOnlyList<PageLink>> ContributeAsync(Samverka.Features.Needs.NeedPage page, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PageLink>>(page.Viewer.IsStaffOf(page.Municipality.Id)
            ? [new(Samverka.Features.Needs.NeedPage.ForStaff, 10, $"/municipalities/{page.Municipality.Code}/funding/calls/new?need={page.NeedId}", l["Funding.Call.FromNeedAction"])]
            : []);
}
