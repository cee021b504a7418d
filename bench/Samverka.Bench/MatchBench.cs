using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Needs.Matching;
using Samverka.Features.Register;
using Samverka.Features.Register.Search;
using Samverka.Platform.Data;

/// Matching a need against a register of N organisations (default a million): through NeedMatcher and through
/// GET /api/v1/needs/{id}/matches. The organisations are bulk-loaded (the register benchmark measures imports) and
/// the search index is built from the same rows, so the index and the database agree as in production.
internal static class MatchBench
{
    public static readonly List<string> Results = [];

    public static async Task RunAsync(string provider, string? postgresServer, int n)
    {
        Console.WriteLine();
        Console.WriteLine($"matching on {provider}, n={n:N0}");
        var rows = SyntheticRegister.Generate(n, seed: 7);
        await using var database = await BenchDatabase.CreateAsync(provider, postgresServer);
        using var app = database.App();
        var index = app.Services.GetRequiredService<RegisterIndex>();
        await app.Services.GetRequiredService<RegisterIndexFollower>().CatchUpAsync(CancellationToken.None);

        var random = new Random(7);
        List<Need> needs;
        var sw = Stopwatch.StartNew();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var bulk = scope.ServiceProvider.GetRequiredService<IBulkInserter>();
            var tenants = await db.Tenants.ToDictionaryAsync(t => t.Code, t => (t.Id, t.Name));
            var ids = tenants.ToDictionary(t => t.Key, t => t.Value.Id);
            var byId = tenants.ToDictionary(t => t.Value.Id, t => (Code: t.Key, t.Value.Name));
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                foreach (var chunk in rows.Chunk(10_000))
                {
                    var organisations = chunk.Select(r =>
                    {
                        var o = SyntheticRegister.ToOrganisation(r, ids);
                        // Capacity and track record, which the register benchmark does not need.
                        o.Staff = random.Next(4) == 0 ? random.Next(1, 30) : 0;
                        o.Volunteers = random.Next(0, 80);
                        o.FoundedYear = random.Next(3) == 0 ? null : random.Next(1950, 2026);
                        return o;
                    }).ToList();
                    await bulk.InsertAsync(db, organisations, CancellationToken.None);
                    index.Upsert(organisations.Select(o =>
                    {
                        var home = byId[o.HomeMunicipalityId!.Value];
                        return new SearchDocument(o.Id, o.Name, [], o.Description, [], o.LegalForm.ToString(), home.Code, home.Name,
                            o.MunicipalitiesServed.Union([home.Code]).ToList(), o.Areas, o.TargetGroups, Taxonomy.AgeBandsFor(o.AgeFrom, o.AgeTo).ToList(),
                            o.Languages, o.LastConfirmedAt, true, Freshness.Current);
                    }).ToList());
                }
                await tx.CommitAsync();
            }
            index.Commit(0);
            index.Optimize();
            Console.WriteLine($"  loaded and indexed in {sw.Elapsed.TotalSeconds:F0} s");

            // Twenty needs of the kind the board holds: one to three areas, one or two target groups, an age span,
            // sometimes a language, a problem written in the same vocabulary, in busy and quiet municipalities.
            var codes = rows.GroupBy(r => r.HomeMunicipality).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
            var now = DateTime.UtcNow;
            needs = Enumerable.Range(0, 20).Select(i => new Need
            {
                TenantId = ids[codes[i % 2 == 0 ? i / 2 : codes.Count - 1 - i]],
                Title = $"Behov {i}", Problem = string.Join(' ', Enumerable.Range(0, 14).Select(_ => SyntheticRegister.Vocabulary[random.Next(0, 3000)])),
                Areas = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Taxonomy.Areas[random.Next(Taxonomy.Areas.Length)]).Distinct().ToList(),
                TargetGroups = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Taxonomy.TargetGroups[random.Next(Taxonomy.TargetGroups.Length)]).Distinct().ToList(),
                AgeFrom = 6 + random.Next(0, 20), AgeTo = 30 + random.Next(0, 30),
                Languages = i % 4 == 0 ? [Taxonomy.Languages[1 + random.Next(Taxonomy.Languages.Length - 1)]] : [],
                DesiredOutcome = "Fler får stöd.", Forms = ["grant"], ContactName = "Bench", ContactEmail = "bench@example.org",
                Status = NeedStatus.Open, PublishedAt = now, Closes = DateOnly.FromDateTime(now).AddDays(30), CreatedAt = now, UpdatedAt = now,
            }).ToList();
            db.Needs().AddRange(needs);
            await db.SaveChangesAsync();
        }

        var serviceTimes = new List<double>();
        using (var scope = app.Services.CreateScope())
        {
            var matcher = scope.ServiceProvider.GetRequiredService<NeedMatcher>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var names = await db.Tenants.ToDictionaryAsync(t => t.Id, t => (t.Code, t.Name));
            foreach (var need in needs) await matcher.ForNeedAsync(need, names[need.TenantId].Code, names[need.TenantId].Name, 20, CancellationToken.None); // warm
            var found = 0;
            for (var round = 0; round < 10; round++)
                foreach (var need in needs)
                {
                    var t = Stopwatch.StartNew();
                    var matches = await matcher.ForNeedAsync(need, names[need.TenantId].Code, names[need.TenantId].Name, 20, CancellationToken.None);
                    serviceTimes.Add(t.Elapsed.TotalMilliseconds);
                    found += matches.Count;
                }
            Console.WriteLine($"  {found / (double)serviceTimes.Count:F1} matches per need on average");
        }

        var client = app.CreateClient();
        foreach (var need in needs) (await client.GetAsync($"/api/v1/needs/{need.Id}/matches")).EnsureSuccessStatusCode();
        var httpTimes = new List<double>();
        for (var round = 0; round < 5; round++)
            foreach (var need in needs)
            {
                var t = Stopwatch.StartNew();
                var response = await client.GetAsync($"/api/v1/needs/{need.Id}/matches");
                await response.Content.ReadAsByteArrayAsync();
                httpTimes.Add(t.Elapsed.TotalMilliseconds);
            }

        Console.WriteLine($"  service p50/p95/p99: {Stats.P(serviceTimes, 50):F1} / {Stats.P(serviceTimes, 95):F1} / {Stats.P(serviceTimes, 99):F1} ms");
        Console.WriteLine($"  http    p50/p95/p99: {Stats.P(httpTimes, 50):F1} / {Stats.P(httpTimes, 95):F1} / {Stats.P(httpTimes, 99):F1} ms");
        Results.Add($"match {provider.ToLowerInvariant()} n={n} p50={Stats.P(serviceTimes, 50):F1} p95={Stats.P(serviceTimes, 95):F1} p99={Stats.P(serviceTimes, 99):F1} http_p95={Stats.P(httpTimes, 95):F1}");
    }

}
