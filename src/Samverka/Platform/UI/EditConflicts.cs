using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Samverka.Platform.UI;

/// What an edit form carries besides its fields: the version of the record the person loaded, and a short
/// fingerprint of each field as it was then. With the version, a save that comes after someone else's is refused
/// (IVersioned); with the fingerprints, the page can tell the person which fields the other save changed, without
/// putting the old values themselves in the form.
public sealed class EditStamp
{
    public long? Version { get; set; }
    public string? Loaded { get; set; }

    public static EditStamp Of(IVersioned record, object input) => new() { Version = record.Version, Loaded = Fingerprints.Of(input) };

    internal void Set(IVersioned record, object input)
    {
        Version = record.Version;
        Loaded = Fingerprints.Of(input);
    }
}

internal static class Fingerprints
{
    private static IEnumerable<PropertyInfo> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0);

    internal static string Hash(object? value)
    {
        var bytes = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value));
        return Convert.ToBase64String(bytes, 0, 6).Replace('+', '-').Replace('/', '_');
    }

    /// "Name:hash,Name:hash" for every field of the input model.
    public static string Of(object input) =>
        string.Join(",", Fields(input.GetType()).Select(p => p.Name + ":" + Hash(p.GetValue(input))));

    /// The fields whose value now differs from when the person loaded the form; without fingerprints (an old
    /// form), the fields where what is stored differs from what they sent.
    public static List<PropertyInfo> Changed(string? loaded, object current, object posted)
    {
        var then = (loaded ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => x.Split(':', 2)).Where(x => x.Length == 2).ToDictionary(x => x[0], x => x[1]);
        return Fields(current.GetType()).Where(p => then.Count > 0
                ? then.TryGetValue(p.Name, out var h) && h != Hash(p.GetValue(current))
                : Hash(p.GetValue(current)) != Hash(p.GetValue(posted)))
            .ToList();
    }
}

/// For a form that edits several stored rows at once (every party's texts of a step, a RACI matrix) and so has no
/// one record version to expect: a fingerprint per field of what was stored when the page was drawn. The form
/// carries it; the save compares it with what is stored now and learns which fields someone else changed meanwhile.
public static class ContentStamp
{
    /// Starts with "#" so that a form with nothing stored yet still carries a stamp (and is checked).
    public static string Of(IReadOnlyDictionary<string, object?> fields) =>
        "#" + string.Join(",", fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + Fingerprints.Hash(f.Value)));

    /// The fields whose stored value differs from when the form was loaded; a field added or removed since counts
    /// as changed. A form that carries no stamp is not checked.
    public static IReadOnlyList<string> Changed(string? loaded, IReadOnlyDictionary<string, object?> now)
    {
        if (string.IsNullOrEmpty(loaded)) return [];
        var then = loaded.TrimStart('#').Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => (Key: x[..Math.Max(0, x.LastIndexOf('='))], Hash: x[(x.LastIndexOf('=') + 1)..]))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Hash);
        var absent = Fingerprints.Hash(null);
        return then.Keys.Union(now.Keys)
            .Where(k => then.GetValueOrDefault(k, absent) != (now.TryGetValue(k, out var v) ? Fingerprints.Hash(v) : absent))
            .Order(StringComparer.Ordinal).ToList();
    }
}

public static class EditConflicts
{
    /// Saves the edit of one versioned record, expecting it still at the version the form carried. When someone
    /// else saved first, nothing is written; the page's model state gets a message at the top and, for each field
    /// the other save changed, its value now (shown at the field and in the error summary); the stamp moves to
    /// the current version, so that saving the kept input again is a deliberate overwrite. Returns false then;
    /// the page answers with ConflictPage().
    public static async Task<bool> SaveEditAsync<TEntity, TInput>(this PageModel page, AppDbContext db, TEntity record,
        EditStamp stamp, TInput posted, Func<TEntity, TInput> toInput, string prefix, IStringLocalizer l, CancellationToken ct)
        where TEntity : class, IVersioned where TInput : class
    {
        db.ExpectVersion(record, stamp.Version);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The record as it is stored now (reloaded in place, so loaded navigations stay for the mapping).
            var entry = db.Entry(record);
            await entry.ReloadAsync(ct);
            page.ModelState.AddModelError("", l["Edit.Conflict"]);
            if (entry.State == EntityState.Detached) return false; // deleted meanwhile
            var current = record;
            var now = toInput(current);
            foreach (var field in Fingerprints.Changed(stamp.Loaded, now, posted))
                page.ModelState.AddModelError($"{prefix}.{field.Name}", l["Edit.ConflictField", Label(field, l), Show(field.GetValue(now), l)]);
            stamp.Set(current, now);
            return false;
        }
    }

    /// The page again, with the person's input and the conflict explained: 409 Conflict.
    public static PageResult ConflictPage(this PageModel page) => new() { StatusCode = StatusCodes.Status409Conflict };

    private static string Label(PropertyInfo field, IStringLocalizer l) =>
        field.GetCustomAttribute<DisplayAttribute>()?.Name is { } key ? l[key] : field.Name;

    private static string Show(object? value, IStringLocalizer l) => value switch
    {
        null => l["Edit.Empty"],
        string s when string.IsNullOrWhiteSpace(s) => l["Edit.Empty"],
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable items => items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.CurrentCulture)).ToList() is { Count: > 0 } list
            ? string.Join(", ", list) : l["Edit.Empty"],
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };
}

/// The stamp's hidden fields in a form. Usage: &lt;sv-edit-stamp for="Stamp" /&gt;. Written from the model, not
/// from the posted values, so that after a conflict the form carries the version the person has now seen.
[HtmlTargetElement("sv-edit-stamp", TagStructure = TagStructure.WithoutEndTag)]
public sealed class EditStampTagHelper(HtmlEncoder enc) : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var stamp = For.Model as EditStamp ?? new EditStamp();
        var name = For.Name;
        output.Content.SetHtmlContent(
            $"<input type=\"hidden\" name=\"{enc.Encode(name)}.Version\" value=\"{stamp.Version}\">" +
            $"<input type=\"hidden\" name=\"{enc.Encode(name)}.Loaded\" value=\"{enc.Encode(stamp.Loaded ?? "")}\">");
    }
}
