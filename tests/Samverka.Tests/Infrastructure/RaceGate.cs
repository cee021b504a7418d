using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samverka.Tests.Infrastructure;

/// Forces two requests to interleave: once armed, every SaveChanges whose changes match waits, after its request
/// has read what it needed and before it writes, until the given number of saves have arrived. So both requests
/// have read the same state before either commits — the race the tests want to see, every time, not by luck.
/// Disarmed it does nothing; it is registered in every test app.
public sealed class RaceGate : SaveChangesInterceptor
{
    private readonly Lock _lock = new();
    private Func<DbContext, bool>? _match;
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _parties;
    private int _arrived;

    /// How many saves reached the gate since it was armed.
    public int Arrived { get { lock (_lock) return _arrived; } }

    public IDisposable Arm(Func<DbContext, bool> match, int parties = 2)
    {
        lock (_lock)
        {
            _match = match;
            _parties = parties;
            _arrived = 0;
            _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return new Disarm(this);
    }

    private sealed class Disarm(RaceGate gate) : IDisposable
    {
        public void Dispose()
        {
            lock (gate._lock)
            {
                gate._match = null;
                gate._all.TrySetResult();
            }
        }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Task? wait = null;
        lock (_lock)
        {
            if (_match is { } match && eventData.Context is { } context && _arrived < _parties && match(context))
            {
                _arrived++;
                if (_arrived == _parties) _all.TrySetResult();
                wait = _all.Task;
            }
        }
        // A generous limit so a broken race fails the test instead of hanging it.
        if (wait is not null) await wait.WaitAsync(TimeSpan.FromSeconds(30), ct);
        return result;
    }
}
