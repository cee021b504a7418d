using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samverka.Features.Needs;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// A database that is busy (another connection holds the lock) or refuses writes (read-only) must not turn into a
/// hanging request and a 500: the write answers 503 with Retry-After, the page says the input was not saved and
/// keeps it, and /healthz says the database does not accept writes. Each test runs its own app with a short busy
/// timeout, because it breaks its database on purpose.
public abstract class DatabaseUnavailableTests(Provider provider)
{
    /// Makes every connection the app opens from now on read-only (SQLite: opened with Mode=ReadOnly).
    public sealed class ReadOnlySwitch : DbConnectionInterceptor
    {
        public volatile bool On;

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken ct = default)
        {
            Apply(connection);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Apply(connection);
            return result;
        }

        private void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection sqlite) return;
            var builder = new SqliteConnectionStringBuilder(sqlite.ConnectionString) { Mode = On ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate };
            if (builder.ToString() != sqlite.ConnectionString) sqlite.ConnectionString = builder.ToString();
        }
    }

    private async Task<SamverkaFactory> StartAsync()
    {
        var app = new SamverkaFactory(provider, services =>
        {
            services.AddSingleton<ReadOnlySwitch>();
            services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ReadOnlySwitch>());
        }, new Dictionary<string, string?> { ["Database:BusyTimeoutSeconds"] = "1" });
        await app.InitializeAsync();
        return app;
    }

    private static async Task<(HttpClient Officer, string Page, Func<string, List<KeyValuePair<string, string>>> Fields)> EditorAsync(SamverkaFactory app)
    {
        var officer = app.Browser();
        // A request that hangs must fail the test, not hold it forever.
        officer.Timeout = TimeSpan.FromSeconds(90);
        await officer.SignInAsync("handlaggare@borlange.example");
        var need = app.With(db => db.Needs().First(n => n.Title == "Stöd för ungas psykiska hälsa"));
        List<KeyValuePair<string, string>> Fields(string title) =>
        [
            new("Input.Title", title), new("Input.DepartmentId", need.DepartmentId?.ToString() ?? ""), new("Input.Problem", need.Problem),
            new("Input.TargetGroup", need.TargetGroup ?? ""), new("Input.DesiredOutcome", need.DesiredOutcome),
            new("Input.ContactName", need.ContactName), new("Input.ContactEmail", need.ContactEmail),
            new("Input.Closes", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd")),
            .. need.Areas.Select(a => new KeyValuePair<string, string>("Input.Areas", a)),
            .. need.Forms.Select(f => new KeyValuePair<string, string>("Input.Forms", f)),
            new("go", "save"),
        ];
        return (officer, $"/municipalities/2081/needs/{need.Id}", Fields);
    }

    private static async Task AssertNotSavedAsync(HttpResponseMessage response, string keptTitle)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("inte sparat", html);
        Assert.Contains($"value=\"{keptTitle}\"", html);
    }

    /// Another connection takes the write lock (SQLite: BEGIN EXCLUSIVE; PostgreSQL: the need's row, FOR UPDATE).
    protected abstract Task<DbConnection> HoldLockAsync(SamverkaFactory app, Guid needId);

    /// Whether /healthz can notice this lock (PostgreSQL's probe touches no row, so a row lock does not stop it).
    protected abstract bool HealthSeesLock { get; }

    protected abstract Task SetReadOnlyAsync(SamverkaFactory app, bool on);

    [Fact]
    public async Task A_write_while_another_connection_holds_the_lock_answers_503_and_keeps_the_input()
    {
        using var app = await StartAsync();
        var (officer, page, fields) = await EditorAsync(app);
        var needId = Guid.Parse(page.Split('/')[^1]);
        var title = "Stöd för ungas psykiska hälsa – ändrad " + Guid.NewGuid().ToString("N")[..4];
        var post = await officer.LoadAsync(page, fields(title));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/healthz")).StatusCode);

        await using (var hold = await HoldLockAsync(app, needId))
        {
            await AssertNotSavedAsync(await post(), title);
            if (HealthSeesLock) Assert.Equal(HttpStatusCode.ServiceUnavailable, (await officer.GetAsync("/healthz")).StatusCode);
        }
        Assert.NotEqual(title, app.With(db => db.Needs().Single(n => n.Id == needId).Title));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/healthz")).StatusCode);
        // Once the lock is gone the same input saves.
        Assert.Equal(HttpStatusCode.Redirect, (await (await officer.LoadAsync(page, fields(title)))()).StatusCode);
    }

    [Fact]
    public async Task On_a_read_only_database_writes_answer_503_and_health_is_not_green()
    {
        using var app = await StartAsync();
        var (officer, page, fields) = await EditorAsync(app);
        var title = "Skrivskyddad " + Guid.NewGuid().ToString("N")[..4];
        var post = await officer.LoadAsync(page, fields(title));
        await SetReadOnlyAsync(app, true);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await officer.GetAsync("/healthz")).StatusCode);
            await AssertNotSavedAsync(await post(), title);
            // Reading still works.
            Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/needs")).StatusCode);
        }
        finally
        {
            await SetReadOnlyAsync(app, false);
        }
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/healthz")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DatabaseUnavailableTestsOnSqlite() : DatabaseUnavailableTests(Provider.Sqlite)
{
    protected override bool HealthSeesLock => true;

    protected override async Task<DbConnection> HoldLockAsync(SamverkaFactory app, Guid needId)
    {
        // Unpooled, so that disposing it really closes it and lets go of the lock.
        var connection = new SqliteConnection(app.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE;";
        await begin.ExecuteNonQueryAsync();
        return connection; // disposing it rolls back and lets go
    }

    protected override Task SetReadOnlyAsync(SamverkaFactory app, bool on)
    {
        app.Services.GetRequiredService<ReadOnlySwitch>().On = on;
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class DatabaseUnavailableTestsOnPostgres() : DatabaseUnavailableTests(Provider.Postgres)
{
    protected override bool HealthSeesLock => false;

    protected override async Task<DbConnection> HoldLockAsync(SamverkaFactory app, Guid needId)
    {
        var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("BEGIN; SELECT 1 FROM \"Needs\" WHERE \"Id\" = @id FOR UPDATE;", connection);
        command.Parameters.AddWithValue("id", needId);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    protected override async Task SetReadOnlyAsync(SamverkaFactory app, bool on)
    {
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database;
        await using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand(
                on ? $"ALTER DATABASE \"{database}\" SET default_transaction_read_only = on" : $"ALTER DATABASE \"{database}\" RESET default_transaction_read_only", admin);
            await command.ExecuteNonQueryAsync();
        }
        // The setting applies to new sessions.
        NpgsqlConnection.ClearAllPools();
    }
}
