using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Samverka.Platform.Jobs;

namespace Samverka.Platform.Data;

/// The one unit of work. Platform tables are listed here; each feature adds its own entities through its
/// IEntityTypeConfiguration classes and reaches them with an extension (db.Organisations()), so the platform never
/// depends on a feature. Each provider has a subclass only so that it can own its own migrations.
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature keeps its EF configuration next to its entities.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        VersionInterceptor.Configure(builder);
        var filter = typeof(AppDbContext).GetMethod(nameof(FilterByTenant), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var type in TenantScope.ScopedTypes(builder))
            filter.MakeGenericMethod(type).Invoke(this, [builder]);
    }

    // Written against `this` so that EF reads the scope of the context that runs the query, not of the one that built the model.
    private void FilterByTenant<T>(ModelBuilder builder) where T : class, ITenantScoped =>
        builder.Entity<T>().HasQueryFilter(TenantScope.FilterName, e => TenantScopeIds == null || TenantScopeIds.Contains(e.TenantId));

    // The request's tenant (through the options' application services: the request's scope). Read at each
    // query, so a tenant resolved after this context was made still counts.
    private TenantContext? _tenantContext;
    private bool _tenantContextLooked;

    /// The tenant ids that queries over ITenantScoped rows are narrowed to; null when not narrowed.
    internal Guid[]? TenantScopeIds
    {
        get
        {
            if (!_tenantContextLooked)
            {
                _tenantContext = this.GetService<IDbContextOptions>().FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()
                    ?.ApplicationServiceProvider?.GetService<TenantContext>();
                _tenantContextLooked = true;
            }
            return _tenantContext?.ScopeIds as Guid[] ?? _tenantContext?.ScopeIds?.ToArray();
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite stores DateTime as text without a kind; every DateTime in Samverka is UTC.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

public sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public sealed class NullableUtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
