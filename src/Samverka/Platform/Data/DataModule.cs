using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Audit;

namespace Samverka.Platform.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// "Sqlite" (the embedded default) or "Postgres".
    public string Provider { get; set; } = "Sqlite";

    /// For SQLite a relative Data Source is resolved against the content root.
    public string ConnectionString { get; set; } = "Data Source=data/samverka.db";

    /// Load the demo data when the embedded database is created for the first time.
    public bool SeedDemoDataOnFirstStart { get; set; } = true;

    /// PostgreSQL is migrated by the `migrate` command in production; set true to migrate on start instead.
    public bool MigrateOnStart { get; set; }

    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);
}

public static class DataModule
{
    public static IServiceCollection AddSamverkaData(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        var options = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        // Every SaveChanges passes the audit interceptor and any a feature registers as IInterceptor.
        services.AddScoped<AuditInterceptor>();

        if (options.IsPostgres)
        {
            services.AddSingleton<IBulkInserter, PostgresBulkInserter>();
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(options.ConnectionString, n => n.MigrationsHistoryTable("__ef_migrations"))
                .AddInterceptors([sp.GetRequiredService<AuditInterceptor>(), .. sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()]));
        }
        else if (options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = SqlitePaths.Resolve(options.ConnectionString, env.ContentRootPath);
            services.AddSingleton<IBulkInserter, SqliteBulkInserter>();
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors([sp.GetRequiredService<AuditInterceptor>(), .. sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()]));
        }
        else
        {
            throw new InvalidOperationException(
                $"Unknown database provider '{options.Provider}'. Use 'Sqlite' or 'Postgres' (setting Database:Provider).");
        }
        services.AddScoped<DatabaseSetup>();
        return services;
    }
}

public static class SqlitePaths
{
    /// Makes a relative SQLite file path absolute under the content root and creates its folder.
    public static string Resolve(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}
