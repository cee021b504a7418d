using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Register;
using Samverka.Features.Register.Exchange;
using Samverka.Features.Register.Search;
using Samverka.Platform.Data;

/// The register at national scale: N synthetic organisations loaded raw (the floor) and through the app's import,
/// then searched with text, two facet filters and all facet counts, through the service and over HTTP.
internal static class RegisterBench
{
    public static async Task RunAsync(string provider, string? postgresServer, int n)
    {
        Console.WriteLine();
        Console.WriteLine($"register on {provider}, n={n:N0}");
        // Each provider starts from a clean heap: the previous half's app, rows and index are garbage by now.
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var rows = SyntheticRegister.Generate(n, seed: 42);

        // For working on search only (not for recorded results): SAMVERKA_BENCH_SEARCH_ONLY=1 loads the rows with the
        // bulk loader straight into the app's database and skips both import measurements.
        var searchOnly = Environment.GetEnvironmentVariable("SAMVERKA_BENCH_SEARCH_ONLY") is "1";
        // For working on the import only (not for recorded results): SAMVERKA_BENCH_IMPORT_ONLY=1 skips the floor,
        // the index rebuild and the searches (the index still catches up after each file, or its follower would
        // index one file while the next is written).
        var importOnly = Environment.GetEnvironmentVariable("SAMVERKA_BENCH_IMPORT_ONLY") is "1";

        // The floor: the database's own bulk load of the same rows, without audit, change marks or checks.
        double floorRate = 0;
        if (!searchOnly && !importOnly)
        await using (var floorDb = await BenchDatabase.CreateAsync(provider, postgresServer))
        using (var floorApp = floorDb.App())
        using (var scope = floorApp.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var bulk = scope.ServiceProvider.GetRequiredService<IBulkInserter>();
            var tenants = await db.Tenants.ToDictionaryAsync(t => t.Code, t => t.Id);
            var organisations = rows.Select(r => SyntheticRegister.ToOrganisation(r, tenants)).ToList();
            var sw = Stopwatch.StartNew();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                // The same connection settings for a large write as the import gets (SQLite: a big page cache).
                await using (await bulk.BeginLargeWriteAsync(db, CancellationToken.None))
                {
                    foreach (var chunk in organisations.Chunk(5000)) await bulk.InsertAsync(db, chunk, CancellationToken.None);
                    await tx.CommitAsync();
                }
            }
            floorRate = n / sw.Elapsed.TotalSeconds;
            sw.Restart();
            await bulk.SettledAsync();
            Console.WriteLine($"  floor load: {n / floorRate:F1} s = {floorRate:N0} organisations/s; background checkpoint afterwards {sw.Elapsed.TotalSeconds:F1} s");
        }

