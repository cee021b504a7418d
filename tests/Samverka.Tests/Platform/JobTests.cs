using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Samverka.Features.Register.Upkeep;
using Samverka.Platform.Data;
using Samverka.Platform.Jobs;
using Samverka.Platform.Notifications;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// A clock the test moves by hand. It starts on a whole second so times survive either database to the tick.
public sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).UtcTicks;
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
    public DateTime Now => GetUtcNow().UtcDateTime;
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    public void AdvanceTo(DateTime at) { if (at > Now) Advance(at - Now); }
}

/// The app with its own background runner off and a manual clock as its TimeProvider: the test's runners are the only
/// ones, and every time they write is checked against the clock they were given, not against the wall clock.
public abstract class ClockedJobApp : IAsyncLifetime
{
    public ManualClock Clock { get; } = new();
    public DateTime StartedAt { get; }
    public SamverkaFactory App { get; }

    protected ClockedJobApp(Provider provider)
    {
        StartedAt = Clock.Now;
        App = new SamverkaFactory(provider, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<JobLedger>();
            services.AddScoped<IJobHandler, CountingJobHandler>();
            services.AddScoped<IJobHandler, FlakyJobHandler>();
        }, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
    }

    public Task InitializeAsync() => App.InitializeAsync();
    public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
}

public sealed class SqliteClockedJobApp() : ClockedJobApp(Provider.Sqlite);
public sealed class PostgresClockedJobApp() : ClockedJobApp(Provider.Postgres);

public abstract class JobTests(ClockedJobApp fx)
{
    private SamverkaFactory App => fx.App;
    private ManualClock Clock => fx.Clock;
    private JobLedger Ledger => App.Services.GetRequiredService<JobLedger>();

    /// A runner as another app instance would have one, on the test's clock.
    private JobRunner NewRunner(int batchSize = 10) =>
        new(App.Services.GetRequiredService<IServiceScopeFactory>(), new JobOptions { BatchSize = batchSize }, Clock, NullLogger<JobRunner>.Instance);

    private async Task<List<Guid>> EnqueueAsync(string type, IEnumerable<string> payloads, int maxAttempts = 5)
    {
        using var scope = App.Services.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var jobs = payloads.Select(p => queue.Enqueue(type, p, maxAttempts: maxAttempts)).ToList();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return jobs.Select(j => j.Id).ToList();
    }

