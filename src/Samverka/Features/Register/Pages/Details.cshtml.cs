using System.Text.Json;
using Samverka.Platform.Modules;

namespace Samverka.Features.Register.Pages;

[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, CurrentUser current, Samverka.Platform.Email.PublicUrls urls, PageContributions contributions)
    : PageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public bool IsMember { get; private set; }
    public bool CanAdminister { get; private set; }
    public bool IsOfficer { get; private set; }
    /// What other features add to the page (OrganisationPage's slots).
    public ContributedLinks Contributed { get; private set; } = ContributedLinks.None;
    public IReadOnlyDictionary<string, string> MunicipalityNames { get; private set; } = new Dictionary<string, string>();
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().AsNoTracking().AsSplitQuery()
            .Include(x => x.HomeMunicipality).Include(x => x.Services).ThenInclude(s => s.Location)
            .Include(x => x.Locations).Include(x => x.Contacts)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null)
        {
            // An entry merged into another: its old address leads to the survivor.
            var target = await db.Set<Upkeep.OrganisationMerge>().Where(m => m.SourceId == id).Select(m => (Guid?)m.TargetId).SingleOrDefaultAsync(ct);
            return target is { } t ? RedirectPermanent($"/organisations/{t}") : NotFound();
        }
        var access = await current.GetAccessAsync(ct);
        IsMember = access.IsMemberOf(id);
        CanAdminister = access.CanAdministerOrganisation(id);
        // Entries not yet verified (or rejected) are seen by the organisation and its municipality's staff only.
        if (o.Status != VerificationStatus.Verified && !IsMember && !(o.HomeMunicipalityId is { } m && access.IsStaffOf(m)))
            return NotFound();
        Organisation = o;
        IsOfficer = access.IsPlatformAdmin || (o.HomeMunicipalityId is { } home && access.IsStaffOf(home));
        Contributed = await contributions.ForAsync(new OrganisationPage(o.Id, o.Name, o.Status == VerificationStatus.Verified, access), ct);
        var codes = o.MunicipalitiesServed.ToList();
        MunicipalityNames = await db.Tenants.AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        JsonLd = SchemaOrg(o, urls.Absolute($"/organisations/{o.Id}"));
        return Page();
    }

    /// schema.org NGO markup so search engines and other tools can read the entry.
    private static string SchemaOrg(Organisation o, string url)
    {
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = o.LegalForm is LegalForm.Company or LegalForm.EconomicAssociation ? "Organization" : "NGO",
            ["@id"] = url,
            ["url"] = o.Website ?? url,
            ["name"] = o.Name,
            ["alternateName"] = o.OtherNames.Count > 0 ? o.OtherNames : null,
            ["description"] = o.Description,
            ["foundingDate"] = o.FoundedYear?.ToString(),
            ["email"] = o.ContactEmail,
            ["telephone"] = o.Phone,
            ["taxID"] = o.OrganisationNumber,
            ["logo"] = o.LogoUrl,
            ["sameAs"] = o.SocialLinks.Count > 0 ? o.SocialLinks : null,
            ["areaServed"] = o.HomeMunicipality is null ? null : Typed("AdministrativeArea", ("name", o.HomeMunicipality.Name)),
            ["numberOfEmployees"] = o.Staff is { } s ? Typed("QuantitativeValue", ("value", s)) : null,
            ["address"] = o.Locations.FirstOrDefault() is { } l
                ? Typed("PostalAddress", ("streetAddress", l.Street), ("postalCode", l.PostalCode), ("addressLocality", l.City), ("addressCountry", o.CountryCode))
                : null,
            ["makesOffer"] = o.Services.Count > 0
                ? o.Services.Select(s => Typed("Offer", ("itemOffered", Typed("Service", ("name", s.Name), ("description", s.Description))))).ToList()
                : null,
        };
        var present = data.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
        // This encoder keeps letters readable but still escapes <, > and &, so the JSON cannot close its script element.
        return JsonSerializer.Serialize(present, new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        });
    }

    private static Dictionary<string, object?> Typed(string type, params (string Key, object? Value)[] properties)
    {
        var d = new Dictionary<string, object?> { ["@type"] = type };
        foreach (var (k, v) in properties) if (v is not null) d[k] = v;
        return d;
    }
}
