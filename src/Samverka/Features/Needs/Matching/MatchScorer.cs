using Samverka.Features.Register;

namespace Samverka.Features.Needs.Matching;

/// What matching knows about a need, in the register's vocabulary.
public sealed record NeedProfile(
    string MunicipalityCode,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> TargetGroups,
    int? AgeFrom,
    int? AgeTo,
    IReadOnlyList<string> Languages,
    IReadOnlySet<string> Terms)
{
    /// How far from the municipality organisations may be (Need.Reach).
    public NeedReach Reach { get; init; } = NeedReach.Local;

    /// The municipality codes of the need's region (county), its own included; empty when unknown (Swedish codes
    /// then fall back to their county digits).
    public IReadOnlySet<string> Region { get; init; } = new HashSet<string>();

    /// The need's country (ISO 3166-1 alpha-2); null when unknown.
    public string? CountryCode { get; init; }

    public static NeedProfile From(Need need, string municipalityCode, Func<string, IEnumerable<string>> analyse) => new(
        municipalityCode, need.Areas, need.TargetGroups, need.AgeFrom, need.AgeTo, need.Languages,
        analyse(string.Join(" ", need.Title, need.Problem, need.TargetGroup, need.DesiredOutcome))
            // Numbers (ages, years, sums) say nothing about what an organisation does.
            .Where(t => t.Length > 2 && !t.All(char.IsAsciiDigit)).ToHashSet())
    {
        Reach = need.Reach,
    };
}

/// What matching knows about an organisation; TrackRecord counts its earlier responses to needs (later also
/// partnerships), Terms are the analysed words of its description and services.
public sealed record OrganisationProfile(
    Guid Id,
    string Name,
    string? HomeMunicipalityCode,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> TargetGroups,
    int? AgeFrom,
    int? AgeTo,
    IReadOnlyList<string> MunicipalitiesServed,
    IReadOnlyList<string> Languages,
    int? Staff,
    int? Volunteers,
    int? FoundedYear,
    int TrackRecord,
    Freshness Freshness,
    IReadOnlySet<string> Terms)
{
    /// Where it is registered (ISO 3166-1 alpha-2); null when unknown.
    public string? CountryCode { get; init; }
}

/// Where an organisation works, seen from a need's municipality, nearest first.
public enum MatchPlace { Municipality, Region, Country, Abroad }

/// One reason an organisation matched, with the points it earned. Kind says how to word it; Values fill it in.
public sealed record ScoredReason(string Code, double Points, double MaxPoints, IReadOnlyList<string> Values);

public sealed record ScoredMatch(OrganisationProfile Organisation, double Score, IReadOnlyList<ScoredReason> Reasons);

/// The ranking, explainable by design: a need and an organisation earn points for each thing they share, and the
/// score is the share (0–100) of the points the need made possible. Components the need says nothing about (no
/// target group, no language) are left out rather than counted as misses.
public static class MatchScorer
{
    public const double Area = 30, TargetGroup = 15, Age = 10, Place = 15, Language = 5, Text = 10, Capacity = 5, TrackRecord = 5, Freshness = 5;

    /// Shared words that give the full text points.
    public const int FullTextOverlap = 4;

    /// Swedish municipality codes start with their county's two digits; other countries' codes say nothing here.
    public static string? County(string municipalityCode) =>
        municipalityCode.Length == 4 && municipalityCode.All(char.IsAsciiDigit) ? municipalityCode[..2] : null;

    /// How near the organisation works to the need: in the municipality (based there or serving it), elsewhere in
    /// its region, elsewhere in its country, or abroad.
    public static MatchPlace PlaceOf(NeedProfile need, OrganisationProfile org)
    {
        if (org.HomeMunicipalityCode == need.MunicipalityCode || org.MunicipalitiesServed.Contains(need.MunicipalityCode)) return MatchPlace.Municipality;
        var county = County(need.MunicipalityCode);
        bool InRegion(string? code) => code is not null &&
            (need.Region.Count > 0 ? need.Region.Contains(code) : county is not null && code.Length == 4 && code.StartsWith(county, StringComparison.Ordinal));
        if (InRegion(org.HomeMunicipalityCode) || org.MunicipalitiesServed.Any(InRegion)) return MatchPlace.Region;
        var country = need.CountryCode ?? (county is not null ? "SE" : null);
        return country is not null && org.CountryCode == country ? MatchPlace.Country : MatchPlace.Abroad;
    }

