using Samverka.Platform.Modules;

namespace Samverka.Platform.Notifications;

/// How a person wants to hear about one kind of notification. The values are stored; do not renumber.
public enum Rhythm
{
    Immediate = 1,
    DailyDigest = 2,
    WeeklyDigest = 3,
    Off = 4,
}

/// Whom a kind of notification can concern, by their roles: the settings page lists the kinds that concern a person.
[Flags]
public enum Audience
{
    /// Anyone with an account (following a need, claiming an entry).
    SignedIn = 1,
    OrganisationMembers = 2,
    OrganisationAdmins = 4,
    TenantStaff = 8,
}

/// Something a feature tells people about, declared in its manifest (ModuleManifest.Notifications) so the catalogue and
/// the settings page know every kind. Key is stable ("needs.fitting") and stored with each person's choice; LabelKey
/// and WhyKey are resource keys of the owning feature (what it is, and why this person gets it). Transactional mail
/// (password reset, e-mail confirmation, account invitations) is not a notification: it always goes out.
public sealed record NotificationKind(string Key, string LabelKey, string WhyKey, Audience Concerns, Rhythm Default,
    IReadOnlyList<Rhythm> Allowed)
{
    public static readonly IReadOnlyList<Rhythm> AnyRhythm = [Rhythm.Immediate, Rhythm.DailyDigest, Rhythm.WeeklyDigest, Rhythm.Off];
    public static readonly IReadOnlyList<Rhythm> DigestOnly = [Rhythm.DailyDigest, Rhythm.WeeklyDigest, Rhythm.Off];

    /// A stored choice the kind no longer allows falls back to the default.
    public Rhythm Resolve(Rhythm? chosen) => chosen is { } c && Allowed.Contains(c) ? c : Default;

    public bool ConcernsPerson(Access access)
    {
        if (!access.IsSignedIn) return false;
        if (Concerns.HasFlag(Audience.SignedIn) || access.IsPlatformAdmin) return true;
        var roles = access.Roles;
        return (Concerns.HasFlag(Audience.OrganisationMembers) && roles.Any(r => r.Role.IsOrganisationRole()))
            || (Concerns.HasFlag(Audience.OrganisationAdmins) && roles.Any(r => r.Role == Role.OrganisationAdmin))
            || (Concerns.HasFlag(Audience.TenantStaff) && roles.Any(r => r.Role.IsTenantRole()));
    }
}

/// The platform's own kinds.
public static class PlatformNotifications
{
    /// The "my work" part of the digest: what waits for the person across features (MyWork), on this kind's rhythm.
    public const string MyWorkKey = "platform.my-work";

    public static readonly NotificationKind MyWork = new(MyWorkKey, "Notifications.Kind.MyWork", "Notifications.Why.MyWork",
        Audience.SignedIn, Rhythm.WeeklyDigest, NotificationKind.DigestOnly);

    public static readonly IReadOnlyList<NotificationKind> Kinds = [MyWork];
}

/// Every kind: the platform's and those the features declare, in the order the modules were added. A key declared
/// twice stops start-up.
public sealed class NotificationCatalogue
{
    private readonly Dictionary<string, NotificationKind> _byKey;

    public NotificationCatalogue(FeatureCatalogue features)
    {
        Kinds = [.. PlatformNotifications.Kinds, .. features.Manifests.SelectMany(m => m.Notifications)];
        _byKey = new Dictionary<string, NotificationKind>(StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            if (!_byKey.TryAdd(kind.Key, kind))
                throw new InvalidOperationException($"The notification kind '{kind.Key}' is declared twice.");
            if (!kind.Allowed.Contains(kind.Default))
                throw new InvalidOperationException($"The notification kind '{kind.Key}' does not allow its own default rhythm.");
        }
    }

    public IReadOnlyList<NotificationKind> Kinds { get; }

    public NotificationKind this[string key] => _byKey.TryGetValue(key, out var kind)
        ? kind
        : throw new InvalidOperationException($"Unknown notification kind '{key}': declare it in the feature's manifest.");

    public NotificationKind? Find(string key) => _byKey.GetValueOrDefault(key);
}
