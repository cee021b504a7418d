namespace Samverka.Platform.Localization;

/// The one way dates and times are shown to people, per language: "16 januari 2027" / "16 January 2027", and with a
/// time "16 januari 2027 15:20" / "16 January 2027 15:20". The culture's short patterns ("d", "g") differ between
/// languages in kind (en-US gives 12/2/2026 3:20 AM beside a spelled-out date), so pages never use them. Machine
/// formats (exports, feeds, form values) stay ISO and do not come through here.
public static class Dates
{
    public const string DatePattern = "d MMMM yyyy";
    public const string DateTimePattern = "d MMMM yyyy HH:mm";

    /// A date in the current language. A DateTime is shown as given: convert a UTC time with ToLocalTime() first.
    public static string ToDisplayDate(this DateOnly date) => date.ToString(DatePattern, CultureInfo.CurrentCulture);

    public static string ToDisplayDate(this DateTime date) => date.ToString(DatePattern, CultureInfo.CurrentCulture);

    public static string ToDisplayDateTime(this DateTime time) => time.ToString(DateTimePattern, CultureInfo.CurrentCulture);
}
