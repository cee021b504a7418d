using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samverka.Platform.Modules;

namespace Samverka.Platform.Data;

/// Applies migrations, loads reference data and, when asked, demo data.
public sealed class DatabaseSetup(AppDbContext db, IServiceProvider services, DatabaseOptions options, ILogger<DatabaseSetup> log)
{
    /// The applied migrations. The history table is created first (idempotently): asking a brand-new database
    /// otherwise makes EF log a failed query, which reads like an outage in production logs.
    private async Task<IReadOnlyList<string>> AppliedMigrationsAsync(CancellationToken ct)
    {
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        return (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
    }

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        var applied = await AppliedMigrationsAsync(ct);
        // A history this build does not know means the database was made by another build (an older squashed
        // history, or a newer release): migrating would fail half-way or lose data, so say so and stop.
        var unknown = applied.Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"The database was created by another build of Samverka: its migrations {string.Join(", ", unknown)} are not " +
                "part of this one. For the embedded demo database, delete its file (data/samverka.db by default) and start " +
                "again; for a production database, run the build that made it (docs/operations.md).");
        var pending = db.Database.GetMigrations().Except(applied).ToList();
        if (pending.Count > 0)
            log.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, options.Provider, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
        // Write-ahead logging lets readers and the job runner work while a request writes.
        if (!options.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await ReferenceData.LoadAsync(db, ct);
    }

    public async Task<bool> IsEmptyOfDemoDataAsync(CancellationToken ct = default) =>
        !await db.Users.AnyAsync(ct);

    public async Task SeedDemoDataAsync(CancellationToken ct = default)
    {
        foreach (var seeder in services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            log.LogInformation("Seeding demo data: {Seeder}", seeder.GetType().Name);
            await seeder.SeedAsync(services, ct);
        }
    }

    /// Start-up: the embedded database is created, migrated and filled with demo data on first start.
    /// Returns true when demo data was loaded.
    public async Task<bool> PrepareForServingAsync(CancellationToken ct = default)
    {
        if (options.IsPostgres && !options.MigrateOnStart) return false;
        var firstStart = !options.IsPostgres && (await AppliedMigrationsAsync(ct)).Count == 0;
        await MigrateAsync(ct);
        if (!firstStart || !options.SeedDemoDataOnFirstStart || !await IsEmptyOfDemoDataAsync(ct)) return false;
        await SeedDemoDataAsync(ct);
        return true;
    }
}
