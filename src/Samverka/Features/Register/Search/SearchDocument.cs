namespace Samverka.Features.Register.Search;

/// What the index holds about one organisation: the text to search, the facet values, and what a result list shows.
public sealed record SearchDocument(
    Guid Id,
    string Name,
    IReadOnlyList<string> OtherNames,
    string Description,
    IReadOnlyList<string> ServiceTexts,
    string LegalForm,
    string? HomeMunicipalityCode,
    string? HomeMunicipalityName,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> AgeBands,
    IReadOnlyList<string> Languages,
    DateTime LastConfirmedAt,
    bool Public,
    Freshness Freshness,
    int? AgeFrom = null,
    int? AgeTo = null)
{
    public static SearchDocument From(Organisation o) => new(
        o.Id, o.Name, o.OtherNames, o.Description,
        o.Services.Select(s => $"{s.Name} {s.Description}").ToList(),
        o.LegalForm.ToString(),
        o.HomeMunicipality?.Code, o.HomeMunicipality?.Name,
        o.MunicipalitiesServed.Union(o.HomeMunicipality is null ? [] : [o.HomeMunicipality.Code]).Distinct().ToList(),
        o.Areas, o.TargetGroups, Taxonomy.AgeBandsFor(o.AgeFrom, o.AgeTo).ToList(), o.Languages,
        o.LastConfirmedAt, o.Status == VerificationStatus.Verified, o.Freshness, o.AgeFrom, o.AgeTo);
}

public static class Facets
{
    public const string Municipality = "municipality";
    public const string Area = "area";
    public const string TargetGroup = "targetGroup";
    public const string Age = "age";
    public const string LegalForm = "legalForm";
    public const string Language = "language";

    public static readonly string[] All = [Municipality, Area, TargetGroup, Age, LegalForm, Language];
}

public enum SearchSort { Relevance, Name, RecentlyConfirmed }

public sealed record SearchRequest(
    string? Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1,
    int PageSize = 20,
    bool IncludeDropped = false,
    int? AgeFrom = null,
    int? AgeTo = null)
{
    public static SearchRequest Text(string? q) => new(q, new Dictionary<string, IReadOnlyList<string>>());
}

public sealed record SearchHit(Guid Id, string Name, string LegalForm, string? Municipality, string Snippet, DateTime LastConfirmedAt, Freshness Freshness);

public sealed record FacetValue(string Value, int Count, bool Selected);

public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, int Page, int PageSize);
