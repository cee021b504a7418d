namespace Samverka.Features.Register.Exchange;

/// One problem in an import file, where the user can find and fix it.
public sealed record ImportProblem(int Line, string Column, string Reason);

/// An organisation read from a file, checked and normalised, ready to be written.
public sealed class ImportedOrganisation
{
    public int Line { get; init; }
    public Guid? Id { get; set; }
    public string Name { get; set; } = "";
    public List<string> OtherNames { get; set; } = [];
    public string? OrganisationNumber { get; set; }
    public string CountryCode { get; set; } = "SE";
    public LegalForm LegalForm { get; set; } = LegalForm.NonProfitAssociation;
    public string HomeMunicipality { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Areas { get; set; } = [];
    public List<string> TargetGroups { get; set; } = [];
    public int? AgeFrom { get; set; }
    public int? AgeTo { get; set; }
    public List<string> MunicipalitiesServed { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public string? Website { get; set; }
    public string? ContactEmail { get; set; }
    public string? Phone { get; set; }
    public int? FoundedYear { get; set; }
    public int? Staff { get; set; }
    public int? Volunteers { get; set; }
    public int? Members { get; set; }
    public DateTime? LastConfirmed { get; set; }
    public List<OrganisationService> Services { get; set; } = [];
    public List<OrganisationLocation> Locations { get; set; } = [];
    public List<OrganisationContact> Contacts { get; set; } = [];
}

public sealed record ImportCheck(List<ImportedOrganisation> Rows, List<ImportProblem> Problems, int Creates, int Updates)
{
    public bool IsValid => Problems.Count == 0 && Rows.Count > 0;

    /// Rows that may be duplicates (a very similar name in the same municipality, in the register or elsewhere in
    /// the file). Shown before the user confirms; they do not stop the import.
    public List<ImportProblem> Warnings { get; init; } = [];

    /// How many rows were compared with the register for similar names (all, up to RegisterImporter's limit).
    public int RowsComparedWithRegister { get; init; }
}
