using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samverka.Platform.Data;

namespace Samverka.Tests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// The real app over a real database of the chosen provider, with its own data folder, mail pickup folder and
/// (for PostgreSQL) its own database in the cluster the test command started.
public sealed class SamverkaFactory : WebApplicationFactory<Program>
{
    public Provider Provider { get; }
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "samverka-tests", Guid.NewGuid().ToString("N"));
    public string PickupFolder => Path.Combine(Folder, "mail");
    public string ConnectionString { get; }
    private readonly string? _databaseName;
    private readonly bool _joined;
    private readonly Action<IServiceCollection>? _services;
    private readonly Dictionary<string, string?> _settings;

    /// With sharedConnectionString the app joins an existing database (a second instance) instead of making its own.
    public SamverkaFactory(Provider provider, Action<IServiceCollection>? services = null, Dictionary<string, string?>? settings = null,
        string? sharedConnectionString = null)
    {
        Provider = provider;
        _services = services;
        _settings = settings ?? [];
        Directory.CreateDirectory(Folder);
        if (sharedConnectionString is not null)
        {
            ConnectionString = sharedConnectionString;
            _joined = true;
        }
        else if (provider == Provider.Postgres)
        {
            _databaseName = "samverka_test_" + Guid.NewGuid().ToString("N")[..12];
            using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
            {
                admin.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", admin);
                cmd.ExecuteNonQuery();
            }
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = _databaseName }.ToString();
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(Folder, "samverka.db")}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["Database:ConnectionString"] = ConnectionString,
            ["Database:SeedDemoDataOnFirstStart"] = "true",
            ["Database:MigrateOnStart"] = "true",
            ["Email:PickupFolder"] = PickupFolder,
            ["Register:IndexPath"] = Path.Combine(Folder, "index"),
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Security:RequireHttps"] = "false",
            // The test client's own address, so links in e-mail lead back to this host.
            ["Samverka:PublicBaseUrl"] = "http://localhost",
            // The test server has no client addresses: every test client is the same "client", so the per-client
            // limit on forms that send e-mail would add up across the whole suite. Tests that check it set it low.
            ["RateLimits:PerClient"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in _settings) settings[k] = v;
        // UseSetting, not ConfigureAppConfiguration: Program reads these while it builds, before late sources apply.
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    /// Starts the app (migrating and seeding on the way) and, on PostgreSQL, loads the demo data the embedded
    /// default would have loaded by itself.
    public async Task InitializeAsync()
    {
        _ = Server;
        if (Provider == Provider.Postgres && !_joined)
        {
            using var scope = Services.CreateScope();
            var setup = scope.ServiceProvider.GetRequiredService<DatabaseSetup>();
            await setup.SeedDemoDataAsync();
        }
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public T With<T>(Func<AppDbContext, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (_databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            admin.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", admin);
            cmd.ExecuteNonQuery();
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

public static class PostgresServer
{
    public const string Variable = "SAMVERKA_TEST_POSTGRES";

    /// Set by ./test.sh, which starts a throwaway cluster. Without it the PostgreSQL half of the suite fails loudly.
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run ./test.sh, which starts a throwaway PostgreSQL, or point {Variable} at a server where you may create databases.");
}
