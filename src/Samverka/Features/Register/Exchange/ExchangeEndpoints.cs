using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Samverka.Features.Register.Search;

namespace Samverka.Features.Register.Exchange;

/// The public register as open data: CSV, Excel and HSDS 3.0 files, and the HSDS read API.
public static class ExchangeEndpoints
{
    public const int MaxPerPage = 100;

    public static void MapRegisterExchange(this IEndpointRouteBuilder endpoints)
    {
        var hsds = endpoints.MapGroup("/api/hsds").WithTags("HSDS");
        hsds.MapGet("", () => Results.Json(new { version = "3.0", profile = "https://docs.openreferral.org/en/latest/hsds/", openapi_url = "/openapi/v1.json" })).AllowAnonymous();
        hsds.MapGet("/organizations", Organizations).AllowAnonymous().WithName("HsdsOrganizations");
        hsds.MapGet("/organizations/{id:guid}", Organization).AllowAnonymous().WithName("HsdsOrganization");
        hsds.MapGet("/services", Services).AllowAnonymous().WithName("HsdsServices");
        hsds.MapGet("/services/{id:guid}", Service).AllowAnonymous().WithName("HsdsService");

        endpoints.MapGet("/organisations/export", Export).AllowAnonymous().WithTags("Register").WithName("ExportRegister");
        endpoints.MapGet("/organisations/import-template.csv", () => Results.Text(RegisterColumns.CsvLine(RegisterColumns.All) + "\r\n", "text/csv", Encoding.UTF8))
            .AllowAnonymous().WithTags("Register");
        endpoints.MapGet("/organisations/import-template.xlsx", ExcelTemplate).AllowAnonymous().WithTags("Register");
    }

    private static IQueryable<Organisation> Public(AppDbContext db) =>
        db.Set<Organisation>().AsNoTracking().Where(o => o.Status == VerificationStatus.Verified);

    private static IQueryable<Organisation> Full(IQueryable<Organisation> q) =>
        q.AsSplitQuery().Include(o => o.HomeMunicipality).Include(o => o.Services).ThenInclude(s => s.Location).Include(o => o.Locations).Include(o => o.Contacts);

    private static string BaseUrl(HttpRequest r) => r.HttpContext.RequestServices.GetRequiredService<Samverka.Platform.Email.PublicUrls>().Root;

    private static (int Page, int PerPage) Paging(int? page, int? perPage) => (Math.Max(1, page ?? 1), Math.Clamp(perPage ?? 20, 1, MaxPerPage));

    private static async Task<IResult> Organizations(HttpRequest request, AppDbContext db, RegisterSearch search, int? page, int? per_page, bool? full, CancellationToken ct)
    {
        var (p, size) = Paging(page, per_page);
        var text = request.Query["search"].ToString();
        List<Guid> ids;
        int total;
        if (!string.IsNullOrWhiteSpace(text))
        {
            var result = search.Search(new SearchRequest(text, new Dictionary<string, IReadOnlyList<string>>(), SearchSort.Relevance, p, size, IncludeDropped: true));
            ids = result.Items.Select(i => i.Id).ToList();
            total = result.Total;
        }
        else
        {
            total = await Public(db).CountAsync(ct);
            ids = await Public(db).OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((p - 1) * size).Take(size).Select(o => o.Id).ToListAsync(ct);
        }
        var query = full == true ? Full(Public(db)) : Public(db);
        var orgs = (await query.Where(o => ids.Contains(o.Id)).ToListAsync(ct)).OrderBy(o => ids.IndexOf(o.Id));
        var baseUrl = BaseUrl(request);
        return Results.Text(HsdsMapper.Page(orgs.Select(o => (JsonNode)HsdsMapper.Organization(o, baseUrl, withServices: full == true, listItem: full != true)), total, p, size).ToJsonString(), "application/json");
    }

    private static async Task<IResult> Organization(Guid id, HttpRequest request, AppDbContext db, CancellationToken ct)
    {
        var o = await Full(Public(db)).SingleOrDefaultAsync(x => x.Id == id, ct);
        return o is null ? Results.NotFound() : Results.Text(HsdsMapper.Organization(o, BaseUrl(request), withServices: true).ToJsonString(), "application/json");
    }

