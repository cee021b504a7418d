using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Samverka.Platform.Data;
using Samverka.Platform.Jobs;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

public abstract class JobTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;
    private JobLedger Ledger => App.Services.GetRequiredService<JobLedger>();

    private async Task<List<Guid>> EnqueueAsync(string type, IEnumerable<string> payloads, int maxAttempts = 5)
    {
        using var scope = App.Services.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var jobs = payloads.Select(p => queue.Enqueue(type, p, maxAttempts: maxAttempts)).ToList();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return jobs.Select(j => j.Id).ToList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Jobs did not finish in time.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Two_runners_on_one_database_run_each_job_exactly_once()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var payloads = Enumerable.Range(0, 60).Select(i => $"{tag}-{i}").ToList();
        var ids = await EnqueueAsync(CountingJobHandler.JobType, payloads);

        // Two extra runners, as two more app instances would be, racing the app's own background runner.
        var scopes = App.Services.GetRequiredService<IServiceScopeFactory>();
        var options = new JobOptions { BatchSize = 10 };
        var a = new JobRunner(scopes, options, TimeProvider.System, NullLogger<JobRunner>.Instance);
        var b = new JobRunner(scopes, options, TimeProvider.System, NullLogger<JobRunner>.Instance);
        await Task.WhenAll(Task.Run(() => a.RunDueJobsAsync(CancellationToken.None)), Task.Run(() => b.RunDueJobsAsync(CancellationToken.None)));

        await WaitUntilAsync(() => App.WithAsync(db => db.Jobs.Where(j => ids.Contains(j.Id)).AllAsync(j => j.Status == JobStatus.Succeeded)));
        Assert.All(payloads, p => Assert.Equal(1, Ledger.RunsOf(p)));
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_backoff_until_it_succeeds()
    {
        var payload = "flaky-" + Guid.NewGuid().ToString("N")[..8];
        var id = (await EnqueueAsync(FlakyJobHandler.JobType, [payload])).Single();

        // Let the first failure happen, then pull the retry forward instead of waiting for the back-off.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var expected = attempt;
            await WaitUntilAsync(() => App.WithAsync(db => db.Jobs.AnyAsync(j => j.Id == id && j.Attempts == expected && j.Status != JobStatus.Running)));
            var job = await App.WithAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id));
            if (attempt < 3)
            {
                Assert.Equal(JobStatus.Pending, job.Status);
                Assert.Contains("planned failure", job.LastError);
                Assert.True(job.RunAfter > DateTime.UtcNow.AddSeconds(5), "a failed job waits before its retry");
                await App.WithAsync(db => db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.RunAfter, DateTime.UtcNow.AddSeconds(-1))));
            }
            else
            {
                Assert.Equal(JobStatus.Succeeded, job.Status);
            }
        }
        Assert.Equal(3, Ledger.RunsOf(payload));
    }

    [Fact]
    public async Task A_job_that_keeps_failing_stops_after_its_last_attempt()
    {
        var payload = "doomed-" + Guid.NewGuid().ToString("N")[..8];
        var id = (await EnqueueAsync(FlakyJobHandler.JobType, [payload], maxAttempts: 1)).Single();
        await WaitUntilAsync(() => App.WithAsync(db => db.Jobs.AnyAsync(j => j.Id == id && j.Status == JobStatus.Failed)));
        Assert.Equal(1, Ledger.RunsOf(payload));
    }

    [Fact]
    public void Backoff_grows_and_is_capped() =>
        Assert.Equal([10, 30, 90, 270, 810, 2430, 3600], Enumerable.Range(1, 7).Select(a => (int)JobRunner.Backoff(a).TotalSeconds));

    [Fact]
    public async Task Recurring_jobs_are_scheduled_at_start_and_each_run_schedules_exactly_one_next()
    {
        string[] recurring = [Samverka.Features.Register.Upkeep.FreshnessSweepJob.JobType, Samverka.Features.Needs.Matching.NeedDigestJob.JobType];
        foreach (var type in recurring)
            Assert.Equal(1, await App.WithAsync(db => db.Jobs.CountAsync(j => j.Type == type && (j.Status == JobStatus.Pending || j.Status == JobStatus.Running))));

        // A run (as the runner would do it) leaves one pending run behind, never a second.
        using (var scope = App.Services.CreateScope())
        {
            var digest = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Type == Samverka.Features.Needs.Matching.NeedDigestJob.JobType);
            await digest.RunAsync("\"test\"", default);
        }
        var pending = await App.WithAsync(db => db.Jobs.Where(j => j.Type == Samverka.Features.Needs.Matching.NeedDigestJob.JobType && j.Status == JobStatus.Pending).ToListAsync());
        Assert.Single(pending);
        Assert.True(pending[0].RunAfter > DateTime.UtcNow.AddDays(6), "the next digest is a week away");
    }
}

[Collection(SqliteCollection.Name)] public sealed class JobTestsOnSqlite(SqliteApp fx) : JobTests(fx);
[Collection(PostgresCollection.Name)] public sealed class JobTestsOnPostgres(PostgresApp fx) : JobTests(fx);
