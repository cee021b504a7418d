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

    /// How long a statement waits for a lock another connection holds before giving up (SQLite's busy timeout,
    /// PostgreSQL's lock_timeout). Short, so a busy database answers "try again" in seconds instead of hanging the
    /// request for the provider's default 30 s (SQLite) or forever (PostgreSQL). An explicit `Default Timeout`
    /// (SQLite) or `Options=-c lock_timeout=…` (PostgreSQL) in the connection string wins.
    public int BusyTimeoutSeconds { get; set; } = 5;

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
            var connectionString = WithLockTimeout(options.ConnectionString, options.BusyTimeoutSeconds);
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__ef_migrations"))
                .AddInterceptors([sp.GetRequiredService<AuditInterceptor>(), VersionInterceptor.Instance, .. sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()]));
        }
        else if (options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = WithBusyTimeout(SqlitePaths.Resolve(options.ConnectionString, env.ContentRootPath), options.BusyTimeoutSeconds);
            services.AddSingleton<IBulkInserter, SqliteBulkInserter>();
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors([sp.GetRequiredService<AuditInterceptor>(), VersionInterceptor.Instance, .. sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()]));
        }
        else
        {
            throw new InvalidOperationException(
                $"Unknown database provider '{options.Provider}'. Use 'Sqlite' or 'Postgres' (setting Database:Provider).");
        }
        services.AddScoped<DatabaseSetup>();
        return services;
    }

    /// Microsoft.Data.Sqlite waits for a locked database as long as the command timeout, which follows
    /// `Default Timeout` (30 s unless set).
    internal static string WithBusyTimeout(string connectionString, int seconds)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase))
            builder.DefaultTimeout = seconds;
        return builder.ToString();
    }

    /// A write waiting for a row or table lock fails after lock_timeout (SQLSTATE 55P03) instead of waiting for
    /// ever. Only lock waits: a long import or report is not cut short.
    internal static string WithLockTimeout(string connectionString, int seconds)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("lock_timeout", StringComparison.Ordinal) != true)
            builder.Options = $"{builder.Options} -c lock_timeout={seconds * 1000}".Trim();
        return builder.ToString();
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
