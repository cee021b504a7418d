namespace Samverka.Features.Register.Search;

/// Keeps this instance's index in step with the database by applying RegisterChanges in order. A new or empty
/// index is rebuilt from the organisations table first. Safe to call from several threads.
public sealed class RegisterIndexFollower(RegisterIndex index, IServiceScopeFactory scopes, ILogger<RegisterIndexFollower> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private const int Batch = 5000;
    private const int CommitEvery = 200_000;

    public async Task CatchUpAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (index.LastChangeId < 0)
            {
                await RebuildAsync(db, ct);
                return;
            }
            // Changes are applied in batches but committed (made durable and visible) every CommitEvery
            // changes and at the end: a Lucene commit flushes a segment and reopens the searcher, which costs
            // more than indexing a few thousand entries. Re-applying a change after a crash is harmless.
            var last = index.LastChangeId;
            var uncommitted = 0;
            try
            {
                while (true)
                {
                    var changes = await db.Set<RegisterChange>().AsNoTracking()
                        .Where(c => c.Id > last).OrderBy(c => c.Id).Take(Batch)
                        .Select(c => new { c.Id, c.OrganisationId }).ToListAsync(ct);
                    if (changes.Count == 0) return;
                    var ids = changes.Select(c => c.OrganisationId).Distinct().ToList();
                    var docs = await LoadAsync(db, ids, last, changes[^1].Id, ct);
                    index.Upsert(docs);
                    index.Delete(ids.Except(docs.Select(d => d.Id)));
                    last = changes[^1].Id;
                    uncommitted += changes.Count;
                    if (uncommitted >= CommitEvery) { index.Commit(last); uncommitted = 0; }
                    if (changes.Count < Batch) return;
                }
            }
            finally
            {
                if (uncommitted > 0) index.Commit(last);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// Drops the index and fills it again from the database.
    public async Task RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            await RebuildAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RebuildAsync(AppDbContext db, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        // Take the change mark first: anything changed while we read is applied again afterwards (idempotent).
        var mark = await db.Set<RegisterChange>().MaxAsync(c => (long?)c.Id, ct) ?? 0;
        index.DeleteAll();
        var count = 0;
        Guid? after = null;
        var tenants = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        while (true)
        {
            // Key ranges rather than lists of ids: both databases answer these from their primary-key and
            // foreign-key indexes without a long IN list.
            var query = db.Set<Organisation>().AsNoTracking();
            if (after is { } a) query = query.Where(o => o.Id.CompareTo(a) > 0);
            var batch = await query.OrderBy(o => o.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) break;
            var (first, last) = (batch[0].Id, batch[^1].Id);
            var services = (await db.Set<OrganisationService>().AsNoTracking()
                .Where(x => x.OrganisationId.CompareTo(first) >= 0 && x.OrganisationId.CompareTo(last) <= 0).ToListAsync(ct))
                .ToLookup(x => x.OrganisationId);
            foreach (var o in batch)
            {
                o.HomeMunicipality = o.HomeMunicipalityId is { } home ? tenants.GetValueOrDefault(home) : null;
                o.Services = services[o.Id].ToList();
            }
            index.Upsert(batch.Select(SearchDocument.From).ToList());
            count += batch.Count;
            after = last;
        }
        index.Commit(mark);
        if (count > 0) index.Optimize();
        log.LogInformation("Search index rebuilt: {Count} organisations in {Seconds:F1} s", count, (DateTime.UtcNow - started).TotalSeconds);
    }

    /// The organisations named by the changes after `after` up to `upto`. Many ids (an import) are read through the
    /// change table's key range, one query for the lot; a few are inlined as constants, which both databases look
    /// up by key directly.
    private static async Task<List<SearchDocument>> LoadAsync(AppDbContext db, List<Guid> ids, long after, long upto, CancellationToken ct)
    {
        if (ids.Count > 500)
        {
            var changed = db.Set<RegisterChange>().Where(c => c.Id > after && c.Id <= upto).Select(c => c.OrganisationId);
            var orgs = await db.Set<Organisation>().AsNoTracking().Where(o => changed.Contains(o.Id)).ToListAsync(ct);
            var services = (await db.Set<OrganisationService>().AsNoTracking().Where(s => changed.Contains(s.OrganisationId)).ToListAsync(ct))
                .ToLookup(s => s.OrganisationId);
            var tenants = await TenantsAsync(db, ct);
            foreach (var o in orgs)
            {
                o.HomeMunicipality = o.HomeMunicipalityId is { } home ? tenants.GetValueOrDefault(home) : null;
                o.Services = services[o.Id].ToList();
            }
            return orgs.Select(SearchDocument.From).ToList();
        }
        var documents = new List<SearchDocument>(ids.Count);
        foreach (var group in ids.Chunk(500))
        {
            var orgs = await db.Set<Organisation>().AsNoTracking().AsSplitQuery()
                .Include(o => o.HomeMunicipality).Include(o => o.Services)
                .Where(o => EF.Constant(group).Contains(o.Id)).ToListAsync(ct);
            documents.AddRange(orgs.Select(SearchDocument.From));
        }
        return documents;
    }

    private static Task<Dictionary<Guid, Samverka.Platform.Tenancy.Tenant>> TenantsAsync(AppDbContext db, CancellationToken ct) =>
        db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
}

/// Whether this process serves (and so owns a search index). Commands such as `seed` do not touch the index, so
/// they can run beside a serving instance without fighting over its lock.
public sealed class RegisterIndexState
{
    public bool Serving { get; set; }
}

/// Builds the index at start (before the app serves) and then follows changes made by other instances.
public sealed class RegisterIndexFollowerService(RegisterIndexFollower follower, RegisterIndexState state, IConfiguration config,
    ILogger<RegisterIndexFollowerService> log) : BackgroundService
{
    public override async Task StartAsync(CancellationToken ct)
    {
        await follower.CatchUpAsync(ct);
        state.Serving = true;
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = config.GetValue("Register:FollowInterval", TimeSpan.FromSeconds(2));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await follower.CatchUpAsync(stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { log.LogError(ex, "The search index could not follow register changes"); }
        }
    }
}
