namespace Samverka.Features.Municipalities.Profile;

/// The fields of a profile entry that a list may ask for.
public enum ProfileField { Kind, Title, Text, Detail, Email, Phone, Url, FromYear, ToYear, Goals }

/// What each profile list asks for: its fields in form order, which must be filled in, the kinds it offers, and
/// how a strategy's goals are written (one a line). Plain data and rules, unit-tested in ProfileLayoutTests; the
/// editing page binds, checks access and calls these.
public static class ProfileLayout
{
    public static readonly IReadOnlyDictionary<ProfileSection, (ProfileField Field, bool Required)[]> Fields = new Dictionary<ProfileSection, (ProfileField, bool)[]>
    {
        [ProfileSection.Organisation] = [(ProfileField.Kind, true), (ProfileField.Title, true), (ProfileField.Text, true), (ProfileField.Url, false)],
        [ProfileSection.Coordinators] = [(ProfileField.Title, true), (ProfileField.Detail, true), (ProfileField.Text, false), (ProfileField.Email, true), (ProfileField.Phone, false)],
        [ProfileSection.Strategies] = [(ProfileField.Title, true), (ProfileField.Text, true), (ProfileField.FromYear, false), (ProfileField.ToYear, false), (ProfileField.Goals, false), (ProfileField.Url, false)],
        [ProfileSection.Support] = [(ProfileField.Kind, true), (ProfileField.Title, true), (ProfileField.Text, true), (ProfileField.Detail, true), (ProfileField.Email, false)],
        [ProfileSection.Compacts] = [(ProfileField.Title, true), (ProfileField.Text, true), (ProfileField.Url, false)],
    };

    public const int MaxGoals = 20;
    public const int MaxGoalLength = 500;

    public static bool Uses(ProfileSection section, ProfileField field) => Fields[section].Any(f => f.Field == field);

    public static bool Requires(ProfileSection section, ProfileField field) => Fields[section].Any(f => f.Field == field && f.Required);

    /// The kinds a list offers (how the municipality is organised, or the support it gives); none for other lists.
    public static IReadOnlyList<ProfileKind> Kinds(ProfileSection section) => section switch
    {
        ProfileSection.Organisation => ProfileEntry.OrganisationKinds,
        ProfileSection.Support => ProfileEntry.SupportKinds,
        _ => [],
    };

    /// The required fields of the list left empty (null, or blank text), given what was entered for each field.
    public static IReadOnlyList<ProfileField> Missing(ProfileSection section, Func<ProfileField, object?> value) =>
        Fields[section].Where(f => f.Required && IsBlank(value(f.Field))).Select(f => f.Field).ToList();

    private static bool IsBlank(object? v) => v is null || v is string s && string.IsNullOrWhiteSpace(s);

    /// A strategy's goals as typed, one a line (blank lines left out); null when there are too many or one is too long.
    public static IReadOnlyList<string>? GoalLines(string? text)
    {
        var goals = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return goals.Count > MaxGoals || goals.Any(g => g.Length > MaxGoalLength) ? null : goals;
    }
}
