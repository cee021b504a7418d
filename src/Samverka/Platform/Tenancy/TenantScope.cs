namespace Samverka.Platform.Tenancy;

/// Tenant scope by default: every entity marked `ITenantScoped` gets a named global query filter, so in a request
/// for one tenant (`TenantContext` resolved from the route's `{code}`) a query sees only that tenant's rows (a
/// region's: its own and its municipalities'), whatever the page's own `Where` says.
///
/// Lenient outside a tenant: where no tenant is resolved (public lists across municipalities, pages of other
/// features, background jobs, seeders, platform administration) queries are not narrowed. Strict (seeing nothing
/// there) would make each of the some sixty queries over these tables in such places name its way out — the public
/// needs board and API, matching, the digest, partnerships' links to needs — for no gain in isolation: those
/// places already choose their rows by an id or a public status, and the route walker checks what they show.
///
/// The one way out is `.AcrossTenants()`: grep for it to find every query that may see other tenants' rows.
public static class TenantScope
{
    public const string FilterName = "Tenant";

    internal static IEnumerable<Type> ScopedTypes(ModelBuilder builder) =>
        builder.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(ITenantScoped).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType).ToList();

    /// The explicit way out of the tenant filter (other filters still apply): for reads that rightly cross tenants
    /// inside a tenant's request.
    public static IQueryable<T> AcrossTenants<T>(this IQueryable<T> query) where T : class, ITenantScoped =>
        query.IgnoreQueryFilters([FilterName]);
}
