using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Samverka.Features.Register.Exchange;

/// Our register in the Open Referral Human Services Data Specification 3.0: organizations with their services,
/// locations, contacts, identifiers and areas of work (as attributes with taxonomy terms). Absent values are left
/// out rather than sent as null.
public static class HsdsMapper
{
    public const string TaxonomyId = "6c1b8e0e-2f7a-4d7e-9f3f-2b1f5b0d9a10";

    public static JsonObject Organization(Organisation o, string baseUrl, bool withServices, bool listItem = false)
    {
        var org = Obj(
            ("id", o.Id.ToString()),
            ("name", o.Name),
            ("alternate_name", o.OtherNames.Count > 0 ? string.Join("; ", o.OtherNames) : null),
            ("description", o.Description),
            ("email", o.ContactEmail),
            ("website", o.Website),
            ("tax_id", o.OrganisationNumber),
            ("year_incorporated", o.FoundedYear),
            ("legal_status", o.LegalForm.ToString()),
            ("logo", o.LogoUrl),
            ("uri", $"{baseUrl}/organisations/{o.Id}"));
        if (listItem) return org;

        org["contacts"] = new JsonArray(o.Contacts.Select(c => (JsonNode)Obj(
            ("id", c.Id.ToString()), ("organization_id", o.Id.ToString()), ("name", c.Name), ("title", c.Role), ("email", c.Email),
            ("phones", c.Phone is null ? null : new JsonArray(Obj(("id", Derived(c.Id, "phone")), ("contact_id", c.Id.ToString()), ("number", c.Phone))))
        )).ToArray());
        org["phones"] = o.Phone is null ? new JsonArray() : new JsonArray(Obj(("id", Derived(o.Id, "phone")), ("organization_id", o.Id.ToString()), ("number", o.Phone)));
        org["locations"] = new JsonArray(o.Locations.Select(l => (JsonNode)Location(o, l)).ToArray());
        org["organization_identifiers"] = o.OrganisationNumber is null ? new JsonArray() : new JsonArray(Obj(
            ("id", Derived(o.Id, "identifier")), ("organization_id", o.Id.ToString()),
            ("identifier_scheme", o.CountryCode == "SE" ? "SE-ON" : null),
            ("identifier_type", o.CountryCode == "SE" ? "Organisationsnummer" : $"{o.CountryCode} registration number"),
            ("identifier", o.OrganisationNumber)));
        org["attributes"] = new JsonArray(o.Areas.Select(a => (JsonNode)Attribute(o.Id, a)).ToArray());
        org["funding"] = new JsonArray();
        org["programs"] = new JsonArray();
        org["metadata"] = new JsonArray();
        if (withServices) org["services"] = new JsonArray(o.Services.Select(s => (JsonNode)Service(o, s, baseUrl, withOrganization: false)).ToArray());
        return org;
    }

    public static JsonObject Service(Organisation o, OrganisationService s, string baseUrl, bool withOrganization, bool listItem = false)
    {
        var service = Obj(
            ("id", s.Id.ToString()),
            ("organization_id", o.Id.ToString()),
            ("name", s.Name),
            ("description", s.Description),
            ("url", s.Url),
            ("status", "active"),
            ("fees_description", s.IsFree ? "Free of charge" : s.Cost),
            ("eligibility_description", s.Eligibility),
            ("minimum_age", o.AgeFrom),
            ("maximum_age", o.AgeTo),
            ("last_modified", o.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ")),
            ("assured_date", o.LastConfirmedAt.ToString("yyyy-MM-dd")));
        if (listItem) return service;
        service["languages"] = new JsonArray(o.Languages.Select(code => (JsonNode)Obj(
            ("id", Derived(s.Id, "language-" + code)), ("service_id", s.Id.ToString()), ("code", code))).ToArray());
        service["service_areas"] = new JsonArray(o.MunicipalitiesServed.Select(code => (JsonNode)Obj(
            ("id", Derived(s.Id, "area-" + code)), ("service_id", s.Id.ToString()), ("name", code), ("extent_type", "municipality code"))).ToArray());
        service["schedules"] = s.Schedule is null ? new JsonArray() : new JsonArray(Obj(
            ("id", Derived(s.Id, "schedule")), ("service_id", s.Id.ToString()), ("description", s.Schedule)));
        service["service_at_locations"] = s.Location is null ? new JsonArray() : new JsonArray(Obj(
            ("id", Derived(s.Id, "at-" + s.Location.Id)), ("service_id", s.Id.ToString()), ("location", Location(o, s.Location))));
        service["attributes"] = new JsonArray(o.Areas.Select(a => (JsonNode)Attribute(s.Id, a)).ToArray());
        service["phones"] = new JsonArray();
        service["contacts"] = new JsonArray();
        service["cost_options"] = new JsonArray();
        service["metadata"] = new JsonArray();
        if (withOrganization) service["organization"] = Organization(o, baseUrl, withServices: false);
        return service;
    }

    private static JsonObject Location(Organisation o, OrganisationLocation l)
    {
        var location = Obj(("id", l.Id.ToString()), ("location_type", "physical"), ("organization_id", o.Id.ToString()), ("name", l.Name),
            ("latitude", l.Latitude), ("longitude", l.Longitude));
        location["addresses"] = l.Street is null || l.City is null || l.PostalCode is null
            ? new JsonArray()
            : new JsonArray(Obj(("id", Derived(l.Id, "address")), ("location_id", l.Id.ToString()), ("address_1", l.Street), ("city", l.City),
                ("state_province", l.MunicipalityCode ?? l.City), ("postal_code", l.PostalCode), ("country", o.CountryCode), ("address_type", "physical")));
        return location;
    }

    private static JsonObject Attribute(Guid linkId, string area) => Obj(
        ("id", Derived(linkId, "attribute-" + area)), ("link_id", linkId.ToString()), ("link_type", "area_of_work"),
        ("taxonomy_term_id", TermId(area)),
        ("taxonomy_term", Obj(("id", TermId(area)), ("code", area), ("name", area), ("description", "Samverka area of work: " + area), ("taxonomy", "samverka-areas"))));

    public static string TermId(string area) => Derived(Guid.Parse(TaxonomyId), area);

    /// A stable UUID for a part we hold without an id of its own (a phone, an address), from its parent and kind.
    public static string Derived(Guid parent, string kind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(parent.ToString() + "/" + kind));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private static JsonObject Obj(params (string Key, object? Value)[] properties)
    {
        var o = new JsonObject();
        foreach (var (k, v) in properties)
        {
            switch (v)
            {
                case null: break;
                case JsonNode node: o[k] = node; break;
                case string s: o[k] = s; break;
                case int i: o[k] = i; break;
                case double d: o[k] = d; break;
                default: o[k] = JsonValue.Create(v); break;
            }
        }
        return o;
    }

    /// The HSDS API's page envelope.
    public static JsonObject Page(IEnumerable<JsonNode> contents, int total, int page, int perPage)
    {
        var items = new JsonArray(contents.ToArray());
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)perPage));
        return new JsonObject
        {
            ["total_items"] = total,
            ["total_pages"] = pages,
            ["page_number"] = page,
            ["size"] = items.Count,
            ["first_page"] = page == 1,
            ["last_page"] = page >= pages,
            ["empty"] = items.Count == 0,
            ["contents"] = items,
        };
    }
}
