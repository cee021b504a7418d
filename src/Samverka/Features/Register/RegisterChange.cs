using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Features.Register.Search;

namespace Samverka.Features.Register;

/// One row per saved change to an organisation or its parts, written in the same transaction. Every app instance
/// follows this table to keep its own search index in step with the database.
public sealed class RegisterChange
{
    public long Id { get; set; }
    public Guid OrganisationId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class RegisterChangeConfiguration : IEntityTypeConfiguration<RegisterChange>
{
    public void Configure(EntityTypeBuilder<RegisterChange> b)
    {
        b.ToTable("RegisterChanges");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
    }
}

/// Adds a RegisterChange for every organisation touched by a SaveChanges, and once saved outside an explicit
/// transaction, brings this instance's index up to date at once (so an edit is searchable immediately).
public sealed class RegisterChangeInterceptor(TimeProvider clock, IServiceProvider services, RegisterIndexState state) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is not null) Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && _touched)
        {
            _touched = false;
            if (state.Serving) await services.GetRequiredService<RegisterIndexFollower>().CatchUpAsync(ct);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && _touched)
        {
            _touched = false;
            if (state.Serving) services.GetRequiredService<RegisterIndexFollower>().CatchUpAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    private bool _touched;

    private void Record(DbContext context)
    {
        var ids = new HashSet<Guid>();
        foreach (var e in context.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (e.Entity)
            {
                case Organisation o: ids.Add(o.Id); break;
                case OrganisationService s: ids.Add(s.OrganisationId); break;
                case OrganisationLocation l: ids.Add(l.OrganisationId); break;
                case OrganisationContact c: ids.Add(c.OrganisationId); break;
            }
        }
        if (ids.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in ids) context.Add(new RegisterChange { OrganisationId = id, At = now });
        _touched = true;
    }
}
