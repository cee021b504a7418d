using System.Collections.Concurrent;
using Samverka.Platform.Identity;
using Samverka.Platform.Modules;

namespace Samverka.Tests.Infrastructure;

/// A "my work" source for tests: what a test puts here for one of its own people, and nothing for anyone else.
public sealed class TestMyWork : IMyWorkSource
{
    public static readonly ConcurrentDictionary<string, IReadOnlyList<MyWorkItem>> Items = new();

    public Task<IReadOnlyList<MyWorkItem>> ForAsync(Access person, CancellationToken ct) =>
        Task.FromResult(person.UserId is { } id && Items.TryGetValue(id, out var items) ? items : []);
}
