using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Data;
using Samverka.Platform.Modules;

namespace Samverka.Features.Register;

public sealed class RegisterModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<IDemoSeeder, RegisterDemoSeeder>();
        services.AddScoped<IDemoSeeder, RegisterDemoMembers>();
        services.AddScoped<Samverka.Platform.Identity.IOrganisationDirectory, OrganisationDirectory>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/organisations").WithTags("Register").AllowAnonymous();
        api.MapGet("", List).WithName("ListOrganisations");
        api.MapGet("/{id:guid}", Get).WithName("GetOrganisation");
    }

    public sealed record OrganisationItem(Guid Id, string Name, string LegalForm, string Country, string? Municipality);

    internal static async Task<Ok<OrganisationPage>> List(AppDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Max(page ?? 1, 1);
        var query = OrganisationQueries.Filter(db.Organisations().AsNoTracking(), q);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.Name).Skip((number - 1) * size).Take(size)
            .Select(o => new OrganisationItem(o.Id, o.Name, o.LegalForm.ToString(), o.CountryCode, o.HomeMunicipality!.Name))
            .ToListAsync(ct);
        return TypedResults.Ok(new OrganisationPage(items, total, number, size));
    }

    internal static async Task<Results<Ok<OrganisationItem>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var item = await db.Organisations().AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OrganisationItem(o.Id, o.Name, o.LegalForm.ToString(), o.CountryCode, o.HomeMunicipality!.Name))
            .SingleOrDefaultAsync(ct);
        return item is null ? TypedResults.NotFound() : TypedResults.Ok(item);
    }
}

public sealed record OrganisationPage(List<RegisterModule.OrganisationItem> Items, int Total, int Page, int PageSize);

public static class OrganisationQueries
{
    /// A simple name filter; the full register search (issue 3) replaces this.
    public static IQueryable<Organisation> Filter(IQueryable<Organisation> query, string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return query;
        var term = q.Trim().ToLower();
        return query.Where(o => o.Name.ToLower().Contains(term) || o.Description.ToLower().Contains(term));
    }
}
