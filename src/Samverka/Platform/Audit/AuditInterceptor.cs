using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samverka.Platform.Audit;

/// Writes an AuditEntry for every added, changed or deleted IAudited entity in the same SaveChanges, and refuses
/// any attempt to change or delete an existing audit entry.
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        foreach (var e in context.ChangeTracker.Entries<AuditEntry>())
        {
            if (e.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The audit log is append-only.");
        }

        var user = http.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = user?.FindFirstValue(ClaimTypes.Email) ?? user?.Identity?.Name;
        var now = clock.GetUtcNow().UtcDateTime;

        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            var changes = Describe(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            var audited = (IAudited)entry.Entity;
            context.Add(new AuditEntry
            {
                At = now,
                UserId = userId,
                UserEmail = email,
                TenantId = audited.AuditTenantId,
                OrganisationId = audited.AuditOrganisationId,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = audited.Id.ToString(),
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Modified,
                },
                Changes = JsonSerializer.Serialize(changes),
            });
        }
    }

    /// The entry for a row written outside the change tracker (bulk import), exactly as SaveChanges would record it.
    public static AuditEntry ForCreated(DbContext context, IAudited entity, string? userId, string? email, DateTime at)
    {
        var type = entity.GetType();
        var properties = AuditedProperties.GetOrAdd(type, t => context.Model.FindEntityType(t)!.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.PropertyInfo is not null && p.PropertyInfo.GetCustomAttribute<NotAuditedAttribute>() is null)
            .Select(p => (p.Name, p.PropertyInfo!)).ToArray());
        var changes = new Dictionary<string, object?>(properties.Length);
        foreach (var (name, property) in properties)
            if (property.GetValue(entity) is { } value) changes[name] = new { to = value };
        return new AuditEntry
        {
            At = at, UserId = userId, UserEmail = email, TenantId = entity.AuditTenantId, OrganisationId = entity.AuditOrganisationId,
            EntityType = type.Name, EntityId = entity.Id.ToString(), Action = AuditAction.Created,
            Changes = JsonSerializer.Serialize(changes),
        };
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> AuditedProperties = new();

    private static Dictionary<string, object?> Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is not null) continue;
            if (p.Metadata.IsShadowProperty()) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    if (p.CurrentValue is not null) changes[p.Metadata.Name] = new { to = p.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[p.Metadata.Name] = new { from = p.OriginalValue };
                    break;
                default:
                    if (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                        changes[p.Metadata.Name] = new { from = p.OriginalValue, to = p.CurrentValue };
                    break;
            }
        }
        return changes;
    }
}
