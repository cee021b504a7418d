using Microsoft.AspNetCore.Http.HttpResults;
using Samverka.Features.Municipalities.Calendar;
using Samverka.Platform.Modules;

namespace Samverka.Features.Municipalities;

public sealed class MunicipalitiesModule : IModule
{
    public ModuleManifest Manifest { get; } = new(FeatureTable.Municipalities)
    {
        Navigation =
        [
            new("/municipalities", "Nav.Municipalities", 10),
            new("/api/v1/municipalities", "Nav.OpenData", 10, Menu: Menu.Footer),
        ],
        Datasets =
        [
            new("Municipalities on Samverka", ["JSON"], OpenLicence, "/api/v1/municipalities"),
            new("Budget calendar per municipality", ["iCalendar"], OpenLicence, "/api/v1/municipalities/{code}/calendar.ics"),
        ],
        DemoSeeders = [typeof(MunicipalitiesDemoSeeder)],
    };

    private const string OpenLicence = "CC0-1.0";

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddStrings<MunicipalitiesStrings>();
        Samverka.Platform.Privacy.PersonalData.AddPersonalDataSource<MunicipalitiesPersonalData>(services);
        services.AddScoped<IDemoSeeder, MunicipalitiesDemoSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/municipalities").WithTags("Municipalities");
        api.MapGet("", ListActive).AllowAnonymous().WithName("ListMunicipalities");
        api.MapGet("/{code}/team", Team).RequireAuthorization(Policies.TenantStaff).WithName("MunicipalityTeam");
        api.MapGet("/{code}/calendar.ics", CalendarIcs).AllowAnonymous().WithName("MunicipalityCalendar");
    }

    public sealed record MunicipalityDto(string Code, string Name, string Region, string RegionCode, string Country);

    public sealed record TeamMemberDto(string Name, string Email, string Role);

    /// The active municipalities, public open data.
    internal static async Task<Ok<List<MunicipalityDto>>> ListActive(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Tenants.AsNoTracking()
            .Where(t => t.Kind == TenantKind.Municipality && t.IsActive)
            .OrderBy(t => t.CountryCode).ThenBy(t => t.Parent!.Name).ThenBy(t => t.Name)
            .Select(t => new MunicipalityDto(t.Code, t.Name, t.Parent!.Name, t.Parent.Code, t.CountryCode))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    /// The public budget calendar and public meetings as an iCalendar feed, by the municipality's official code.
    internal static async Task<IResult> CalendarIcs(string code, AppDbContext db, TimeProvider clock,
        Microsoft.Extensions.Localization.IStringLocalizer<Samverka.Platform.Localization.SharedResource> l,
        Samverka.Platform.Email.PublicUrls urls, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code && t.Kind == TenantKind.Municipality && t.IsActive, ct);
        if (tenant is null) return TypedResults.NotFound();
        var events = await db.BudgetEvents().AsNoTracking().Where(e => e.TenantId == tenant.Id && e.IsPublic)
            .OrderBy(e => e.Date).ToListAsync(ct);
        var ics = Samverka.Platform.Events.ICalendar.Write(CalendarFeed.For(tenant.Name),
            events.Select(e => CalendarFeed.ToPublicEvent(e, tenant.Code, k => l["BudgetEventKind." + k], urls.Absolute)),
            clock.GetUtcNow().UtcDateTime);
        return TypedResults.Text(ics, "text/calendar; charset=utf-8");
    }

    /// The municipality's people and roles: non-public, for its own staff only.
    internal static async Task<Ok<List<TeamMemberDto>>> Team(AppDbContext db, TenantContext tenantContext, CancellationToken ct)
    {
        var tenant = tenantContext.Required;
        var members = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.TenantId == tenant.Id)
            .OrderBy(r => r.User!.DisplayName)
            .Select(r => new TeamMemberDto(r.User!.DisplayName, r.User.Email!, r.Role.ToString()))
            .ToListAsync(ct);
        return TypedResults.Ok(members);
    }
}
