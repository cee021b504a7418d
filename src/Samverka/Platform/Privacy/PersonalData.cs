using Microsoft.EntityFrameworkCore.Metadata;

namespace Samverka.Platform.Privacy;

/// The person whose data is exported or erased, with every value by which a row may name them.
public sealed record DataSubject(string UserId, string? Email, string DisplayName)
{
    /// The address in upper case, as compared with stored addresses (which people type in any case).
    public string UpperEmail => (Email ?? "").Trim().ToUpperInvariant();
}

/// What a column holds that names a person: their user id, an e-mail address or a name typed or copied in.
public enum PersonKey { UserId, Email, Name }

/// A (table, column) pair that can name a person, as the database calls them.
public sealed record PersonalColumn(string Table, string Column, PersonKey Key);

/// The rows of one table that name the person, each as column → readable value. Title is localised.
public sealed record PersonalRecords(string Table, string Title, IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows);

/// A feature's personal data (GDPR articles 15 and 17): the columns of its tables that name a person, what they hold
/// about one person, and how to erase it. Each feature registers one with AddPersonalDataSource; the platform's
/// /my/data page and account deletion gather them, and a test walks the EF model so that every column holding a user
/// id, an e-mail address or a "…By" name is declared by some source.
public interface IPersonalDataSource
{
    /// Every (table, column) of the feature that can name a person.
    IReadOnlyList<PersonalColumn> Columns { get; }

    /// Every row of the feature that names the person.
    Task<IReadOnlyList<PersonalRecords>> ExportAsync(DataSubject person, CancellationToken ct);

    /// Deletes what is only the person's; on shared or public records (responses, parties, answers, questions)
    /// removes the person's id, address or name and keeps the record. Runs inside the deletion's transaction, before
    /// the account itself is deleted; writes directly (ExecuteUpdate/ExecuteDelete), so nothing of it reaches the
    /// audit log but the one entry the deletion records.
    Task EraseAsync(DataSubject person, CancellationToken ct);
}

public static class PersonalData
{
    /// What an erased name becomes in a record that stays (a check-in, an approval): a dash, shown as such.
    public const string RemovedName = "–";

    /// What an erased required user id becomes: no account.
    public const string RemovedUserId = "";

    public static IServiceCollection AddPersonalDataSource<TSource>(this IServiceCollection services)
        where TSource : class, IPersonalDataSource =>
        services.AddScoped<IPersonalDataSource, TSource>();

    /// The rows as column → value, by the model's column names, leaving out secrets ([NotAudited]: token hashes)
    /// and binary content (a document's bytes are not readable; its record is).
    public static PersonalRecords Records<T>(AppDbContext db, string title, IEnumerable<T> rows) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var properties = type.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.ClrType != typeof(byte[])
                && !Attribute.IsDefined(p.PropertyInfo, typeof(NotAuditedAttribute)))
            .ToList();
        var list = rows.Select(row => (IReadOnlyDictionary<string, string?>)properties.ToDictionary(
            p => p.GetColumnName(store) ?? p.Name,
            p => Readable(p.PropertyInfo!.GetValue(row)))).ToList();
        return new PersonalRecords(table, title, list);
    }

    private static string? Readable(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => string.Join(", ", e.Cast<object?>()),
        _ => value.ToString(),
    };
}

/// Every feature's personal data for one person, in the order the modules were added.
public sealed class PersonalDataCatalogue(IEnumerable<IPersonalDataSource> sources)
{
    public IReadOnlyList<IPersonalDataSource> Sources { get; } = sources.ToList();

    public IEnumerable<PersonalColumn> Columns => Sources.SelectMany(s => s.Columns);

    public async Task<IReadOnlyList<PersonalRecords>> ExportAsync(DataSubject person, CancellationToken ct)
    {
        var all = new List<PersonalRecords>();
        foreach (var source in Sources)
            all.AddRange((await source.ExportAsync(person, ct)).Where(r => r.Rows.Count > 0));
        return all;
    }
}
