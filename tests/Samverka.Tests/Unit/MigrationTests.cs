using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Data;

namespace Samverka.Tests.Unit;

/// Each provider's migrations match the model: someone who changes an entity must add migrations for both.
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_are_up_to_date()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite model has changes without a migration.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_migrations_are_up_to_date()
    {
        using var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the PostgreSQL model has changes without a migration.");
        Assert.Equal(db.Database.GetMigrations().Count(),
            new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options).Database.GetMigrations().Count());
    }
}
