using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Samverka.Features.Register;

/// The organisation's own description of itself, as typed into the form (registration and editing).
public sealed class OrganisationInput
{
    [Display(Name = "Field.OrganisationName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Name { get; set; } = "";

    [Display(Name = "Field.OtherNames")]
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? OtherNames { get; set; }

    [Display(Name = "Field.Country")]
    [Required(ErrorMessage = "Validation.Choose")]
    public string CountryCode { get; set; } = "SE";

    [Display(Name = "Field.OrganisationNumber")]
    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [NoMarkup]
    public string? OrganisationNumber { get; set; }

    [Display(Name = "Field.LegalForm")]
    [Required(ErrorMessage = "Validation.Choose")]
    public LegalForm? LegalForm { get; set; }

    [Display(Name = "Organisations.HomeMunicipality")]
    [Required(ErrorMessage = "Validation.Choose")]
    public string? HomeMunicipality { get; set; }

    [Display(Name = "Field.Description")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, MinimumLength = 20, ErrorMessage = "Validation.Length")]
    [NoMarkup]
    public string Description { get; set; } = "";

    [Display(Name = "Facet.area")] public List<string> Areas { get; set; } = [];
    [Display(Name = "Facet.targetGroup")] public List<string> TargetGroups { get; set; } = [];

    [Display(Name = "Field.AgeFrom")]
    [Range(0, 120, ErrorMessage = "Validation.Range")]
    public int? AgeFrom { get; set; }

    [Display(Name = "Field.AgeTo")]
    [Range(0, 120, ErrorMessage = "Validation.Range")]
    public int? AgeTo { get; set; }

    [Display(Name = "Field.MunicipalitiesServed")] public List<string> MunicipalitiesServed { get; set; } = [];
    [Display(Name = "Facet.language")] public List<string> Languages { get; set; } = [];

    [Display(Name = "Field.Website")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [HttpUrl]
    public string? Website { get; set; }

    [Display(Name = "Field.SocialLinks")]
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    public string? SocialLinks { get; set; }

    [Display(Name = "Field.ContactEmail")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Field.Phone")]
    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(@"^\+?[0-9 ()-]{5,}$", ErrorMessage = "Validation.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Field.FoundedYear")]
    [Range(1800, 2100, ErrorMessage = "Validation.Range")]
    public int? FoundedYear { get; set; }

    [Display(Name = "Field.Staff")]
    [Range(0, 1_000_000, ErrorMessage = "Validation.Range")]
    public int? Staff { get; set; }

    [Display(Name = "Field.Volunteers")]
    [Range(0, 1_000_000, ErrorMessage = "Validation.Range")]
    public int? Volunteers { get; set; }

    [Display(Name = "Field.Members")]
    [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
    public int? Members { get; set; }

    public static OrganisationInput From(Organisation o) => new()
    {
        Name = o.Name, OtherNames = string.Join("\n", o.OtherNames), CountryCode = o.CountryCode,
        OrganisationNumber = o.OrganisationNumber, LegalForm = o.LegalForm, HomeMunicipality = o.HomeMunicipality?.Code,
        Description = o.Description, Areas = [.. o.Areas], TargetGroups = [.. o.TargetGroups], AgeFrom = o.AgeFrom, AgeTo = o.AgeTo,
        MunicipalitiesServed = [.. o.MunicipalitiesServed], Languages = [.. o.Languages], Website = o.Website,
        SocialLinks = string.Join("\n", o.SocialLinks), ContactEmail = o.ContactEmail, Phone = o.Phone,
        FoundedYear = o.FoundedYear, Staff = o.Staff, Volunteers = o.Volunteers, Members = o.Members,
    };
}

/// Choices for the form and the rules that go beyond single fields; used by registration and editing alike.
public sealed class OrganisationForm(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public static readonly string[] Countries = ["SE", "LV", "LT", "PT", "CY"];

    public List<SelectListItem> CountryChoices { get; private set; } = [];
    public List<SelectListItem> LegalForms { get; private set; } = [];
    public List<SelectListItem> Municipalities { get; private set; } = [];
    public List<SelectListItem> Areas { get; private set; } = [];
    public List<SelectListItem> TargetGroups { get; private set; } = [];
    public List<SelectListItem> ActiveMunicipalities { get; private set; } = [];
    public List<SelectListItem> Languages { get; private set; } = [];
    private Dictionary<string, Tenant> _tenants = [];

    public async Task LoadAsync(CancellationToken ct)
    {
        _tenants = await db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Municipality).ToDictionaryAsync(t => t.Code, ct);
        CountryChoices = Countries.Select(c => new SelectListItem(l["Country." + c], c)).ToList();
        LegalForms = [new SelectListItem(l["Common.Choose"], ""), .. Enum.GetValues<LegalForm>().Select(f => new SelectListItem(l["LegalForm." + f], f.ToString()))];
        Municipalities = [new SelectListItem(l["Common.Choose"], ""), .. _tenants.Values.OrderBy(t => t.CountryCode != "SE").ThenBy(t => t.Name, StringComparer.Create(new("sv-SE"), false))
            .Select(t => new SelectListItem($"{t.Name} ({l["Country." + t.CountryCode]})", t.Code))];
        Areas = Taxonomy.Areas.Select(a => new SelectListItem(l["Area." + a], a)).ToList();
        TargetGroups = Taxonomy.TargetGroups.Select(a => new SelectListItem(l["TargetGroup." + a], a)).ToList();
        ActiveMunicipalities = _tenants.Values.Where(t => t.IsActive).OrderBy(t => t.CountryCode != "SE").ThenBy(t => t.Name, StringComparer.Create(new("sv-SE"), false))
            .Select(t => new SelectListItem(t.Name, t.Code)).ToList();
        Languages = Taxonomy.Languages.Select(c => new SelectListItem(l["Language." + c], c)).ToList();
    }

    /// Checks what attributes cannot, adding messages next to the fields; returns the normalised organisation number.
    public string? Validate(OrganisationInput input, ModelStateDictionary state, string prefix = "Input.")
    {
        string? number = null;
        if (!Countries.Contains(input.CountryCode)) state.AddModelError(prefix + nameof(input.CountryCode), l["Validation.ChooseFromList"]);
        if (!string.IsNullOrWhiteSpace(input.OrganisationNumber))
        {
            if (input.CountryCode == "SE")
            {
                var problem = SwedishOrganisationNumber.Check(input.OrganisationNumber, out var n);
                if (problem == OrganisationNumberProblem.None) number = n;
                else state.AddModelError(prefix + nameof(input.OrganisationNumber), l[SwedishOrganisationNumber.MessageKey(problem)]);
            }
            else number = input.OrganisationNumber.Trim();
        }
        if (input.LegalForm is { } f && !Enum.IsDefined(f)) state.AddModelError(prefix + nameof(input.LegalForm), l["Validation.ChooseFromList"]);
        if (input.HomeMunicipality is { } home && !_tenants.ContainsKey(home))
            state.AddModelError(prefix + nameof(input.HomeMunicipality), l["Validation.ChooseFromList"]);
        if (input.AgeFrom is { } from && input.AgeTo is { } to && from > to)
            state.AddModelError(prefix + nameof(input.AgeTo), l["Validation.AgeOrder"]);
        Unknown(input.Areas, Taxonomy.Areas, nameof(input.Areas));
        Unknown(input.TargetGroups, Taxonomy.TargetGroups, nameof(input.TargetGroups));
        Unknown(input.Languages, Taxonomy.Languages, nameof(input.Languages));
        Unknown(input.MunicipalitiesServed, _tenants.Keys, nameof(input.MunicipalitiesServed));
        foreach (var link in Lines(input.SocialLinks))
            if (!new HttpUrlAttribute().IsValid(link))
            {
                state.AddModelError(prefix + nameof(input.SocialLinks), l["Validation.UrlPerLine"]);
                break;
            }
        if (input.FoundedYear is { } year && year > clock.GetUtcNow().Year)
            state.AddModelError(prefix + nameof(input.FoundedYear), l["Validation.FoundedInFuture"]);
        return number;

        void Unknown(List<string> values, IEnumerable<string> allowed, string field)
        {
            if (values.Except(allowed).Any()) state.AddModelError(prefix + field, l["Validation.ChooseFromList"]);
        }
    }

    public void Apply(OrganisationInput input, string? number, Organisation o)
    {
        o.Name = input.Name.Trim();
        o.OtherNames = Lines(input.OtherNames).ToList();
        o.CountryCode = input.CountryCode;
        o.OrganisationNumber = number;
        o.LegalForm = input.LegalForm!.Value;
        o.HomeMunicipalityId = input.HomeMunicipality is { } code ? _tenants[code].Id : null;
        o.Description = input.Description.Trim();
        o.Areas = input.Areas.Distinct().ToList();
        o.TargetGroups = input.TargetGroups.Distinct().ToList();
        o.AgeFrom = input.AgeFrom;
        o.AgeTo = input.AgeTo;
        o.MunicipalitiesServed = input.MunicipalitiesServed.Distinct().ToList();
        o.Languages = input.Languages.Distinct().ToList();
        o.Website = Text.Blank(input.Website);
        o.SocialLinks = Lines(input.SocialLinks).ToList();
        o.ContactEmail = Text.Blank(input.ContactEmail);
        o.Phone = Text.Blank(input.Phone);
        o.FoundedYear = input.FoundedYear;
        o.Staff = input.Staff;
        o.Volunteers = input.Volunteers;
        o.Members = input.Members;
        o.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }


    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0).Distinct();
}
