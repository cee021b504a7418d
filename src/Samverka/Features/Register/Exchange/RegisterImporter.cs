using System.Security.Claims;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Samverka.Features.Register.Search;
using Sylvan.Data.Csv;

namespace Samverka.Features.Register.Exchange;

/// Reads CSV, Excel and HSDS 3.0 JSON into organisations, checks every row and reports every problem with its row
/// and column; writes nothing until asked, and then everything in one transaction or nothing.
public sealed class RegisterImporter(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock,
    RegisterIndexState indexState, IServiceProvider services, IBulkInserter bulk, IHttpContextAccessor http, DuplicateFinder duplicates)
{
    public const int MaxRowsPerFile = 100_000;

    /// Rows compared with the register for similar names; each is a fuzzy search of the index, so a file of the
    /// maximum size would keep the user waiting. Rows within the file are always all compared with each other.
    public const int MaxRowsComparedWithRegister = 10_000;

    public static string? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => "csv",
        ".xlsx" => "xlsx",
        ".json" => "json",
        _ => null,
    };

    public async Task<ImportCheck> CheckAsync(Stream content, string format, string? defaultMunicipality, Access access, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var tenants = await db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Municipality)
            .Select(t => new { t.Code, t.Id }).ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var allowed = access.IsPlatformAdmin ? tenants.Keys.ToHashSet() : tenants.Where(t => access.IsStaffOf(t.Value)).Select(t => t.Key).ToHashSet();
        var rows = new List<ImportedOrganisation>();
        try
        {
            switch (format)
            {
                case "csv":
                case "xlsx":
                    var records = format == "csv" ? await ReadCsvAsync(content, ct) : ReadExcel(content);
                    if (records.Header.Count == 0) { problems.Add(new(1, "", l["Import.Empty"])); break; }
                    foreach (var missing in RegisterColumns.Required.Where(c => !records.Header.Contains(c)))
                        problems.Add(new(1, missing, l["Import.MissingColumn"]));
                    if (problems.Count > 0) break;
                    foreach (var (line, values) in records.Rows)
                        if (FromColumns(line, values, defaultMunicipality, tenants.Keys, allowed, problems) is { } row) rows.Add(row);
                    break;
                case "json":
                    rows.AddRange(FromHsds(await JsonNode.ParseAsync(content, cancellationToken: ct), defaultMunicipality, tenants.Keys, allowed, problems));
                    break;
                default:
                    problems.Add(new(0, "", l["Import.UnknownFormat"]));
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problems.Add(new(0, "", l["Import.Unreadable", ex.Message]));
        }
        if (rows.Count + problems.Count == 0) problems.Add(new(0, "", l["Import.Empty"]));
        if (rows.Count > MaxRowsPerFile) problems.Add(new(0, "", l["Import.TooMany", MaxRowsPerFile]));

        // Across rows and against the register: the same id or organisation number may not appear twice.
        foreach (var g in rows.Where(r => r.Id is not null).GroupBy(r => r.Id).Where(g => g.Count() > 1))
            foreach (var r in g.Skip(1)) problems.Add(new(r.Line, "id", l["Import.RepeatedId", g.First().Line]));
        foreach (var g in rows.Where(r => r.OrganisationNumber is not null).GroupBy(r => r.OrganisationNumber).Where(g => g.Count() > 1))
            foreach (var r in g.Skip(1)) problems.Add(new(r.Line, "organisation_number", l["Import.RepeatedNumber", g.First().Line]));
        var seenParts = new Dictionary<Guid, int>();
        foreach (var r in rows)
            foreach (var partId in r.Services.Select(s => s.Id).Concat(r.Locations.Select(x => x.Id)).Concat(r.Contacts.Select(c => c.Id)))
                if (!seenParts.TryAdd(partId, r.Line)) problems.Add(new(r.Line, "id", l["Import.RepeatedId", seenParts[partId]]));
        var ids = rows.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToList();
        var existing = await db.Set<Organisation>().AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, Home = o.HomeMunicipality!.Code }).ToDictionaryAsync(o => o.Id, o => o.Home, ct);
        foreach (var r in rows.Where(r => r.Id is { } id && existing.ContainsKey(id) && !allowed.Contains(existing[id] ?? "")))
            problems.Add(new(r.Line, "id", l["Import.NotYourEntry"]));
        var numbers = rows.Where(r => r.OrganisationNumber is not null).Select(r => r.OrganisationNumber!).Distinct().ToList();
        foreach (var chunk in numbers.Chunk(1000))
        {
            var taken = await db.Set<Organisation>().AsNoTracking().Where(o => o.OrganisationNumber != null && chunk.Contains(o.OrganisationNumber))
                .Select(o => new { o.Id, o.OrganisationNumber, o.Name }).ToListAsync(ct);
            foreach (var r in rows)
                if (taken.FirstOrDefault(t => t.OrganisationNumber == r.OrganisationNumber && t.Id != r.Id) is { } other)
                    problems.Add(new(r.Line, "organisation_number", l["Import.NumberTaken", other.Name]));
        }
        var updates = rows.Count(r => r.Id is { } id && existing.ContainsKey(id));
        var (warnings, compared) = SimilarNames(rows);
        return new ImportCheck(rows, problems.OrderBy(p => p.Line).ThenBy(p => p.Column, StringComparer.Ordinal).ToList(), rows.Count - updates, updates)
        {
            Warnings = warnings, RowsComparedWithRegister = compared,
        };
    }

    /// Warnings, not problems: a name very similar to an entry of the same municipality in the register (found as
    /// DuplicateFinder finds them when one organisation is registered) or to another row of the file.
    private (List<ImportProblem> Warnings, int Compared) SimilarNames(List<ImportedOrganisation> rows)
    {
        var warnings = new List<ImportProblem>();
        var compared = 0;
        if (indexState.Serving)
        {
            foreach (var r in rows.Take(MaxRowsComparedWithRegister))
            {
                compared++;
                if (duplicates.SimilarInRegister(r.Name, r.HomeMunicipality, r.Id).FirstOrDefault() is { Name: { } other })
                    warnings.Add(new(r.Line, "name", l["Import.SimilarExisting", other]));
            }
        }
        foreach (var (first, second) in DuplicateFinder.SimilarWithin(rows.Select(r => (r.Name, r.HomeMunicipality)).ToList()))
            warnings.Add(new(rows[second].Line, "name", l["Import.SimilarRow", rows[first].Line, rows[first].Name]));
        return (warnings.OrderBy(w => w.Line).ToList(), compared);
    }

    private sealed record Records(List<string> Header, List<(int Line, Dictionary<string, string> Values)> Rows);

    private static async Task<Records> ReadCsvAsync(Stream content, CancellationToken ct)
    {
        using var reader = new StreamReader(content, detectEncodingFromByteOrderMarks: true);
        await using var csv = await CsvDataReader.CreateAsync(reader, new CsvDataReaderOptions { HasHeaders = true });
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().ToLowerInvariant()).ToList();
        var rows = new List<(int, Dictionary<string, string>)>();
        var line = 1;
        while (await csv.ReadAsync(ct))
        {
            line++;
            var values = new Dictionary<string, string>();
            for (var i = 0; i < header.Count && i < csv.RowFieldCount; i++) values[header[i]] = csv.GetString(i).Trim();
            if (values.Values.All(v => v.Length == 0)) continue;
            rows.Add((line, values));
        }
        return new Records(header, rows);
    }

    private static Records ReadExcel(Stream content)
    {
        var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        var header = buffer.GetColumns(useHeaderRow: true)?.Select(c => c.Trim().ToLowerInvariant()).ToList() ?? [];
        buffer.Position = 0;
        var rows = new List<(int, Dictionary<string, string>)>();
        var line = 1;
        foreach (IDictionary<string, object?> row in buffer.Query(useHeaderRow: true))
        {
            line++;
            var values = row.ToDictionary(kv => kv.Key.Trim().ToLowerInvariant(), kv => Convert.ToString(kv.Value, CultureInfo.InvariantCulture)?.Trim() ?? "");
            if (values.Values.All(v => v.Length == 0)) continue;
            rows.Add((line, values));
        }
        return new Records(header, rows);
    }

    private ImportedOrganisation? FromColumns(int line, Dictionary<string, string> v, string? defaultMunicipality,
        ICollection<string> municipalities, HashSet<string> allowed, List<ImportProblem> problems)
    {
        var before = problems.Count;
        string Get(string column) => v.TryGetValue(column, out var s) ? s : "";
        void Problem(string column, string reason) => problems.Add(new(line, column, reason));

        var row = new ImportedOrganisation { Line = line };
        var id = Get("id");
        if (id.Length > 0) { if (Guid.TryParse(id, out var g)) row.Id = g; else Problem("id", l["Import.BadId"]); }
        row.Name = Text("name", Get("name"), 200, required: true) ?? "";
        row.OtherNames = List(Get("other_names"));
        row.CountryCode = Get("country") is { Length: > 0 } c ? c.ToUpperInvariant() : "SE";
        if (!OrganisationForm.Countries.Contains(row.CountryCode)) Problem("country", l["Import.BadCountry", string.Join(", ", OrganisationForm.Countries)]);
        var number = Get("organisation_number");
        if (number.Length > 0)
        {
            if (row.CountryCode == "SE")
            {
                var problem = SwedishOrganisationNumber.Check(number, out var n);
                if (problem == OrganisationNumberProblem.None) row.OrganisationNumber = n;
                else Problem("organisation_number", l[SwedishOrganisationNumber.MessageKey(problem)]);
            }
            else row.OrganisationNumber = Text("organisation_number", number, 40, required: false);
        }
        var form = Get("legal_form");
        if (form.Length == 0) Problem("legal_form", l["Import.Required"]);
        else if (ParseLegalForm(form) is { } f) row.LegalForm = f;
        else Problem("legal_form", l["Import.BadValue", form, string.Join(", ", Enum.GetNames<LegalForm>())]);
        var home = Get("home_municipality") is { Length: > 0 } h ? h : defaultMunicipality ?? "";
        if (home.Length == 0) Problem("home_municipality", l["Import.Required"]);
        else if (!municipalities.Contains(home)) Problem("home_municipality", l["Import.UnknownMunicipality", home]);
        else if (!allowed.Contains(home)) Problem("home_municipality", l["Import.NotYourMunicipality", home]);
        row.HomeMunicipality = home;
        row.Description = Text("description", Get("description"), 4000, required: true) ?? "";
        row.Areas = Codes("areas", Get("areas"), Taxonomy.Areas);
        row.TargetGroups = Codes("target_groups", Get("target_groups"), Taxonomy.TargetGroups);
        row.Languages = Codes("languages", Get("languages"), Taxonomy.Languages);
        row.MunicipalitiesServed = Codes("municipalities_served", Get("municipalities_served"), municipalities);
        row.AgeFrom = Number("age_from", Get("age_from"), 0, 120);
        row.AgeTo = Number("age_to", Get("age_to"), 0, 120);
        if (row.AgeFrom > row.AgeTo) Problem("age_to", l["Validation.AgeOrder"]);
        var website = Get("website");
        if (website.Length > 0) { if (new HttpUrlAttribute().IsValid(website) && website.Length <= 300) row.Website = website; else Problem("website", l["Validation.Url"]); }
        var email = Get("contact_email");
        if (email.Length > 0) { if (MailAddress.TryCreate(email, out _) && email.Length <= 256) row.ContactEmail = email; else Problem("contact_email", l["Validation.Email"]); }
        var phone = Get("phone");
        if (phone.Length > 0) { if (System.Text.RegularExpressions.Regex.IsMatch(phone, @"^\+?[0-9 ()-]{5,40}$")) row.Phone = phone; else Problem("phone", l["Validation.Phone"]); }
        row.FoundedYear = Number("founded_year", Get("founded_year"), 1800, clock.GetUtcNow().Year);
        row.Staff = Number("staff", Get("staff"), 0, 1_000_000);
        row.Volunteers = Number("volunteers", Get("volunteers"), 0, 1_000_000);
        row.Members = Number("members", Get("members"), 0, 10_000_000);
        var confirmed = Get("last_confirmed");
        if (confirmed.Length > 0)
        {
            if (DateTime.TryParseExact(confirmed, ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
                && d <= clock.GetUtcNow().UtcDateTime.AddDays(1))
                row.LastConfirmed = DateTime.SpecifyKind(d, DateTimeKind.Utc);
            else Problem("last_confirmed", l["Import.BadDate"]);
        }
        return problems.Count == before ? row : null;

        string? Text(string column, string value, int max, bool required)
        {
            if (value.Length == 0) { if (required) Problem(column, l["Import.Required"]); return null; }
            if (value.Length > max) { Problem(column, l["Import.TooLong", max]); return null; }
            if (!new NoMarkupAttribute().IsValid(value)) { Problem(column, l["Import.Markup"]); return null; }
            return value;
        }
        List<string> Codes(string column, string value, ICollection<string> known)
        {
            var codes = List(value);
            var unknown = codes.Where(x => !known.Contains(x)).ToList();
            if (unknown.Count > 0) Problem(column, l["Import.UnknownCodes", string.Join(", ", unknown)]);
            return codes;
        }
        int? Number(string column, string value, int min, int max)
        {
            if (value.Length == 0) return null;
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d >= min && d <= max) return (int)d;
            Problem(column, l["Import.BadNumber", min, max]);
            return null;
        }
    }

    private static List<string> List(string value) =>
        value.Split(RegisterColumns.ListSeparator).Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().ToList();

    private static LegalForm? ParseLegalForm(string value)
    {
        if (Enum.TryParse<LegalForm>(value.Replace(" ", "").Replace("-", ""), ignoreCase: true, out var f) && Enum.IsDefined(f)) return f;
        return value.Trim().ToLowerInvariant() switch
        {
            "ideell förening" or "förening" or "non-profit" or "nonprofit" or "charity" or "501(c)(3)" => LegalForm.NonProfitAssociation,
            "stiftelse" => LegalForm.Foundation,
            "socialt företag" => LegalForm.SocialEnterprise,
            "ekonomisk förening" or "cooperative" => LegalForm.EconomicAssociation,
            "företag" or "aktiebolag" or "ab" or "for-profit" => LegalForm.Company,
            "informell grupp" or "informal" => LegalForm.InformalGroup,
            "offentlig" or "government" or "public" => LegalForm.PublicBody,
            _ => null,
        };
    }

    /// HSDS 3.0 organizations as JSON: an array, an API page ({"contents": [...]}) or a single organization.
    private List<ImportedOrganisation> FromHsds(JsonNode? root, string? defaultMunicipality, ICollection<string> municipalities,
        HashSet<string> allowed, List<ImportProblem> problems)
    {
        var items = root switch
        {
            JsonArray a => a,
            JsonObject o when o["contents"] is JsonArray c => c,
            JsonObject o => new JsonArray(o.DeepClone()),
            _ => null,
        };
        if (items is null) { problems.Add(new(0, "", l["Import.NotHsds"])); return []; }
        var rows = new List<ImportedOrganisation>();
        for (var i = 0; i < items.Count; i++)
        {
            var line = i + 1;
            if (items[i] is not JsonObject o) { problems.Add(new(line, $"[{i}]", l["Import.NotHsds"])); continue; }
            var values = new Dictionary<string, string>
            {
                ["id"] = S(o["id"]),
                ["name"] = S(o["name"]),
                ["other_names"] = string.Join('|', S(o["alternate_name"]).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
                ["description"] = S(o["description"]),
                ["website"] = S(o["website"]),
                ["contact_email"] = S(o["email"]),
                ["legal_form"] = S(o["legal_status"]) is { Length: > 0 } legal && ParseLegalForm(legal) is not null ? legal : "NonProfitAssociation",
                ["founded_year"] = S(o["year_incorporated"]),
                ["phone"] = o["phones"] is JsonArray ph && ph.Count > 0 ? S(ph[0]?["number"]) : "",
            };
            var identifier = o["organization_identifiers"] is JsonArray ids && ids.Count > 0 ? ids[0] : null;
            var number = S(identifier?["identifier"]) is { Length: > 0 } idn ? idn : S(o["tax_id"]);
            values["organisation_number"] = number;
            values["country"] = S(identifier?["identifier_scheme"]) == "SE-ON" || SwedishOrganisationNumber.TryNormalize(number, out _) ? "SE"
                : FirstAddress(o)?["country"] is { } country && OrganisationForm.Countries.Contains(S(country).ToUpperInvariant()) ? S(country).ToUpperInvariant() : "SE";
            var before = problems.Count;
            var row = FromColumns(line, values, defaultMunicipality, municipalities, allowed, problems);
            for (var p = before; p < problems.Count; p++) problems[p] = problems[p] with { Column = $"[{i}].{HsdsField(problems[p].Column)}" };
            if (row is null) continue;
            var orgId = row.Id ?? Guid.CreateVersion7();
            row.Id ??= orgId;
            foreach (var loc in (o["locations"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var address = (loc["addresses"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
                row.Locations.Add(new OrganisationLocation
                {
                    Id = Guid.TryParse(S(loc["id"]), out var lid) ? lid : Guid.CreateVersion7(), OrganisationId = orgId,
                    Name = Cut(S(loc["name"]) is { Length: > 0 } ln ? ln : S(address?["city"]), 200),
                    Street = Cut(S(address?["address_1"]), 200), PostalCode = Cut(S(address?["postal_code"]), 10), City = Cut(S(address?["city"]), 100),
                    Latitude = D(loc["latitude"]), Longitude = D(loc["longitude"]),
                });
            }
            foreach (var s in (o["services"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var name = S(s["name"]);
                if (name.Length == 0) { problems.Add(new(line, $"[{i}].services.name", l["Import.Required"])); continue; }
                row.Services.Add(new OrganisationService
                {
                    Id = Guid.TryParse(S(s["id"]), out var sid) ? sid : Guid.CreateVersion7(), OrganisationId = orgId,
                    Name = Cut(name, 200), Description = Cut(S(s["description"]), 4000), Eligibility = Cut(S(s["eligibility_description"]), 1000),
                    IsFree = S(s["fees_description"]).Length == 0, Cost = Cut(S(s["fees_description"]), 300), Url = Cut(S(s["url"]), 300),
                });
            }
            foreach (var c in (o["contacts"] as JsonArray ?? []).OfType<JsonObject>())
            {
                row.Contacts.Add(new OrganisationContact
                {
                    Id = Guid.TryParse(S(c["id"]), out var cid) ? cid : Guid.CreateVersion7(), OrganisationId = orgId,
                    Role = Cut(S(c["title"]) is { Length: > 0 } t ? t : S(c["department"]) is { Length: > 0 } dep ? dep : "Contact", 100),
                    Name = Cut(S(c["name"]), 100), Email = Cut(S(c["email"]), 256),
                    Phone = c["phones"] is JsonArray cp && cp.Count > 0 ? Cut(S(cp[0]?["number"]), 40) : null,
                });
            }
            rows.Add(row);
        }
        return rows;

        static JsonObject? FirstAddress(JsonObject o) =>
            (o["locations"] as JsonArray)?.OfType<JsonObject>().SelectMany(l => (l["addresses"] as JsonArray ?? []).OfType<JsonObject>()).FirstOrDefault();
        static string HsdsField(string column) => column switch
        {
            "other_names" => "alternate_name", "contact_email" => "email", "legal_form" => "legal_status",
            "founded_year" => "year_incorporated", "organisation_number" => "organization_identifiers", _ => column,
        };
    }

    /// An imported entry is verified: an officer brought it in.
    private static Organisation NewOrganisation(ImportedOrganisation r, Dictionary<string, Guid> tenants, DateTime now) =>
        Apply(r, new Organisation { Id = r.Id ?? Guid.CreateVersion7(), CreatedAt = now, Status = VerificationStatus.Verified, VerifiedAt = now }, tenants, now);

    /// The file's values onto an entry, new or existing; the one place the import maps fields.
    private static Organisation Apply(ImportedOrganisation r, Organisation o, Dictionary<string, Guid> tenants, DateTime now)
    {
        o.Name = r.Name; o.OtherNames = r.OtherNames; o.OrganisationNumber = r.OrganisationNumber; o.CountryCode = r.CountryCode;
        o.LegalForm = r.LegalForm; o.HomeMunicipalityId = tenants[r.HomeMunicipality]; o.Description = r.Description;
        o.Areas = r.Areas; o.TargetGroups = r.TargetGroups; o.AgeFrom = r.AgeFrom; o.AgeTo = r.AgeTo;
        o.MunicipalitiesServed = r.MunicipalitiesServed; o.Languages = r.Languages; o.Website = r.Website; o.ContactEmail = r.ContactEmail;
        o.Phone = r.Phone; o.FoundedYear = r.FoundedYear; o.Staff = r.Staff; o.Volunteers = r.Volunteers; o.Members = r.Members;
        o.UpdatedAt = now;
        Upkeep.FreshnessConfirmation.Confirm(o, r.LastConfirmed ?? now);
        return o;
    }

    private static string S(JsonNode? node) => node is JsonValue v ? (v.TryGetValue<string>(out var s) ? s.Trim() : v.ToJsonString()) : "";
    private static double? D(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
    private static string? Cut(string s, int max) => s.Length == 0 ? null : s.Length > max ? s[..max] : s;

    /// Writes a checked import: all rows in one transaction, or none if anything fails; then brings this
    /// instance's search index up to date, so the new entries can be found when the user looks.
    public async Task<int> ApplyAsync(ImportCheck check, CancellationToken ct)
    {
        var count = await WriteAsync(check, ct);
        if (indexState.Serving) await services.GetRequiredService<RegisterIndexFollower>().CatchUpAsync(ct);
        return count;
    }

    /// The database half of ApplyAsync: organisations, their parts, change marks and audit entries in one
    /// transaction. New entries without parts go through the bulk path (COPY or a prepared INSERT, no change
    /// tracker); the rest through EF, whose interceptors write their change marks and audit entries.
    public async Task<int> WriteAsync(ImportCheck check, CancellationToken ct)
    {
        if (!check.IsValid) throw new InvalidOperationException("Only a checked import without problems can be written.");
        var now = clock.GetUtcNow().UtcDateTime;
        var tenants = await db.Tenants.Where(t => t.Kind == TenantKind.Municipality).ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var user = http.HttpContext?.User;
        var userId = user?.FindFirstValue(System.Security.Claims.ClaimTypes.NameIdentifier);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using var largeWrite = await bulk.BeginLargeWriteAsync(db, ct);
        foreach (var chunk in check.Rows.Chunk(5000))
        {
            var ids = chunk.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToList();
            var existing = ids.Count == 0 ? [] : await db.Set<Organisation>().AsSplitQuery().Include(o => o.Services).Include(o => o.Locations).Include(o => o.Contacts)
                .Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

            // New entries without parts take the fast path: rows, change marks and audit entries written in bulk.
            var plain = chunk.Where(r => (r.Id is null || !existing.ContainsKey(r.Id.Value)) && r.Services.Count + r.Locations.Count + r.Contacts.Count == 0).ToList();
            if (plain.Count > 0)
            {
                var created = plain.Select(r => NewOrganisation(r, tenants, now)).ToList();
                // The audit entries (JSON of every field) are built on another thread while the rows are written.
                var audits = Task.Run(() => created.Select(o => Samverka.Platform.Audit.AuditInterceptor.ForCreated(db, o, userId, now)).ToList(), ct);
                try
                {
                    await bulk.InsertAsync(db, created, ct);
                    await bulk.InsertAsync(db, created.Select(o => new RegisterChange { OrganisationId = o.Id, At = now }).ToList(), ct);
                }
                finally
                {
                    // Never leave the task running against the context after a failure.
                    await Task.WhenAny(audits);
                }
                await bulk.InsertAsync(db, await audits, ct);
            }
            foreach (var r in chunk.Except(plain))
            {
                var isNew = r.Id is not { } id || !existing.TryGetValue(id, out _);
                var o = isNew ? NewOrganisation(r, tenants, now) : Apply(r, existing[r.Id!.Value], tenants, now);
                if (r.Services.Count + r.Locations.Count + r.Contacts.Count > 0)
                {
                    var replaced = new HashSet<Guid>();
                    if (!isNew)
                    {
                        // The file's parts replace the entry's; ids already in use get new ones.
                        replaced = [.. o.Services.Select(x => x.Id), .. o.Contacts.Select(x => x.Id), .. o.Locations.Select(x => x.Id)];
                        db.RemoveRange(o.Services); db.RemoveRange(o.Contacts); db.RemoveRange(o.Locations);
                        var moved = r.Locations.Where(x => replaced.Contains(x.Id)).ToDictionary(x => x.Id, _ => Guid.CreateVersion7());
                        foreach (var x in r.Locations) if (moved.TryGetValue(x.Id, out var n)) x.Id = n;
                        foreach (var x in r.Services) { if (replaced.Contains(x.Id)) x.Id = Guid.CreateVersion7(); }
                        foreach (var x in r.Contacts) { if (replaced.Contains(x.Id)) x.Id = Guid.CreateVersion7(); }
                    }
                    foreach (var x in r.Locations) { x.OrganisationId = o.Id; db.Add(x); }
                    foreach (var x in r.Services) { x.OrganisationId = o.Id; db.Add(x); }
                    foreach (var x in r.Contacts) { x.OrganisationId = o.Id; db.Add(x); }
                }
                if (isNew) db.Add(o);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return check.Rows.Count;
    }
}
