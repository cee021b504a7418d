namespace Samverka.Platform.Tenancy;

/// Sweden's regions (län) and municipalities (kommuner) with SCB's official codes, and the partner
/// municipalities of the LOCAL-Y-MPACT project. Loaded on every migrate; only missing rows are added, and nothing
/// is activated here: an administrator enables a municipality.
public static class ReferenceData
{
    public sealed record Row(TenantKind Kind, string Code, string Name, string Country, string? ParentCode);

    // Regions outside Sweden have no shipped national code; they get a stable platform code.
    private static readonly Row[] Partners =
    [
        new(TenantKind.Region, "LV-KURZEME", "Kurzeme", "LV", null),
        new(TenantKind.Municipality, "LV-TALSI", "Talsi", "LV", "LV-KURZEME"),
        new(TenantKind.Region, "LT-VL", "Vilniaus apskritis", "LT", null),
        new(TenantKind.Municipality, "LT-TRAKAI", "Trakai", "LT", "LT-VL"),
        new(TenantKind.Region, "PT-03", "Distrito de Braga", "PT", null),
        new(TenantKind.Municipality, "PT-BRAGA", "Braga", "PT", "PT-03"),
        new(TenantKind.Region, "CY-01", "Lefkosia", "CY", null),
        new(TenantKind.Municipality, "CY-AGLANTZIA", "Aglantzia", "CY", "CY-01"),
        new(TenantKind.Municipality, "CY-AGIOS-DOMETIOS", "Agios Dometios", "CY", "CY-01"),
    ];

    public static IReadOnlyList<Row> All { get; } = Build();

    private static List<Row> Build()
    {
        var rows = new List<Row>();
        foreach (var f in ReadCsv("se-counties.csv"))
            rows.Add(new(TenantKind.Region, f[0], RegionName(f[2]), "SE", null));
        foreach (var f in ReadCsv("se-municipalities.csv"))
            rows.Add(new(TenantKind.Municipality, f[0], f[2], "SE", f[3]));
        rows.AddRange(Partners);
        return rows;
    }

    // The county councils call themselves "Region X"; Västra Götaland is the one exception in form.
    private static string RegionName(string shortName) =>
        shortName == "Västra Götaland" ? "Västra Götalandsregionen" : $"Region {shortName}";

    private static IEnumerable<string[]> ReadCsv(string name)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("ReferenceData." + name)
            ?? throw new InvalidOperationException($"Reference data {name} is not embedded.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            // SCB's files have no quoted fields.
            yield return line.Split(',');
        }
    }

    public static async Task LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var existing = await db.Tenants.ToDictionaryAsync(t => t.Code, ct);
        foreach (var row in All.Where(r => r.Kind == TenantKind.Region))
        {
            if (existing.ContainsKey(row.Code)) continue;
            var t = new Tenant { Kind = row.Kind, Code = row.Code, Name = row.Name, CountryCode = row.Country };
            db.Tenants.Add(t);
            existing[row.Code] = t;
        }
        foreach (var row in All.Where(r => r.Kind == TenantKind.Municipality))
        {
            if (existing.ContainsKey(row.Code)) continue;
            var t = new Tenant
            {
                Kind = row.Kind, Code = row.Code, Name = row.Name, CountryCode = row.Country,
                ParentId = existing[row.ParentCode!].Id,
            };
            db.Tenants.Add(t);
            existing[row.Code] = t;
        }
        await db.SaveChangesAsync(ct);
    }
}
