using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Platform.Data;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// Migrations are squashed before the first production database; a database made by another build must be refused
/// with a message that says what to do, never migrated half-way.
public abstract class DatabaseSetupTests(AppFixture fixture)
{
    [Fact]
    public async Task A_database_with_a_migration_history_this_build_does_not_know_is_refused_with_a_clear_message()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        const string foreign = "20200101000000_FromAnotherBuild";
        // The history table's name is the provider's setting (PostgreSQL keeps it as __ef_migrations).
        var history = db.Database.IsNpgsql() ? "__ef_migrations" : "__EFMigrationsHistory";
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"" + history + "\" (\"MigrationId\", \"ProductVersion\") VALUES ({0}, '10.0.0')", foreign);
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync());
            Assert.Contains(foreign, error.Message);
            Assert.Contains("samverka.db", error.Message);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"" + history + "\" WHERE \"MigrationId\" = {0}", foreign);
        }
        // The real history is untouched and complete.
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDatabaseSetupTests(SqliteApp fixture) : DatabaseSetupTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseSetupTests(PostgresApp fixture) : DatabaseSetupTests(fixture);
