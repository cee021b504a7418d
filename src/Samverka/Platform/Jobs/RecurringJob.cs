using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Samverka.Platform.Jobs;

/// Work that runs on an interval as a durable job: each run schedules the next, and when the app starts one is
/// scheduled unless a run is already pending or running. Because the queue lets one runner claim a job, exactly one
/// app instance does each run. Register with AddRecurringJob.
public abstract class RecurringJob(JobQueue jobs, AppDbContext db, TimeProvider clock) : IJobHandler
{
    public abstract string Type { get; }

    /// Time between runs; read at the end of each run, so a changed setting applies from the next.
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(DateTime now, CancellationToken ct);

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await RunOnceAsync(now, ct);
        if (!await db.Jobs.AnyAsync(j => j.Type == Type && j.Status == JobStatus.Pending, ct))
        {
            jobs.Enqueue(Type, "next", now + Interval);
            await db.SaveChangesAsync(ct);
        }
    }
}

/// When a recurring job first runs after the app starts (unless a run is already scheduled).
public sealed record RecurringSchedule(string Type, Func<IServiceProvider, TimeSpan> FirstRunAfter);

public static class RecurringJobs
{
    public static IServiceCollection AddRecurringJob<THandler>(this IServiceCollection services, string type,
        Func<IServiceProvider, TimeSpan> firstRunAfter) where THandler : RecurringJob
    {
        services.AddScoped<IJobHandler, THandler>();
        services.AddSingleton(new RecurringSchedule(type, firstRunAfter));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RecurringJobScheduler>());
        return services;
    }
}

/// At start: schedules the first run of every recurring job that has none pending or running.
internal sealed class RecurringJobScheduler(IServiceScopeFactory scopes, IEnumerable<RecurringSchedule> schedules) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var jobs = sp.GetRequiredService<JobQueue>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var schedule in schedules)
        {
            if (await db.Jobs.AnyAsync(j => j.Type == schedule.Type && (j.Status == JobStatus.Pending || j.Status == JobStatus.Running), ct)) continue;
            jobs.Enqueue(schedule.Type, "first", now + schedule.FirstRunAfter(sp));
        }
        await db.SaveChangesAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
