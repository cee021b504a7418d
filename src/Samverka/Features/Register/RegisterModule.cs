using Microsoft.AspNetCore.Http.HttpResults;
using Samverka.Features.Register.Exchange;
using Samverka.Features.Register.Search;
using Samverka.Platform.Jobs;
using Samverka.Platform.Modules;

namespace Samverka.Features.Register;

public sealed class RegisterModule : IModule
{
    public ModuleManifest Manifest { get; } = new(FeatureTable.Register)
    {
        Navigation = [new("/organisations", "Nav.Organisations", 20)],
        Datasets =
        [
            new("Organisations and services (HSDS 3.0)", ["JSON"], OpenLicence, "/api/hsds/organizations"),
            new("Organisation register export", ["CSV", "XLSX", "HSDS"], OpenLicence, "/organisations/export"),
            new("Organisations", ["JSON"], OpenLicence, "/api/v1/organisations"),
        ],
        DemoSeeders = [typeof(RegisterDemoSeeder), typeof(RegisterDemoMembers)],
        RecurringJobs = [Upkeep.FreshnessSweepJob.JobType],
        Notifications = [RegistrationService.Desk, RegistrationService.Decisions, Upkeep.FreshnessSweep.Kind],
        // The register owns the organisations: its MergeService moves its own records; others take part through it.
    };

    private const string OpenLicence = "CC0-1.0";

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddStrings<RegisterStrings>();
        services.AddScoped<IMyWorkSource, RegisterMyWork>();
        Samverka.Platform.Privacy.PersonalData.AddPersonalDataSource<RegisterPersonalData>(services);
        services.AddScoped<IDemoSeeder, RegisterDemoSeeder>();
        services.AddScoped<IDemoSeeder, RegisterDemoMembers>();
        services.AddScoped<Samverka.Platform.Identity.IOrganisationDirectory, OrganisationDirectory>();

        var search = config.GetSection(SearchIndexOptions.Section).Get<SearchIndexOptions>() ?? new SearchIndexOptions();
        services.AddSingleton(sp =>
        {
            var path = search.IndexPath;
            if (!string.IsNullOrEmpty(path) && !Path.IsPathRooted(path))
                path = Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, path);
            if (!string.IsNullOrEmpty(path)) Directory.CreateDirectory(path);
            return new RegisterIndex(path);
        });
        services.AddSingleton<RegisterIndexState>();
        services.AddSingleton<RegisterIndexFollower>();
        services.AddSingleton<RegisterSearch>();
        services.AddScoped<OrganisationForm>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<RegistrationService>();

        services.AddSingleton(config.GetSection(Upkeep.FreshnessOptions.Section).Get<Upkeep.FreshnessOptions>() ?? new Upkeep.FreshnessOptions());
        services.AddScoped<Upkeep.FreshnessSweep>();
        services.AddSingleton<Upkeep.ConfirmationLinks>();
        services.AddRecurringJob<Upkeep.FreshnessSweepJob>(Upkeep.FreshnessSweepJob.JobType, _ => TimeSpan.FromMinutes(1));
        services.AddScoped<Upkeep.MergeService>();
        services.AddScoped<Samverka.Platform.Merging.IMergeParticipant, Upkeep.RegisterMergeParticipant>();
        services.AddScoped<Exchange.RegisterImporter>();
        services.AddScoped<Samverka.Platform.Files.IFileAccess, Exchange.ImportFileAccess>();
        services.AddHostedService<RegisterIndexFollowerService>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, RegisterChangeInterceptor>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/organisations").WithTags("Register");
        api.MapGet("", List).AllowAnonymous().WithName("SearchOrganisations")
            .WithDescription("Search the public register: q (free text), one parameter per facet (municipality, area, targetGroup, age, legalForm, language; repeat for several values), sort (relevance, name, confirmed), page, pageSize (at most 100).");
        api.MapGet("/{id:guid}", Get).AllowAnonymous().WithName("GetOrganisation");
        endpoints.MapRegisterExchange();
    }

    public sealed record OrganisationItem(Guid Id, string Name, string LegalForm, string? Municipality, DateTime LastConfirmed, bool MayBeOutdated);
    public sealed record FacetCount(string Value, int Count);
    public sealed record OrganisationSearchPage(List<OrganisationItem> Items, int Total, int Page, int PageSize, Dictionary<string, List<FacetCount>> Facets);
    public sealed record OrganisationDetails(Guid Id, string Name, string LegalForm, string Country, string? Municipality, string? OrganisationNumber,
        string Description, List<string> Areas, List<string> TargetGroups, int? AgeFrom, int? AgeTo, List<string> MunicipalitiesServed,
        List<string> Languages, string? Website, DateTime LastConfirmed, bool MayBeOutdated);

    /// page, pageSize, sort and the ages are declared, though SearchQuery reads the query itself, so that OpenAPI lists them and
    /// a value that is not a number or a known order answers 400 instead of being quietly replaced by the default.
    internal static Results<Ok<OrganisationSearchPage>, ValidationProblem> List(HttpRequest request, RegisterSearch search,
        int? page, int? pageSize, string? sort, int? ageFrom, int? ageTo, IStringLocalizer<SharedResource> l)
    {
        string[] sorts = ["relevance", "name", "confirmed"];
        var problems = SearchQuery.AgeProblems(request.Query, l);
        if (!string.IsNullOrEmpty(sort) && !sorts.Contains(sort)) problems["sort"] = [l["Api.Invalid.Choice", string.Join(", ", sorts)]];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems, title: l["Api.Invalid.Title"]);
        var result = search.Search(SearchQuery.Parse(request.Query));
        return TypedResults.Ok(new OrganisationSearchPage(
            result.Items.Select(i => new OrganisationItem(i.Id, i.Name, i.LegalForm, i.Municipality, i.LastConfirmedAt, i.Freshness >= Freshness.MayBeOutdated)).ToList(),
            result.Total, result.Page, result.PageSize,
            result.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new FacetCount(v.Value, v.Count)).ToList())));
    }

    internal static async Task<Results<Ok<OrganisationDetails>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var o = await db.Organisations().AsNoTracking().Include(x => x.HomeMunicipality)
            .SingleOrDefaultAsync(x => x.Id == id && x.Status == VerificationStatus.Verified, ct);
        return o is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new OrganisationDetails(o.Id, o.Name, o.LegalForm.ToString(), o.CountryCode, o.HomeMunicipality?.Name,
                o.OrganisationNumber, o.Description, o.Areas, o.TargetGroups, o.AgeFrom, o.AgeTo, o.MunicipalitiesServed, o.Languages,
                o.Website, o.LastConfirmedAt, o.Freshness >= Freshness.MayBeOutdated));
    }
}

