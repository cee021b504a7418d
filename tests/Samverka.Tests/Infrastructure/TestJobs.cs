using System.Collections.Concurrent;
using Samverka.Platform.Jobs;

namespace Samverka.Tests.Infrastructure;

/// Job handlers that exist only in the test host, to watch the real runner at work.
public sealed class JobLedger
{
    public ConcurrentDictionary<string, int> Runs { get; } = new();
    public int RunsOf(string payload) => Runs.TryGetValue(payload, out var n) ? n : 0;
}

public sealed class CountingJobHandler(JobLedger ledger) : IJobHandler
{
    public const string JobType = "test.count";
    public string Type => JobType;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        ledger.Runs.AddOrUpdate(System.Text.Json.JsonSerializer.Deserialize<string>(payload)!, 1, (_, n) => n + 1);
        await Task.Delay(5, ct);
    }
}

/// Fails the first two times for each payload, then succeeds.
public sealed class FlakyJobHandler(JobLedger ledger) : IJobHandler
{
    public const string JobType = "test.flaky";
    public string Type => JobType;

    public Task RunAsync(string payload, CancellationToken ct)
    {
        var n = ledger.Runs.AddOrUpdate(System.Text.Json.JsonSerializer.Deserialize<string>(payload)!, 1, (_, n) => n + 1);
        if (n <= 2) throw new InvalidOperationException($"planned failure {n}");
        return Task.CompletedTask;
    }
}
