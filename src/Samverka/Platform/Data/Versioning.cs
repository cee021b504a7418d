using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samverka.Platform.Data;

/// A record people edit through forms. Its Version is an optimistic concurrency token (configured for every
/// implementing entity in AppDbContext): each update is written only "where the version is still the one that
/// was read", and VersionInterceptor counts it up, so of two people who loaded the same version only the first
/// save succeeds and the second gets a DbUpdateConcurrencyException instead of silently overwriting.
public interface IVersioned
{
    long Version { get; set; }
}

/// Counts the version of every changed IVersioned entity up by one. Done here rather than by a database default
/// or trigger so it works the same on SQLite and PostgreSQL, and on every path that saves through EF.
public sealed class VersionInterceptor : SaveChangesInterceptor
{
    public static readonly VersionInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is not null) Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Bump(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State != EntityState.Modified) continue;
            var version = entry.Property(x => x.Version);
            // Counted from the version the update expects, so a page that set the expected version from its form
            // writes expected + 1, and a second bump in a retried save does not count twice.
            version.CurrentValue = version.OriginalValue + 1;
        }
    }

    internal static void Configure(Microsoft.EntityFrameworkCore.ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType) && entity.BaseType is null)
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }
}

public static class VersionedExtensions
{
    /// Makes the next save of this entity succeed only if it is still at the version the person loaded (the one
    /// their form carried); null leaves the version that was read from the database.
    public static void ExpectVersion<T>(this AppDbContext db, T entity, long? loaded) where T : class, IVersioned
    {
        if (loaded is { } v) db.Entry(entity).Property(x => x.Version).OriginalValue = v;
    }
}
