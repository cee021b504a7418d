namespace Samverka.Platform.Tenancy;

public static class TenantQueries
{
    /// A municipality by its code (official or platform), read-only; null when there is none.
    public static Task<Tenant?> MunicipalityAsync(this AppDbContext db, string code, CancellationToken ct) =>
        db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code && t.Kind == TenantKind.Municipality, ct);
}
