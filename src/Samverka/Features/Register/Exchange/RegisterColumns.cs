namespace Samverka.Features.Register.Exchange;

/// The columns of the register's CSV and Excel files, for export, the downloadable template and import alike.
/// Lists are separated by "|".
public static class RegisterColumns
{
    public const char ListSeparator = '|';

    public static readonly string[] All =
    [
        "id", "name", "other_names", "organisation_number", "country", "legal_form", "home_municipality", "description",
        "areas", "target_groups", "age_from", "age_to", "municipalities_served", "languages", "website", "contact_email",
        "phone", "founded_year", "staff", "volunteers", "members", "last_confirmed",
    ];

    public static readonly string[] Required = ["name", "legal_form", "home_municipality", "description"];

    public static Dictionary<string, string> Row(Organisation o) => new()
    {
        ["id"] = o.Id.ToString(),
        ["name"] = o.Name,
        ["other_names"] = List(o.OtherNames),
        ["organisation_number"] = o.OrganisationNumber ?? "",
        ["country"] = o.CountryCode,
        ["legal_form"] = o.LegalForm.ToString(),
        ["home_municipality"] = o.HomeMunicipality?.Code ?? "",
        ["description"] = o.Description,
        ["areas"] = List(o.Areas),
        ["target_groups"] = List(o.TargetGroups),
        ["age_from"] = Number(o.AgeFrom),
        ["age_to"] = Number(o.AgeTo),
        ["municipalities_served"] = List(o.MunicipalitiesServed),
        ["languages"] = List(o.Languages),
        ["website"] = o.Website ?? "",
        ["contact_email"] = o.ContactEmail ?? "",
        ["phone"] = o.Phone ?? "",
        ["founded_year"] = Number(o.FoundedYear),
        ["staff"] = Number(o.Staff),
        ["volunteers"] = Number(o.Volunteers),
        ["members"] = Number(o.Members),
        ["last_confirmed"] = o.LastConfirmedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string List(IEnumerable<string> values) => string.Join(ListSeparator, values);
    private static string Number(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// CSV as RFC 4180 wants it: quotes around fields with separators, quotes or line breaks.
    public static string CsvLine(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote));

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
