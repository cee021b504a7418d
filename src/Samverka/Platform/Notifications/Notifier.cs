using Samverka.Platform.Email;

namespace Samverka.Platform.Notifications;

/// The one way a feature tells a person something (not transactional mail, which goes through MailQueue). The
/// person's choice for the kind decides: Immediate queues the e-mail now, a digest rhythm keeps it as a pending item
/// for their next digest, Off drops it. Either way it joins the caller's unit of work and happens once they save.
public sealed class Notifier(AppDbContext db, MailQueue mail, PublicUrls urls, NotificationCatalogue kinds, TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// The person's rhythm for a kind: their stored choice, or the kind's default.
    public async Task<Rhythm> RhythmAsync(string userId, string kind, CancellationToken ct)
    {
        var declared = kinds[kind];
        var chosen = await db.NotificationPreferences().AsNoTracking()
            .Where(p => p.UserId == userId && p.Kind == kind).Select(p => (Rhythm?)p.Rhythm).SingleOrDefaultAsync(ct);
        return declared.Resolve(chosen);
    }

    /// Stores a person's choice for a kind in the caller's unit of work (a choice the kind does not allow is refused).
    public async Task ChooseAsync(string userId, string kind, Rhythm rhythm, CancellationToken ct)
    {
        if (!kinds[kind].Allowed.Contains(rhythm))
            throw new ArgumentOutOfRangeException(nameof(rhythm), $"The kind '{kind}' does not offer {rhythm}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.NotificationPreferences().SingleOrDefaultAsync(p => p.UserId == userId && p.Kind == kind, ct);
        if (stored is null)
            db.NotificationPreferences().Add(new NotificationPreference { UserId = userId, Kind = kind, Rhythm = rhythm, UpdatedAt = now });
        else if (stored.Rhythm != rhythm)
        {
            stored.Rhythm = rhythm;
            stored.UpdatedAt = now;
        }
    }

    /// Tells one person. Subject and body are already in words (localised); link is where the notice leads (a path
    /// on this site, made absolute from the configured public base, never from the request). Returns what happened.
    public async Task<Rhythm> NotifyAsync(string userId, string kind, string subject, string body, string link, CancellationToken ct)
    {
        var declared = kinds[kind];
        var rhythm = await RhythmAsync(userId, kind, ct);
        switch (rhythm)
        {
            case Rhythm.Off:
                break;
            case Rhythm.Immediate:
                var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
                if (email is null) return Rhythm.Off;
                mail.Enqueue(new OutgoingMail(email, subject, body + "\n\n" + Footer(declared)));
                break;
            default:
                db.PendingNotifications().Add(new PendingNotification
                {
                    UserId = userId, Kind = kind, Subject = Clip(subject, 500), Link = Clip(Absolute(link), 2000),
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
                break;
        }
        return rhythm;
    }

    /// Tells whoever has this address: a person with an account gets it on their chosen rhythm; an address without
    /// an account (an organisation's public address, a partnership contact) has no choice to honour and gets it now.
    public async Task<Rhythm> NotifyAddressAsync(string email, string kind, string subject, string body, string link, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (userId is not null) return await NotifyAsync(userId, kind, subject, body, link, ct);
        _ = kinds[kind];
        mail.Enqueue(new OutgoingMail(email, subject, body));
        return Rhythm.Immediate;
    }

    /// Tells each person once (a person with two roles that both concern a notice hears about it once).
    public async Task<int> NotifyAllAsync(IEnumerable<string> userIds, string kind, string subject, string body, string link, CancellationToken ct)
    {
        var told = 0;
        foreach (var userId in userIds.Distinct())
            if (await NotifyAsync(userId, kind, subject, body, link, ct) != Rhythm.Off) told++;
        return told;
    }

    /// Why the person gets this and where to change it, under every notification e-mail.
    private string Footer(NotificationKind kind) =>
        l["Notifications.MailFooter", l[kind.WhyKey], urls.Absolute(NotificationSettings.Address)];

    private string Absolute(string link) => link.StartsWith('/') ? urls.Absolute(link) : link;

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}

public static class NotificationSettings
{
    public const string Address = "/my/notifications";
}
