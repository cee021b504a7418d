using Microsoft.AspNetCore.Http.HttpResults;
using Samverka.Platform.Jobs;
using Samverka.Platform.Modules;

namespace Samverka.Features.Needs;

/// The needs board: departments publish societal problems they want help with; organisations find them.
public sealed class NeedsModule : IModule
{
    public ModuleManifest Manifest { get; } = new(FeatureTable.Needs)
    {
        Navigation = [new("/needs", "Nav.Needs", 30)],
        Datasets = [new("Open needs", ["JSON"], "CC0-1.0", "/api/v1/needs")],
        Statistics = ["Median response time", "Open needs"],
        DemoSeeders = [typeof(NeedsDemoSeeder)],
        Notifications = [Matching.FittingNeedsDigest.Declared, NeedNotifications.Followed, NeedNotifications.Invited],
        StoresOrganisationIds = true,
    };

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddStrings<NeedsStrings>();
        Samverka.Platform.Privacy.PersonalData.AddPersonalDataSource<NeedsPersonalData>(services);
        services.AddScoped<IDemoSeeder, NeedsDemoSeeder>();
        services.AddScoped<NeedNotifications>();
        services.AddPageContribution<Samverka.Features.Register.OrganisationPage, NeedsContributions>();
        services.AddPageContribution<Samverka.Features.Municipalities.MunicipalityPage, NeedsContributions>();
        services.AddScoped<IStatisticsContributor, NeedsContributions>();
        services.AddScoped<IMyWorkSource, NeedsMyWork>();
        services.AddScoped<Matching.NeedMatcher>();
        services.AddScoped<Samverka.Platform.Notifications.IDigestSource, Matching.FittingNeedsDigest>();
        services.AddScoped<Samverka.Platform.Merging.IMergeParticipant, Matching.NeedsMergeParticipant>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/needs").WithTags("Needs");
        api.MapGet("", List).AllowAnonymous().WithName("ListNeeds");
        api.MapGet("/{id:guid}/matches", Matches).AllowAnonymous().WithName("NeedMatches");
    }

    public sealed record MatchReasonDto(string Code, string Text, double Points);
    public sealed record MatchDto(Guid OrganisationId, string Name, string? Municipality, double Score, IReadOnlyList<MatchReasonDto> Reasons);
    /// Total counts the best matches (NeedMatcher.Best at most), of which Items is page Page.
    public sealed record MatchPage(Guid NeedId, IReadOnlyList<MatchDto> Items, int Total, int Page, int PageSize);

    /// The register's organisations that best fit a published need, each with the reasons, best first. Drafts are
    /// not found here (their municipality's staff see matches on the need's own pages).
    internal static async Task<Results<Ok<MatchPage>, NotFound>> Matches(Guid id, int? page, int? pageSize, AppDbContext db, Matching.NeedMatcher matcher, CancellationToken ct)
    {
        var row = await db.Needs().AsNoTracking().Where(n => n.Id == id && n.Status != NeedStatus.Draft)
            .Join(db.Tenants, n => n.TenantId, t => t.Id, (n, t) => new NeedRow { Need = n, Municipality = t }).SingleOrDefaultAsync(ct);
        if (row is null) return TypedResults.NotFound();
        var size = Math.Clamp(pageSize ?? Matching.NeedMatcher.Best, 1, Matching.NeedMatcher.Best);
        var number = Math.Clamp(page ?? 1, 1, Matching.NeedMatcher.Best);
        var matches = await matcher.ForNeedAsync(row.Need, row.Municipality.Code, row.Municipality.Name, Matching.NeedMatcher.Best, ct);
        return TypedResults.Ok(new MatchPage(id, matches.Skip((number - 1) * size).Take(size).Select(m => new MatchDto(m.OrganisationId, m.Name, m.Municipality, m.Score,
            m.Reasons.Select(r => new MatchReasonDto(r.Code, r.Text, r.Points)).ToList())).ToList(), matches.Count, number, size));
    }

    public sealed record NeedDto(Guid Id, string Title, string Municipality, string MunicipalityCode, DateOnly Closes, IReadOnlyList<string> Areas, IReadOnlyList<string> Forms);
    public sealed record NeedPage(IReadOnlyList<NeedDto> Items, int Total, int Page, int PageSize);

    /// Open needs (published, not yet closed), soonest closing first. Drafts never appear here.
    internal static async Task<Ok<NeedPage>> List(AppDbContext db, TimeProvider clock, string? municipality, string? area,
        int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Max(1, page ?? 1);
        var query = OpenNeeds(db, clock, municipality, area);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.Need.Closes).ThenBy(x => x.Need.Title)
            .Skip((number - 1) * size).Take(size)
            .Select(x => new NeedDto(x.Need.Id, x.Need.Title, x.Municipality.Name, x.Municipality.Code, x.Need.Closes, x.Need.Areas, x.Need.Forms))
            .ToListAsync(ct);
        return TypedResults.Ok(new NeedPage(items, total, number, size));
    }

    public sealed class NeedRow
    {
        public Need Need { get; init; } = default!;
        public Tenant Municipality { get; init; } = default!;
    }

    public static IQueryable<NeedRow> OpenNeeds(AppDbContext db, TimeProvider clock, string? municipality, string? area)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var query = db.Needs().AsNoTracking().Where(n => n.Status == NeedStatus.Open && n.Closes >= today)
            .Join(db.Tenants, n => n.TenantId, t => t.Id, (n, t) => new NeedRow { Need = n, Municipality = t });
        if (!string.IsNullOrWhiteSpace(municipality)) query = query.Where(x => x.Municipality.Code == municipality);
        if (!string.IsNullOrWhiteSpace(area)) query = query.Where(x => x.Need.Areas.Contains(area));
        return query;
    }
}
