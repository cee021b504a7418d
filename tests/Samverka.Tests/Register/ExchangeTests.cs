using System.Text.Json.Nodes;
using MiniExcelLibs;
using NJsonSchema;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

/// Our HSDS 3.0 answers and exports validate against the official schemas (read from ../shared/hsds/schema or
/// SAMVERKA_HSDS_SCHEMAS); CSV and Excel exports carry the register.
public abstract class ExchangeTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private static readonly Dictionary<string, JsonSchema> Schemas = [];

    internal static async Task<JsonSchema> SchemaAsync(string name)
    {
        lock (Schemas) if (Schemas.TryGetValue(name, out var cached)) return cached;
        var schema = await JsonSchema.FromFileAsync(Path.Combine(HsdsSchemas.Folder, "compiled", name));
        lock (Schemas) Schemas[name] = schema;
        return schema;
    }

    internal static async Task AssertValidAsync(string schemaName, JsonNode node)
    {
        var errors = (await SchemaAsync(schemaName)).Validate(node.ToJsonString());
        Assert.True(errors.Count == 0, $"{schemaName}: " + string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}")));
    }

    [Fact]
    public async Task The_hsds_organization_list_follows_the_api_reference()
    {
        var page = JsonNode.Parse(await App.Browser().GetStringAsync("/api/hsds/organizations?per_page=5&page=1"))!;
        foreach (var key in new[] { "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents" })
            Assert.NotNull(page[key]);
        Assert.Equal(5, page["size"]!.GetValue<int>());
        Assert.True(page["first_page"]!.GetValue<bool>());
        Assert.True(page["total_items"]!.GetValue<int>() >= 13);
        foreach (var item in page["contents"]!.AsArray()) await AssertValidAsync("organization_list.json", item!);

        var searched = JsonNode.Parse(await App.Browser().GetStringAsync("/api/hsds/organizations?search=tjejjour"))!;
        Assert.Equal("Tjejjouren Dalia", searched["contents"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_full_organization_and_its_services_validate()
    {
        var list = JsonNode.Parse(await App.Browser().GetStringAsync("/api/hsds/organizations?search=tjejjour"))!;
        var id = list["contents"]![0]!["id"]!.GetValue<string>();
        var org = JsonNode.Parse(await App.Browser().GetStringAsync($"/api/hsds/organizations/{id}"))!;
        await AssertValidAsync("organization.json", org);
        Assert.Equal(3, org["services"]!.AsArray().Count);
        Assert.Equal("SE-ON", org["organization_identifiers"]![0]!["identifier_scheme"]!.GetValue<string>());

        var services = JsonNode.Parse(await App.Browser().GetStringAsync($"/api/hsds/services?organization_id={id}"))!;
        Assert.Equal(3, services["total_items"]!.GetValue<int>());
        foreach (var item in services["contents"]!.AsArray()) await AssertValidAsync("service_list.json", item!);
        var serviceId = services["contents"]![0]!["id"]!.GetValue<string>();
        var service = JsonNode.Parse(await App.Browser().GetStringAsync($"/api/hsds/services/{serviceId}"))!;
        await AssertValidAsync("service.json", service);
        Assert.Equal(id, service["organization"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_hsds_export_of_the_whole_register_validates()
    {
        var export = JsonNode.Parse(await App.Browser().GetStringAsync("/organisations/export?format=hsds"))!.AsArray();
        Assert.True(export.Count >= 13);
        foreach (var org in export) await AssertValidAsync("organization.json", org!);
    }

    [Fact]
    public async Task The_schema_check_itself_catches_an_invalid_organization()
    {
        var bad = new JsonObject { ["id"] = "not-a-uuid", ["description"] = "No name" };
        var errors = (await SchemaAsync("organization.json")).Validate(bad.ToJsonString());
        Assert.Contains(errors, e => e.Property == "name");
        Assert.Contains(errors, e => e.Property == "id");
    }

    [Fact]
    public async Task Csv_and_excel_exports_hold_the_register()
    {
        var csv = await App.Browser().GetStringAsync("/organisations/export?format=csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,name,other_names,organisation_number", lines[0]);
        Assert.Contains(lines, l => l.Contains("Tjejjouren Dalia") && l.Contains(",2081,") && l.Contains("mental-health"));

        var xlsx = await App.Browser().GetByteArrayAsync("/organisations/export?format=xlsx");
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["name"] == "Tjejjouren Dalia" && (string)r["home_municipality"] == "2081");

        var template = await App.Browser().GetStringAsync("/organisations/import-template.csv");
        Assert.StartsWith("id,name,", template);
    }
}

/// Where the official HSDS schemas lie: SAMVERKA_HSDS_SCHEMAS, or shared/hsds/schema beside the repository.
public static class HsdsSchemas
{
    public static string Folder
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SAMVERKA_HSDS_SCHEMAS") is { Length: > 0 } configured)
                return Directory.Exists(configured) ? configured : throw new InvalidOperationException($"SAMVERKA_HSDS_SCHEMAS={configured} does not exist.");
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "hsds", "schema");
                if (Directory.Exists(Path.Combine(candidate, "compiled"))) return candidate;
            }
            throw new InvalidOperationException("The official HSDS 3.0 schemas were not found: expected shared/hsds/schema beside the repository, or set SAMVERKA_HSDS_SCHEMAS to the folder that holds compiled/.");
        }
    }
}

[Collection(SqliteCollection.Name)] public sealed class ExchangeTestsOnSqlite(SqliteApp fx) : ExchangeTests(fx);
[Collection(PostgresCollection.Name)] public sealed class ExchangeTestsOnPostgres(PostgresApp fx) : ExchangeTests(fx);