/// Reads a search from query parameters, the same for the page and the API, so a URL is shareable.
public static class SearchQuery
{
    /// The highest age a search takes.
    public const int MaxAge = 120;

    /// What is wrong with the ages asked for (`ageFrom`, `ageTo`), by parameter, in the person's language; empty when
    /// they can be used. Parse leaves out the ages that have a problem.
    public static Dictionary<string, string[]> AgeProblems(IQueryCollection query, IStringLocalizer l)
    {
        var problems = new Dictionary<string, string[]>();
        var (from, fromOk) = Age(query["ageFrom"]);
        var (to, toOk) = Age(query["ageTo"]);
        if (!fromOk) problems["ageFrom"] = [l["Organisations.AgeInvalid", l["Organisations.AgeFrom"], MaxAge]];
        if (!toOk) problems["ageTo"] = [l["Organisations.AgeInvalid", l["Organisations.AgeTo"], MaxAge]];
        if (from > to) problems["ageTo"] = [l["Validation.AgeOrder"]];
        return problems;
    }

    /// A whole age from 0 to MaxAge, or nothing; false when something else was written.
    private static (int? Age, bool Ok) Age(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, true);
        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxAge ? (n, true) : (null, false);
    }

    public static SearchRequest Parse(IQueryCollection query)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var facet in Facets.All)
        {
            var values = query[facet].Where(v => !string.IsNullOrWhiteSpace(v) && v!.Length <= 64).Select(v => v!).Distinct().Take(50).ToList();
            if (values.Count > 0) filters[facet] = values;
        }
        var sort = query["sort"].ToString() switch
        {
            "name" => SearchSort.Name,
            "confirmed" => SearchSort.RecentlyConfirmed,
            _ => SearchSort.Relevance,
        };
        var page = int.TryParse(query["page"], out var p) ? Math.Clamp(p, 1, 10_000) : 1;
        var size = int.TryParse(query["pageSize"], out var s) ? Math.Clamp(s, 1, RegisterSearch.MaxPageSize) : 20;
        var q = query["q"].ToString();
        var (ageFrom, _) = Age(query["ageFrom"]);
        var (ageTo, _) = Age(query["ageTo"]);
        if (ageFrom > ageTo) (ageFrom, ageTo) = (null, null);
        return new SearchRequest(q.Length > 200 ? q[..200] : q, filters, sort, page, size, AgeFrom: ageFrom, AgeTo: ageTo);
    }

    /// The query string for the same search on another page (or with one filter changed).
    public static string ToQueryString(SearchRequest r, int? page = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(r.Query)) parts.Add("q=" + Uri.EscapeDataString(r.Query));
        foreach (var (facet, values) in r.Filters)
            foreach (var v in values) parts.Add($"{facet}={Uri.EscapeDataString(v)}");
        if (r.AgeFrom is { } from) parts.Add($"ageFrom={from}");
        if (r.AgeTo is { } to) parts.Add($"ageTo={to}");
        if (r.Sort != SearchSort.Relevance) parts.Add("sort=" + (r.Sort == SearchSort.Name ? "name" : "confirmed"));
        if ((page ?? r.Page) > 1) parts.Add($"page={page ?? r.Page}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
