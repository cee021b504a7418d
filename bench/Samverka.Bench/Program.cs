using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Samverka.Platform.Data;
using Samverka.Platform.Jobs;

// Benchmarks print their figures; docs/benchmarks.md records them. Usage:
//   dotnet run -c Release --project bench/Samverka.Bench [pages|jobs|register|match|activity|all] [--n 1000000]
// With SAMVERKA_BENCH_POSTGRES set to a server connection string, the job and register benchmarks also run on
// PostgreSQL. The register benchmark's last lines are machine-readable.
var what = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "all";
var nIndex = Array.IndexOf(args, "--n");
var n = nIndex >= 0 && nIndex + 1 < args.Length && int.TryParse(args[nIndex + 1], out var parsed) ? parsed : 1_000_000;
Console.WriteLine($"Samverka benchmarks, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
if (what is "pages" or "all") await PageBench.RunAsync();
if (what is "jobs" or "all")
{
    await JobBench.RunAsync("Sqlite", null);
    if (Environment.GetEnvironmentVariable("SAMVERKA_BENCH_POSTGRES") is { Length: > 0 } pg) await JobBench.RunAsync("Postgres", pg);
}
if (what is "register")
{
    // SAMVERKA_BENCH_SKIP_SQLITE=1 runs the PostgreSQL half only (for working on it; recorded runs do both).
    if (Environment.GetEnvironmentVariable("SAMVERKA_BENCH_SKIP_SQLITE") is not "1") await RegisterBench.RunAsync("Sqlite", null, n);
    if (Environment.GetEnvironmentVariable("SAMVERKA_BENCH_POSTGRES") is { Length: > 0 } pg) await RegisterBench.RunAsync("Postgres", pg, n);
    Console.WriteLine();
    foreach (var line in RegisterBench.Results) Console.WriteLine(line);
}
if (what is "activity") ActivityBench.Run(nIndex >= 0 ? n : 100_000);
if (what is "match")
{
    await MatchBench.RunAsync("Sqlite", null, n);
    if (Environment.GetEnvironmentVariable("SAMVERKA_BENCH_POSTGRES") is { Length: > 0 } pg) await MatchBench.RunAsync("Postgres", pg, n);
    Console.WriteLine();
    foreach (var line in MatchBench.Results) Console.WriteLine(line);
}

internal sealed class BenchApp(string provider, string connectionString, bool jobsEnabled) : WebApplicationFactory<Samverka.Platform.Data.DatabaseSetup>
{
    public static string NewFolder() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "samverka-bench", Guid.NewGuid().ToString("N"))).FullName;

    private static string ContentRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverka.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Run from the repository."), "src", "Samverka");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(ContentRoot());
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Jobs:Enabled", jobsEnabled ? "true" : "false");
        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("Samverka:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Email:PickupFolder", Path.Combine(Path.GetTempPath(), "samverka-bench-mail"));
        builder.UseSetting("Register:IndexPath", Path.Combine(NewFolder(), "index"));
        builder.UseSetting("Logging:LogLevel:Default", "Error");
    }
}

/// Server time for whole pages and the JSON API, in process (no network), warm, one request at a time.
internal static class PageBench
{
    public static async Task RunAsync()
    {
        var folder = BenchApp.NewFolder();
        using var app = new BenchApp("Sqlite", $"Data Source={Path.Combine(folder, "bench.db")}", jobsEnabled: false);
        var client = app.CreateClient();
        Console.WriteLine();
        Console.WriteLine("pages (SQLite with demo data, warm, sequential, 500 requests each)");
        Console.WriteLine($"{"url",-34} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
        foreach (var url in new[] { "/", "/municipalities", "/municipalities/2081", "/organisations", "/api/v1/municipalities", "/api/v1/organisations", "/healthz" })
        {
            for (var i = 0; i < 50; i++) (await client.GetAsync(url)).EnsureSuccessStatusCode();
            var times = new List<double>();
            for (var i = 0; i < 500; i++)
            {
                var sw = Stopwatch.StartNew();
                var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                times.Add(sw.Elapsed.TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }
            times.Sort();
            Console.WriteLine($"{url,-34} {Stats.P(times, 50),8:F2} {Stats.P(times, 95),8:F2} {Stats.P(times, 99),8:F2}");
        }
    }
}

/// How fast the durable job queue drains no-op jobs with one and with two runners racing on one database.
internal static class JobBench
{
    private sealed class NoopHandler : IJobHandler
    {
        public string Type => "bench.noop";
        public Task RunAsync(string payload, CancellationToken ct) => Task.CompletedTask;
    }

    public static async Task RunAsync(string provider, string? postgresServer)
    {
        string connectionString;
        string? database = null;
        if (postgresServer is null)
            connectionString = $"Data Source={Path.Combine(BenchApp.NewFolder(), "jobs.db")}";
        else
        {
            database = "samverka_bench_" + Guid.NewGuid().ToString("N")[..8];
            await using var admin = new Npgsql.NpgsqlConnection(postgresServer);
            await admin.OpenAsync();
            await new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
            connectionString = new Npgsql.NpgsqlConnectionStringBuilder(postgresServer) { Database = database }.ToString();
        }

        using var app = new BenchApp(provider, connectionString, jobsEnabled: false)
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<IJobHandler, NoopHandler>()));
        _ = app.Server;
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        Console.WriteLine();
        Console.WriteLine($"jobs on {provider} (no-op handler, 2 000 jobs per run)");
        foreach (var runners in new[] { 1, 2 })
        {
            using (var scope = scopes.CreateScope())
            {
                var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
                for (var i = 0; i < 2000; i++) queue.Enqueue("bench.noop", i);
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            }
            var options = new JobOptions { BatchSize = 50 };
            var sw = Stopwatch.StartNew();
            var counts = await Task.WhenAll(Enumerable.Range(0, runners).Select(_ => Task.Run(() =>
                new JobRunner(scopes, options, TimeProvider.System, NullLogger<JobRunner>.Instance).RunDueJobsAsync(CancellationToken.None))));
            sw.Stop();
            Console.WriteLine($"  {runners} runner(s): {counts.Sum()} jobs in {sw.Elapsed.TotalSeconds:F2} s = {counts.Sum() / sw.Elapsed.TotalSeconds:F0} jobs/s (split {string.Join(" + ", counts)})");
        }
        if (database is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(postgresServer);
            await admin.OpenAsync();
            await new Npgsql.NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }
}
