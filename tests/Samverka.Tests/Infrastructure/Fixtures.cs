using Microsoft.Extensions.DependencyInjection;

namespace Samverka.Tests.Infrastructure;

/// One running app per provider, shared by the test classes of its collection (tests in a collection run one by one).
public abstract class AppFixture(Provider provider) : IAsyncLifetime
{
    public SamverkaFactory App { get; } = new(provider, services =>
    {
        services.AddSingleton<JobLedger>();
        services.AddSingleton<RaceGate>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<RaceGate>());
        services.AddScoped<Samverka.Platform.Jobs.IJobHandler, CountingJobHandler>();
        services.AddScoped<Samverka.Platform.Jobs.IJobHandler, FlakyJobHandler>();
        services.AddScoped<Samverka.Platform.Modules.IMyWorkSource, TestMyWork>();
    });
    public Provider Provider => provider;
    public Task InitializeAsync() => App.InitializeAsync();
    public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
}

public sealed class SqliteApp() : AppFixture(Provider.Sqlite);
public sealed class PostgresApp() : AppFixture(Provider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp> { public const string Name = "sqlite"; }

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp> { public const string Name = "postgres"; }