        await using var database = await BenchDatabase.CreateAsync(provider, postgresServer);
        using var app = database.App();
        // The app's import path, one file of at most MaxRowsPerFile rows at a time, each in its own transaction, as
        // RegisterImporter.ApplyAsync does it: write (rows, change marks, audit entries; timed as the import rate),
        // then the search index catches up (timed separately and reported beside it).
        double importRate, writeSeconds = 0, checkpointSeconds = 0, catchUpSeconds = 0;
        var bulkInserter = app.Services.GetRequiredService<IBulkInserter>();
        var follower = app.Services.GetRequiredService<RegisterIndexFollower>();
        if (searchOnly)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tenants = await db.Tenants.ToDictionaryAsync(t => t.Code, t => t.Id);
            var bulk = scope.ServiceProvider.GetRequiredService<IBulkInserter>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await using (await bulk.BeginLargeWriteAsync(db, CancellationToken.None))
            {
                foreach (var chunk in rows.Chunk(5000))
                    await bulk.InsertAsync(db, chunk.Select(r => SyntheticRegister.ToOrganisation(r, tenants)).ToList(), CancellationToken.None);
                await tx.CommitAsync();
            }
        }
        foreach (var chunk in searchOnly ? [] : rows.Chunk(RegisterImporter.MaxRowsPerFile))
        {
            using var scope = app.Services.CreateScope();
            var importer = scope.ServiceProvider.GetRequiredService<RegisterImporter>();
            var sw = Stopwatch.StartNew();
            await importer.WriteAsync(new ImportCheck(chunk.ToList(), [], chunk.Length, 0), CancellationToken.None);
            writeSeconds += sw.Elapsed.TotalSeconds;
            // The database's housekeeping after the commit (SQLite's background checkpoint), timed on its own.
            sw.Restart();
            await bulkInserter.SettledAsync();
            checkpointSeconds += sw.Elapsed.TotalSeconds;
            sw.Restart();
            await follower.CatchUpAsync(CancellationToken.None);
            catchUpSeconds += sw.Elapsed.TotalSeconds;
        }
        importRate = searchOnly ? 0 : n / writeSeconds;
        Console.WriteLine($"  import write (organisations, change marks, audit entries): {writeSeconds:F1} s = {importRate:N0} organisations/s");
        Console.WriteLine($"  background checkpoint after each file: {checkpointSeconds:F1} s; write + checkpoint = {n / (writeSeconds + checkpointSeconds):N0} organisations/s");
        Console.WriteLine($"  index catch-up after each file: {catchUpSeconds:F1} s; write + catch-up = {n / (writeSeconds + catchUpSeconds):N0} organisations/s");
        if (importOnly) { Results.Add($"import {provider.ToLowerInvariant()} n={n} rate={importRate:F0} floor_rate=n/a"); return; }

        var indexTime = Stopwatch.StartNew();
        await follower.RebuildAsync(CancellationToken.None);
        Console.WriteLine($"  search index built in {indexTime.Elapsed.TotalSeconds:F1} s");

        var search = app.Services.GetRequiredService<RegisterSearch>();
        var mix = SyntheticRegister.QueryMix(rows);
        foreach (var q in mix.Concat(mix)) search.Search(q.Request); // warm, fuzzy automata included

        var serviceTimes = new List<double>();
        var byKind = new Dictionary<string, List<double>>();
        var counts = new Dictionary<string, int>();
        for (var round = 0; round < 20; round++)
            foreach (var q in mix)
            {
                var sw = Stopwatch.StartNew();
                var result = search.Search(q.Request);
                serviceTimes.Add(sw.Elapsed.TotalMilliseconds);
                (byKind.TryGetValue(q.Kind, out var list) ? list : byKind[q.Kind] = []).Add(sw.Elapsed.TotalMilliseconds);
                counts[q.Kind] = result.Total;
            }

        var client = app.CreateClient();
        foreach (var q in mix) (await client.GetAsync(q.Url)).EnsureSuccessStatusCode();
        var httpTimes = new List<double>();
        for (var round = 0; round < 10; round++)
            foreach (var q in mix)
            {
                var sw = Stopwatch.StartNew();
                var response = await client.GetAsync(q.Url);
                await response.Content.ReadAsByteArrayAsync();
                httpTimes.Add(sw.Elapsed.TotalMilliseconds);
            }

        // The floor: the same mix as plain SQL over the database's own full-text search (SearchFloor).
        await using DbConnection floorConnection = provider == "Sqlite"
            ? new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString)
            : new Npgsql.NpgsqlConnection(database.ConnectionString);
        await floorConnection.OpenAsync();
        var floor = await SearchFloor.BuildAsync(provider, floorConnection);
        foreach (var q in mix.Concat(mix)) await floor.RunAsync(q.Request);
        var floorTimes = new List<double>();
        var floorByKind = new Dictionary<string, List<double>>();
        var floorCounts = new Dictionary<string, int>();
        for (var round = 0; round < 20; round++)
            foreach (var q in mix)
            {
                var sw = Stopwatch.StartNew();
                var result = await floor.RunAsync(q.Request);
                floorTimes.Add(sw.Elapsed.TotalMilliseconds);
                (floorByKind.TryGetValue(q.Kind, out var list) ? list : floorByKind[q.Kind] = []).Add(sw.Elapsed.TotalMilliseconds);
                floorCounts[q.Kind] = result.Total;
            }

        foreach (var (kind, total) in counts)
            Console.WriteLine($"  {kind,-12} {total,10:N0} hits, service p50/p95 {Stats.P(byKind[kind], 50):F1} / {Stats.P(byKind[kind], 95):F1} ms;"
                + $" floor {floorCounts[kind],10:N0} hits, p50/p95 {Stats.P(floorByKind[kind], 50):F1} / {Stats.P(floorByKind[kind], 95):F1} ms");
        Console.WriteLine($"  service p50/p95/p99: {Stats.P(serviceTimes, 50):F1} / {Stats.P(serviceTimes, 95):F1} / {Stats.P(serviceTimes, 99):F1} ms");
        Console.WriteLine($"  http    p50/p95/p99: {Stats.P(httpTimes, 50):F1} / {Stats.P(httpTimes, 95):F1} / {Stats.P(httpTimes, 99):F1} ms");
        Console.WriteLine($"  floor   p50/p95/p99: {Stats.P(floorTimes, 50):F1} / {Stats.P(floorTimes, 95):F1} / {Stats.P(floorTimes, 99):F1} ms");
        Results.Add($"search {provider.ToLowerInvariant()} n={n} p50={Stats.P(serviceTimes, 50):F1} p95={Stats.P(serviceTimes, 95):F1} p99={Stats.P(serviceTimes, 99):F1} floor_p95={Stats.P(floorTimes, 95):F1}");
        Results.Add($"import {provider.ToLowerInvariant()} n={n} rate={importRate:F0} floor_rate={floorRate:F0}");
    }

    public static readonly List<string> Results = [];

}

/// A throwaway database (SQLite file or PostgreSQL database) and an app instance over it.
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _provider;
    private readonly string? _server;
    private readonly string? _name;
    public string ConnectionString { get; }
    public string Folder { get; } = BenchApp.NewFolder();

    private BenchDatabase(string provider, string? server, string? name, string connectionString)
    {
        _provider = provider; _server = server; _name = name; ConnectionString = connectionString;
    }

    public static async Task<BenchDatabase> CreateAsync(string provider, string? server)
    {
        if (provider == "Sqlite")
        {
            var folder = BenchApp.NewFolder();
            return new BenchDatabase(provider, null, null, $"Data Source={Path.Combine(folder, "register.db")}");
        }
        var name = "samverka_bench_" + Guid.NewGuid().ToString("N")[..8];
        await using var admin = new Npgsql.NpgsqlConnection(server);
        await admin.OpenAsync();
        await new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
        return new BenchDatabase(provider, server, name, new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 600 }.ToString());
    }

    public WebApplicationFactory<DatabaseSetup> App() =>
        new BenchApp(_provider, ConnectionString, jobsEnabled: false).WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:SeedDemoDataOnFirstStart", "false");
            b.UseSetting("Register:IndexPath", Path.Combine(Folder, "index"));
        });

    public async ValueTask DisposeAsync()
    {
        if (_name is null) return;
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var admin = new Npgsql.NpgsqlConnection(_server);
        await admin.OpenAsync();
        await new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}