    private Task<Job> JobAsync(Guid id) => App.WithAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id));

    [Fact]
    public async Task Three_runners_on_one_database_run_each_job_exactly_once()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var payloads = Enumerable.Range(0, 60).Select(i => $"{tag}-{i}").ToList();
        var ids = await EnqueueAsync(CountingJobHandler.JobType, payloads);

        // Three runners, as three app instances would have, racing for the same rows. A runner stops only when it
        // finds nothing due, and one that claimed a job always looks again, so when all three return every job is done.
        var runners = Enumerable.Range(0, 3).Select(_ => NewRunner()).ToList();
        await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunDueJobsAsync(CancellationToken.None))));

        var statuses = await App.WithAsync(db => db.Jobs.Where(j => ids.Contains(j.Id)).Select(j => j.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(JobStatus.Succeeded, s));
        Assert.All(payloads, p => Assert.Equal(1, Ledger.RunsOf(p)));
    }

    [Fact]
    public async Task A_failing_job_waits_out_its_backoff_before_each_retry_until_it_succeeds()
    {
        var payload = "flaky-" + Guid.NewGuid().ToString("N")[..8];
        var id = (await EnqueueAsync(FlakyJobHandler.JobType, [payload])).Single();
        var runner = NewRunner();

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await runner.RunDueJobsAsync(CancellationToken.None);
            var failed = await JobAsync(id);
            Assert.Equal((JobStatus.Pending, attempt), (failed.Status, failed.Attempts));
            Assert.Contains("planned failure", failed.LastError);
            Assert.Equal(Clock.Now + JobRunner.Backoff(attempt), failed.RunAfter);
            Assert.Null(failed.LockedBy);

            // A second before the back-off is over the job is not due, so no runner touches it.
            Clock.Advance(JobRunner.Backoff(attempt) - TimeSpan.FromSeconds(1));
            await runner.RunDueJobsAsync(CancellationToken.None);
            Assert.Equal(attempt, (await JobAsync(id)).Attempts);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await runner.RunDueJobsAsync(CancellationToken.None);
        var done = await JobAsync(id);
        Assert.Equal((JobStatus.Succeeded, 3, (DateTime?)Clock.Now), (done.Status, done.Attempts, done.CompletedAt));
        Assert.Null(done.LastError);
        Assert.Equal(3, Ledger.RunsOf(payload));
    }

    [Fact]
    public async Task A_job_that_keeps_failing_stops_after_its_last_attempt()
    {
        var payload = "doomed-" + Guid.NewGuid().ToString("N")[..8];
        var id = (await EnqueueAsync(FlakyJobHandler.JobType, [payload], maxAttempts: 1)).Single();
        var runner = NewRunner();
        await runner.RunDueJobsAsync(CancellationToken.None);
        var job = await JobAsync(id);
        Assert.Equal((JobStatus.Failed, 1, (DateTime?)Clock.Now), (job.Status, job.Attempts, job.CompletedAt));

        // Not retried when the back-off it would have had is over.
        Clock.Advance(JobRunner.Backoff(1));
        await runner.RunDueJobsAsync(CancellationToken.None);
        Assert.Equal(JobStatus.Failed, (await JobAsync(id)).Status);
        Assert.Equal(1, Ledger.RunsOf(payload));
    }

    [Fact]
    public void Backoff_grows_and_is_capped() =>
        Assert.Equal([10, 30, 90, 270, 810, 2430, 3600], Enumerable.Range(1, 7).Select(a => (int)JobRunner.Backoff(a).TotalSeconds));

    [Fact]
    public async Task Recurring_jobs_are_scheduled_at_start_and_each_run_schedules_exactly_one_next()
    {
        var digestEvery = App.Services.GetRequiredService<NotificationOptions>().DigestInterval;
        var sweepEvery = App.Services.GetRequiredService<FreshnessOptions>().SweepInterval;
        Task<List<Job>> Scheduled(string type) => App.WithAsync(db => db.Jobs.AsNoTracking()
            .Where(j => j.Type == type && (j.Status == JobStatus.Pending || j.Status == JobStatus.Running)).ToListAsync());

        // At start: one run of each, the sweep a minute after start and the digest one interval after. Other tests in
        // this class move the clock, so the first runs are found by what the scheduler wrote, not by what is pending.
        async Task<Job> First(string type) => Assert.Single(await App.WithAsync(db => db.Jobs.AsNoTracking()
            .Where(j => j.Type == type && j.Payload == "\"first\"").ToListAsync()));
        var sweep = await First(FreshnessSweepJob.JobType);
        var digest = await First(NotificationDigestJob.JobType);
        Assert.Equal((fx.StartedAt, fx.StartedAt + TimeSpan.FromMinutes(1)), (sweep.CreatedAt, sweep.RunAfter));
        Assert.Equal((fx.StartedAt, fx.StartedAt + digestEvery), (digest.CreatedAt, digest.RunAfter));

        // When a run is due the runner does it, and the run leaves exactly one next run, one interval on.
        var runner = NewRunner();
        foreach (var (type, every) in new[] { (FreshnessSweepJob.JobType, sweepEvery), (NotificationDigestJob.JobType, digestEvery) })
        {
            var next = Assert.Single(await Scheduled(type));
            Clock.AdvanceTo(next.RunAfter);
            await runner.RunDueJobsAsync(CancellationToken.None);
            Assert.Equal(JobStatus.Succeeded, (await JobAsync(next.Id)).Status);
            Assert.Equal(Clock.Now + every, Assert.Single(await Scheduled(type)).RunAfter);
        }
        // Whatever else came due in the wait ran too, and the sweep still has only one next run.
        Assert.Single(await Scheduled(FreshnessSweepJob.JobType));
    }
}

[Collection(SqliteCollection.Name)] public sealed class JobTestsOnSqlite(SqliteClockedJobApp fx) : JobTests(fx), IClassFixture<SqliteClockedJobApp>;
[Collection(PostgresCollection.Name)] public sealed class JobTestsOnPostgres(PostgresClockedJobApp fx) : JobTests(fx), IClassFixture<PostgresClockedJobApp>;
