using System.Text.Json;

namespace Samverka.Platform.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// How long a claimed job stays locked; a runner that dies frees its job when this passes.
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);
    public int BatchSize { get; set; } = 10;
}

/// Runs one kind of job. Handlers are resolved in a fresh scope per job.
public interface IJobHandler
{
    string Type { get; }
    Task RunAsync(string payload, CancellationToken ct);
}

public sealed class JobQueue(AppDbContext db, TimeProvider clock)
{
    public Job Enqueue<T>(string type, T payload, DateTime? runAfter = null, int maxAttempts = 5)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new Job
        {
            Type = type,
            Payload = JsonSerializer.Serialize(payload),
            RunAfter = runAfter ?? now,
            CreatedAt = now,
            MaxAttempts = maxAttempts,
        };
        db.Jobs.Add(job);
        return job;
    }
}

/// Claims due jobs with a conditional UPDATE (only one runner's update can match), runs them, and retries failures
/// with exponential back-off. Works the same on SQLite and PostgreSQL.
public sealed class JobRunner(IServiceScopeFactory scopes, JobOptions options, TimeProvider clock, ILogger<JobRunner> log)
{
    public string InstanceId { get; } = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 100);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// Runs every job that is due now; returns how many this runner executed.
    public async Task<int> RunDueJobsAsync(CancellationToken ct)
    {
        var executed = 0;
        while (!ct.IsCancellationRequested)
        {
            var candidates = await FindDueAsync(ct);
            if (candidates.Count == 0) break;
            var claimedAny = false;
            foreach (var id in candidates)
            {
                if (!await TryClaimAsync(id, ct)) continue;
                claimedAny = true;
                await ExecuteAsync(id, ct);
                executed++;
            }
            if (!claimedAny) break;
        }
        return executed;
    }

    private async Task<List<Guid>> FindDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Jobs.AsNoTracking()
            .Where(j => (j.Status == JobStatus.Pending && j.RunAfter <= now)
                     || (j.Status == JobStatus.Running && j.LockedUntil < now))
            .OrderBy(j => j.RunAfter)
            .Select(j => j.Id)
            .Take(options.BatchSize)
            .ToListAsync(ct);
    }

    private async Task<bool> TryClaimAsync(Guid id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var lockedUntil = now + options.LockDuration;
        var rows = await db.Jobs
            .Where(j => j.Id == id
                && ((j.Status == JobStatus.Pending && j.RunAfter <= now)
                    || (j.Status == JobStatus.Running && j.LockedUntil < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.LockedBy, InstanceId)
                .SetProperty(j => j.LockedUntil, lockedUntil)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
        return rows == 1;
    }

    private async Task ExecuteAsync(Guid id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.Jobs.SingleAsync(j => j.Id == id, ct);
        try
        {
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Type == job.Type)
                ?? throw new InvalidOperationException($"No handler for job type '{job.Type}'.");
            await handler.RunAsync(job.Payload, ct);
            job.Status = JobStatus.Succeeded;
            job.CompletedAt = clock.GetUtcNow().UtcDateTime;
            job.LastError = null;
            log.LogInformation("Job {JobId} ({JobType}) succeeded on attempt {Attempt}", job.Id, job.Type, job.Attempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            job.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            if (job.Attempts >= job.MaxAttempts)
            {
                job.Status = JobStatus.Failed;
                job.CompletedAt = now;
                log.LogError(ex, "Job {JobId} ({JobType}) failed for good after {Attempts} attempts", job.Id, job.Type, job.Attempts);
            }
            else
            {
                job.Status = JobStatus.Pending;
                job.RunAfter = now + Backoff(job.Attempts);
                log.LogWarning(ex, "Job {JobId} ({JobType}) failed on attempt {Attempt}; retrying at {RunAfter}", job.Id, job.Type, job.Attempts, job.RunAfter);
            }
        }
        job.LockedBy = null;
        job.LockedUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(3, attempt - 1)));
}

public sealed class JobRunnerService(JobRunner runner, JobOptions options, ILogger<JobRunnerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                await runner.RunDueJobsAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "The job runner could not poll for jobs");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class JobsModule
{
    public static IServiceCollection AddSamverkaJobs(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        services.AddSingleton(options);
        services.AddScoped<JobQueue>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService<JobRunnerService>();
        return services;
    }
}
