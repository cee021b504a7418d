using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samverka.Platform.Audit;

/// Writes an AuditEntry for every added, changed or deleted IAudited entity in the same SaveChanges, and refuses
/// any attempt to change or delete an existing audit entry. An entry names the person who acted by user id only, and
/// a property that holds an e-mail address or a person's name (IsPersonal) is recorded as changed without its values:
/// the log outlives accounts, and a deleted account's id becomes a tombstone (AccountDeletion), which a name or an
/// address in the change data would defeat.
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
    public static AuditEntry ForCreated(DbContext context, IAudited entity, string? userId, DateTime at)
    {
        var type = entity.GetType();
        var properties = AuditedProperties.GetOrAdd(type, t => context.Model.FindEntityType(t)!.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.PropertyInfo is not null && p.PropertyInfo.GetCustomAttribute<NotAuditedAttribute>() is null)
            .Select(p => (p.Name, IsPersonal(p), Getter(p.PropertyInfo!))).ToArray());
        return new AuditEntry
        {
            At = at, UserId = userId, TenantId = entity.AuditTenantId, OrganisationId = entity.AuditOrganisationId,
            EntityType = type.Name, EntityId = entity.Id.ToString(), Action = AuditAction.Created,
            Changes = CreatedChanges(entity, properties),
        };
    }

    /// {"Property":{"to":value},...} for the non-null properties: byte for byte what JsonSerializer makes of
    /// Describe's dictionary for an added entity, written directly because a bulk import makes a million of them.
    private static string CreatedChanges(object entity, (string Name, bool Personal, Func<object, object?> Get)[] properties)
    {
        var buffer = JsonBuffer ??= new System.Buffers.ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = JsonWriter ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var (name, personal, get) in properties)
        {
            if (get(entity) is not { } value) continue;
            writer.WritePropertyName(name);
            writer.WriteStartObject();
            if (personal)
            {
                writer.WriteBoolean("changed", true);
                writer.WriteEndObject();
                continue;
            }
            writer.WritePropertyName("to");
            switch (value)
            {
                case string s: writer.WriteStringValue(s); break;
                case Guid g: writer.WriteStringValue(g); break;
                case DateTime d: writer.WriteStringValue(d); break;
                case int i when value.GetType() == typeof(int): writer.WriteNumberValue(i); break;
                case long n: writer.WriteNumberValue(n); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case Enum e when Enum.GetUnderlyingType(e.GetType()) == typeof(int): writer.WriteNumberValue(Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture)); break;
                case List<string> list:
                    writer.WriteStartArray();
                    foreach (var item in list) { if (item is null) writer.WriteNullValue(); else writer.WriteStringValue(item); }
                    writer.WriteEndArray();
                    break;
                default: JsonSerializer.Serialize(writer, value, value.GetType()); break;
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.Flush();
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? JsonBuffer;
    [ThreadStatic] private static Utf8JsonWriter? JsonWriter;

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var target = System.Linq.Expressions.Expression.Parameter(typeof(object));
        var body = System.Linq.Expressions.Expression.Convert(
            System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(target, property.DeclaringType!), property), typeof(object));
        return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(body, target).Compile();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string Name, bool Personal, Func<object, object?> Get)[]> AuditedProperties = new();

    private static readonly object Personal = new { changed = true };

    /// A property whose value names a person: an e-mail address (by name, as the personal-data walk finds them) or
    /// one marked [PersonalData] (a name typed or copied in).
    public static bool IsPersonal(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty property) =>
        property.ClrType == typeof(string) && (property.Name.EndsWith("Email", StringComparison.Ordinal)
            || property.PropertyInfo?.GetCustomAttribute<Microsoft.AspNetCore.Identity.PersonalDataAttribute>() is not null);

    private static Dictionary<string, object?> Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is not null) continue;
            if (p.Metadata.IsShadowProperty()) continue;
            if (IsPersonal(p.Metadata))
            {
                var changed = entry.State switch
                {
                    EntityState.Added => p.CurrentValue is not null,
                    EntityState.Deleted => true,
                    _ => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue),
                };
                if (changed) changes[p.Metadata.Name] = Personal;
                continue;
            }
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
