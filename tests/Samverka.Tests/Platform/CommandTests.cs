using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// `migrate` and `seed` run as the real program, apply the schema and exit without serving.
public sealed class CommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string command, string provider, string connectionString)
    {
        var app = typeof(Samverka.Platform.PlatformModule).Assembly.Location;
        var folder = Directory.CreateTempSubdirectory("samverka-cmd").FullName;
        var start = new ProcessStartInfo("dotnet", [app, command])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider;
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Email__PickupFolder"] = Path.Combine(folder, "mail");
        // A port that would be taken by nothing: if the command served, it would not exit.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A loaded CI machine starts, migrates and seeds in one to two minutes; this waits on the process itself.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Migrate_creates_the_sqlite_schema_and_reference_data_and_exits()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("samverka-cmd-db").FullName, "m.db");
        var (code, output) = await RunAsync("migrate", "Sqlite", $"Data Source={file}");
        Assert.True(code == 0, output);
        Assert.Contains("Database migrated.", output);
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var cmd = new SqliteCommand("SELECT COUNT(*) FROM Tenants", connection);
        Assert.Equal(21L + 290 + 4 + 5, (long)(await cmd.ExecuteScalarAsync())!);
        await using var users = new SqliteCommand("SELECT COUNT(*) FROM AspNetUsers", connection);
        Assert.Equal(0L, (long)(await users.ExecuteScalarAsync())!); // migrate loads no demo accounts
    }

    [Fact]
    public async Task Migrate_then_seed_on_postgres()
    {
        var name = "samverka_cmd_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name, Pooling = false }.ToString();
        try
        {
            var migrate = await RunAsync("migrate", "Postgres", cs);
            Assert.True(migrate.ExitCode == 0, migrate.Output);
            Assert.DoesNotContain("fail:", migrate.Output);
            var again = await RunAsync("migrate", "Postgres", cs);
            Assert.True(again.ExitCode == 0, again.Output);
            var seed = await RunAsync("seed", "Postgres", cs);
            Assert.True(seed.ExitCode == 0, seed.Output);
            Assert.Contains("admin@samverka.example", seed.Output);

            await using var connection = new NpgsqlConnection(cs);
            await connection.OpenAsync();
            Assert.Equal(21L + 290 + 4 + 5, (long)(await new NpgsqlCommand("SELECT COUNT(*) FROM \"Tenants\"", connection).ExecuteScalarAsync())!);
            Assert.Equal(20L, (long)(await new NpgsqlCommand("SELECT COUNT(*) FROM \"Tenants\" WHERE \"Kind\" = 2 AND \"IsActive\"", connection).ExecuteScalarAsync())!);
            Assert.Equal(7L, (long)(await new NpgsqlCommand("SELECT COUNT(*) FROM \"AspNetUsers\"", connection).ExecuteScalarAsync())!);
        }
        finally
        {
            await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task An_unknown_command_is_refused()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("samverka-cmd-db").FullName, "u.db");
        var (code, output) = await RunAsync("migrat", "Sqlite", $"Data Source={file}");
        Assert.Equal(2, code);
        Assert.Contains("Unknown command 'migrat'", output);
    }
}