    private static async Task<IResult> Services(HttpRequest request, AppDbContext db, int? page, int? per_page, Guid? organization_id, CancellationToken ct)
    {
        var (p, size) = Paging(page, per_page);
        var text = request.Query["search"].ToString().Trim().ToLower();
        var services = db.Set<OrganisationService>().AsNoTracking()
            .Join(Public(db), s => s.OrganisationId, o => o.Id, (s, o) => new { s, o });
        if (organization_id is { } orgId) services = services.Where(x => x.o.Id == orgId);
        if (text.Length > 0) services = services.Where(x => x.s.Name.ToLower().Contains(text) || x.s.Description.ToLower().Contains(text));
        var total = await services.CountAsync(ct);
        var rows = await services.OrderBy(x => x.s.Name).ThenBy(x => x.s.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var baseUrl = BaseUrl(request);
        return Results.Text(HsdsMapper.Page(rows.Select(x => (JsonNode)HsdsMapper.Service(x.o, x.s, baseUrl, withOrganization: false, listItem: true)), total, p, size).ToJsonString(), "application/json");
    }

    private static async Task<IResult> Service(Guid id, HttpRequest request, AppDbContext db, CancellationToken ct)
    {
        var orgId = await db.Set<OrganisationService>().Where(s => s.Id == id).Select(s => (Guid?)s.OrganisationId).SingleOrDefaultAsync(ct);
        var o = orgId is null ? null : await Full(Public(db)).SingleOrDefaultAsync(x => x.Id == orgId, ct);
        var s = o?.Services.SingleOrDefault(x => x.Id == id);
        return s is null ? Results.NotFound() : Results.Text(HsdsMapper.Service(o!, s, BaseUrl(request), withOrganization: true).ToJsonString(), "application/json");
    }

    /// The whole public register, streamed in batches so that a national register does not sit in memory at once.
    private static async Task Export(HttpContext http, AppDbContext db, string? format, CancellationToken ct)
    {
        var kind = (format ?? "csv").ToLowerInvariant();
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd");
        switch (kind)
        {
            case "csv":
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"samverka-register-{stamp}.csv\"";
                await using (var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(true), 65536))
                {
                    await writer.WriteAsync(RegisterColumns.CsvLine(RegisterColumns.All) + "\r\n");
                    await foreach (var o in Batches(db, full: false, ct))
                        await writer.WriteAsync(RegisterColumns.CsvLine(RegisterColumns.All.Select(c => RegisterColumns.Row(o)[c])) + "\r\n");
                }
                break;
            case "xlsx":
                http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"samverka-register-{stamp}.xlsx\"";
                var rows = new List<Dictionary<string, object>>();
                await foreach (var o in Batches(db, full: false, ct)) rows.Add(RegisterColumns.Row(o).ToDictionary(kv => kv.Key, kv => (object)kv.Value));
                var buffer = new MemoryStream();
                await buffer.SaveAsAsync(rows.Count > 0 ? rows : [RegisterColumns.All.ToDictionary(c => c, _ => (object)"")], sheetName: "register", cancellationToken: ct);
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body, ct);
                break;
            case "hsds":
                http.Response.ContentType = "application/json";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"samverka-register-{stamp}.hsds.json\"";
                var baseUrl = BaseUrl(http.Request);
                await using (var json = new Utf8JsonWriter(http.Response.Body))
                {
                    json.WriteStartArray();
                    await foreach (var o in Batches(db, full: true, ct))
                    {
                        HsdsMapper.Organization(o, baseUrl, withServices: true).WriteTo(json);
                        if (json.BytesPending > 65536) await json.FlushAsync(ct);
                    }
                    json.WriteEndArray();
                }
                break;
            default:
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.Response.WriteAsync("format must be csv, xlsx or hsds", ct);
                break;
        }
    }

    private static async IAsyncEnumerable<Organisation> Batches(AppDbContext db, bool full, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var q = Public(db);
            if (after is { } a) q = q.Where(o => o.Id.CompareTo(a) > 0);
            var ids = await q.OrderBy(o => o.Id).Select(o => o.Id).Take(1000).ToListAsync(ct);
            if (ids.Count == 0) yield break;
            var batch = await (full ? Full(Public(db)) : Public(db).Include(o => o.HomeMunicipality)).Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct);
            foreach (var o in batch) yield return o;
            after = ids[^1];
        }
    }

    private static async Task ExcelTemplate(HttpContext http, CancellationToken ct)
    {
        http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"samverka-import-template.xlsx\"";
        var buffer = new MemoryStream();
        await buffer.SaveAsAsync(new[] { RegisterColumns.All.ToDictionary(c => c, _ => (object)"") }, sheetName: "register", cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }
}