    /// Whether an organisation may be matched with a need at all. Place and age are filters, not weights: it must
    /// work within the need's reach, and when both give ages, the ranges must overlap (an organisation for adults
    /// cannot take on a need for teenagers however well its other details fit).
    public static bool Admits(NeedProfile need, OrganisationProfile org)
    {
        var within = PlaceOf(need, org) switch
        {
            MatchPlace.Municipality or MatchPlace.Region => true,
            MatchPlace.Country => need.Reach >= NeedReach.Country,
            _ => need.Reach >= NeedReach.Anywhere,
        };
        return within && AgesOverlap(need.AgeFrom, need.AgeTo, org.AgeFrom, org.AgeTo);
    }

    /// Whether two age ranges share a year; an end left open reaches as far as it can.
    public static bool AgesOverlap(int? from, int? to, int? otherFrom, int? otherTo) =>
        Math.Max(from ?? 0, otherFrom ?? 0) <= Math.Min(to ?? int.MaxValue, otherTo ?? int.MaxValue);

    public static ScoredMatch Score(NeedProfile need, OrganisationProfile org, int currentYear)
    {
        var reasons = new List<ScoredReason>();
        double earned = 0, possible = 0;

        void Add(string code, double max, double share, IReadOnlyList<string> values)
        {
            possible += max;
            var points = Math.Round(max * Math.Clamp(share, 0, 1), 2);
            earned += points;
            if (points > 0 || code == "freshness") reasons.Add(new ScoredReason(code, points, max, values));
        }

        if (need.Areas.Count > 0)
        {
            var shared = need.Areas.Intersect(org.Areas).ToList();
            Add("area", Area, (double)shared.Count / need.Areas.Count, shared);
        }
        if (need.TargetGroups.Count > 0)
        {
            // An organisation open to everyone reaches every group, though less pointedly than one that names it.
            var shared = need.TargetGroups.Intersect(org.TargetGroups).ToList();
            var share = shared.Count > 0 ? (double)shared.Count / need.TargetGroups.Count : org.TargetGroups.Contains("everyone") ? 0.5 : 0;
            Add("targetGroup", TargetGroup, share, shared.Count > 0 ? shared : share > 0 ? ["everyone"] : []);
        }
        if (need.AgeFrom is not null || need.AgeTo is not null)
        {
            var lo = need.AgeFrom ?? 0;
            var hi = need.AgeTo ?? 100;
            var orgLo = org.AgeFrom ?? 0;
            var orgHi = org.AgeTo ?? 150;
            var overlap = Math.Min(hi, orgHi) - Math.Max(lo, orgLo) + 1;
            var share = overlap <= 0 ? 0 : (double)overlap / (hi - lo + 1);
            Add("age", Age, share, [org.AgeFrom?.ToString(CultureInfo.InvariantCulture) ?? "", org.AgeTo?.ToString(CultureInfo.InvariantCulture) ?? ""]);
        }
        {
            // A neighbour in the region can often help too, though less readily than one already working there.
            var place = PlaceOf(need, org);
            Add("place", Place, place == MatchPlace.Municipality ? 1 : place == MatchPlace.Region ? 0.5 : 0, [place == MatchPlace.Municipality ? "serves" : "nearby"]);
        }
        if (need.Languages.Count > 0)
        {
            var shared = need.Languages.Intersect(org.Languages).ToList();
            Add("language", Language, (double)shared.Count / need.Languages.Count, shared);
        }
        if (need.Terms.Count > 0)
        {
            var shared = need.Terms.Where(org.Terms.Contains).ToList();
            Add("text", Text, (double)shared.Count / Math.Min(FullTextOverlap, need.Terms.Count), shared);
        }
        {
            var staff = org.Staff ?? 0;
            var volunteers = org.Volunteers ?? 0;
            var share = staff >= 1 || volunteers >= 10 ? 1 : staff + volunteers > 0 ? 0.5 : 0;
            Add("capacity", Capacity, share, [staff.ToString(), volunteers.ToString()]);
        }
        {
            var years = org.FoundedYear is { } y ? currentYear - y : 0;
            var share = (years >= 5 ? 0.6 : years >= 2 ? 0.3 : 0) + (org.TrackRecord > 0 ? 0.4 : 0);
            Add("trackRecord", TrackRecord, share, [org.FoundedYear?.ToString() ?? "", org.TrackRecord.ToString()]);
        }
        Add("freshness", Freshness, org.Freshness switch
        {
            Register.Freshness.Current => 1,
            Register.Freshness.AskedToConfirm => 0.6,
            _ => 0,
        }, [org.Freshness.ToString()]);

        var score = possible == 0 ? 0 : Math.Round(100 * earned / possible, 1);
        return new ScoredMatch(org, score, reasons.OrderByDescending(r => r.Points).ToList());
    }
}
