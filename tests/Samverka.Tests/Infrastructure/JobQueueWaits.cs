using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Platform.Email;
using Samverka.Platform.Jobs;

namespace Samverka.Tests.Infrastructure;

public static class JobQueueWaits
{
    /// Waits until no e-mail job is due or being sent, so every message queued so far has reached the pickup folder
    /// (a job is marked done only after its file is written). Counting mail after this is exact, where a fixed sleep
    /// would count too early on a slow machine and pass while messages were still on their way.
    public static async Task WaitForMailQueueAsync(this SamverkaFactory app, int seconds = 30)
    {
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var busy = await app.WithAsync(db => db.Jobs.AnyAsync(j => j.Type == MailQueue.JobType
                && (j.Status == JobStatus.Running || (j.Status == JobStatus.Pending && j.RunAfter <= now))));
            if (!busy) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"E-mail jobs were still due or running after {seconds} s.");
            await Task.Delay(50);
        }
    }
}
