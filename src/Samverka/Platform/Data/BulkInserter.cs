using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal.Mapping;

namespace Samverka.Platform.Data;

/// Writes many new rows of one entity type fast, inside the context's current transaction: PostgreSQL's binary
/// COPY, or one prepared INSERT reused for every row on SQLite. Columns and value conversions come from the EF
/// model, so the rows are exactly what EF itself would have written. The one place provider SQL differs.
public interface IBulkInserter
{
    Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class;

    /// Settings for one large write on the context's connection (SQLite: a page cache big enough that the
    /// transaction's pages stay in memory, and the checkpoint left to the background), undone when disposed. Open
    /// it inside the transaction and commit before disposing it.
    Task<IAsyncDisposable> BeginLargeWriteAsync(AppDbContext db, CancellationToken ct);

    /// Completes when the database's housekeeping after the last large write is done (SQLite: copying the
    /// write-ahead log into the database file). Nothing waits for it in the app; benchmarks time it.
    Task SettledAsync();
}

internal static class BulkColumns
{
    /// A column, its type mapping, and a compiled getter that returns the value as the database stores it
    /// (after the mapping's value converter).
    public sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        public Func<object, object?> ProviderValue { get; } = CompileGetter(Property, Mapping);
    }

    private static Func<object, object?> CompileGetter(IProperty property, RelationalTypeMapping mapping)
    {
        var target = System.Linq.Expressions.Expression.Parameter(typeof(object));
        var typed = System.Linq.Expressions.Expression.Convert(target, property.DeclaringType.ClrType);
        System.Linq.Expressions.Expression member = property.PropertyInfo is { } pi
            ? System.Linq.Expressions.Expression.Property(typed, pi)
            : System.Linq.Expressions.Expression.Field(typed, property.FieldInfo!);
        var get = System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(
            System.Linq.Expressions.Expression.Convert(member, typeof(object)), target).Compile();
        var converter = mapping.Converter;
        return converter is null ? get : row => get(row) is { } v ? converter.ConvertToProvider(v) : null;
    }

    public static (string Table, List<Column> Columns) For<T>(AppDbContext db) =>
        ((string, List<Column>))Cache.GetOrAdd((db.Model, typeof(T)), _ => Build<T>(db));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type), object> Cache = new();

    private static (string Table, List<Column> Columns) Build<T>(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            // Store-generated keys (identity columns) are left to the database.
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType is { } t && (t == typeof(long) || t == typeof(int))))
            .Select(p => new Column(p, p.GetColumnName(store)!, (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        return (table, columns);
    }

    public static object? Value(Column c, object entity) =>
        c.Property.PropertyInfo?.GetValue(entity) ?? c.Property.FieldInfo?.GetValue(entity);
}

internal sealed class SqliteBulkInserter(ILogger<SqliteBulkInserter> log) : IBulkInserter
{
    public async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var (table, columns) = BulkColumns.For<T>(db);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        if (connection is SqliteConnection { Handle: { } handle } && columns.All(c => RawBindable(ProviderType(c))))
            InsertRaw(handle, sql, columns, rows, ct);
        else
            InsertWithCommand(db, connection, sql, columns, rows, ct);
    }

    /// The types the raw path binds itself, exactly as Microsoft.Data.Sqlite would (text, integer, real, blob);
    /// any other column type sends the rows through SqliteCommand.
    private static readonly HashSet<Type> RawTypes =
        [typeof(string), typeof(Guid), typeof(DateTime), typeof(bool), typeof(byte), typeof(short), typeof(int), typeof(long), typeof(double), typeof(byte[])];

    private static Type ProviderType(BulkColumns.Column c)
    {
        var type = c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static bool RawBindable(Type type) => RawTypes.Contains(type) || type.IsEnum;

    /// One statement prepared once and reused for every row, values bound by position: Microsoft.Data.Sqlite
    /// looks every parameter up by name and builds a data reader on every execution, which costs more than the
    /// insert. Runs inside the connection's open transaction like any other statement.
    private static void InsertRaw<T>(SQLitePCL.sqlite3 handle, string sql, List<BulkColumns.Column> columns, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        Check(handle, SQLitePCL.raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            var count = 0;
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++) Check(handle, Bind(statement, i + 1, columns[i].ProviderValue(row)));
                var rc = SQLitePCL.raw.sqlite3_step(statement);
                if (rc != SQLitePCL.raw.SQLITE_DONE) { SQLitePCL.raw.sqlite3_reset(statement); Check(handle, rc); }
                Check(handle, SQLitePCL.raw.sqlite3_reset(statement));
                if (++count % 1000 == 0) ct.ThrowIfCancellationRequested();
            }
        }
    }

    /// Values as Microsoft.Data.Sqlite's SqliteValueBinder stores them (and so as EF reads them back): GUIDs as
    /// upper-case text, DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF", bool, enums and integers as integers.
    private static int Bind(SQLitePCL.sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => SQLitePCL.raw.sqlite3_bind_null(statement, index),
        string s => SQLitePCL.raw.sqlite3_bind_text(statement, index, s),
        Guid g => SQLitePCL.raw.sqlite3_bind_text(statement, index, g.ToString().ToUpperInvariant()),
        DateTime d => SQLitePCL.raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)),
        bool b => SQLitePCL.raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        int n => SQLitePCL.raw.sqlite3_bind_int64(statement, index, n),
        long n => SQLitePCL.raw.sqlite3_bind_int64(statement, index, n),
        short n => SQLitePCL.raw.sqlite3_bind_int64(statement, index, n),
        byte n => SQLitePCL.raw.sqlite3_bind_int64(statement, index, n),
        double x => SQLitePCL.raw.sqlite3_bind_double(statement, index, x),
        byte[] bytes => SQLitePCL.raw.sqlite3_bind_blob(statement, index, bytes),
        Enum e => SQLitePCL.raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException($"No raw binding for {value.GetType()}."),
    };

    private static void Check(SQLitePCL.sqlite3 handle, int rc)
    {
        if (rc is SQLitePCL.raw.SQLITE_OK or SQLitePCL.raw.SQLITE_DONE or SQLitePCL.raw.SQLITE_ROW) return;
        throw new SqliteException(SQLitePCL.raw.sqlite3_errmsg(handle).utf8_to_string(), rc, SQLitePCL.raw.sqlite3_extended_errcode(handle));
    }

    private static void InsertWithCommand<T>(AppDbContext db, DbConnection connection, string sql, List<BulkColumns.Column> columns, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        DbParameter[]? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                // The mapping configures each parameter (type, size) once; later rows only change the values.
                parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "$p" + i, BulkColumns.Value(c, row), nullable: true)).ToArray();
                command.Parameters.AddRange(parameters);
                command.Prepare();
            }
            else
            {
                for (var i = 0; i < columns.Count; i++) parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
        ct.ThrowIfCancellationRequested();
    }

    public async Task<IAsyncDisposable> BeginLargeWriteAsync(AppDbContext db, CancellationToken ct)
    {
        // Opened here (EF counts opens) so that committing, which closes a connection the transaction opened, leaves
        // it open until the settings are restored: a pooled connection would otherwise keep them.
        await db.Database.OpenConnectionAsync(ct);
        var cache = await Pragma(db, "PRAGMA cache_size", ct);
        var autoCheckpoint = await Pragma(db, "PRAGMA wal_autocheckpoint", ct);
        await Pragma(db, $"PRAGMA cache_size = -{LargeWriteCacheKiB}", ct);
        await Pragma(db, "PRAGMA wal_autocheckpoint = 0", ct);
        return new Restore(this, db, cache, autoCheckpoint);
    }

    /// 512 MiB of page cache during a large write, so that indexes being filled in random order stay in memory
    /// instead of spilling dirty pages to the WAL and reading them back (the default cache is 2 MiB).
    private const int LargeWriteCacheKiB = 512 * 1024;

    private static async Task<long> Pragma(AppDbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // Microsoft.Data.Sqlite wants the open transaction on every command; EF's is null once committed.
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    // The background checkpoint. A large commit leaves hundreds of megabytes in the write-ahead log (about 250 MB
    // for a file of 100 000 organisations); copying them into the database file and syncing it in the committing
    // connection kept the user waiting 1-2 s more per file. The data is durable once committed to the log, so:
    // the copy runs on its own connection, as SQLite's documentation suggests for applications that disable the
    // automatic checkpoint, much as PostgreSQL's checkpointer does for its own log. A PASSIVE checkpoint never
    // blocks readers or writers; one that cannot finish is finished by the next (automatic or background) one.
    private readonly Lock _gate = new();
    private Task _checkpoint = Task.CompletedTask;

    public Task SettledAsync() { lock (_gate) return _checkpoint; }

    private void CheckpointInBackground(string connectionString)
    {
        lock (_gate)
            _checkpoint = _checkpoint.ContinueWith(_ => Checkpoint(connectionString), CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void Checkpoint(string connectionString)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (Exception e)
        {
            // Not fatal: the log stays until the next checkpoint, which SQLite also runs on its own.
            log.LogWarning(e, "Background checkpoint after a large write failed.");
        }
    }

    private sealed class Restore(SqliteBulkInserter owner, AppDbContext db, long cache, long autoCheckpoint) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            var connection = db.Database.GetDbConnection();
            try
            {
                await Pragma(db, $"PRAGMA cache_size = {cache}", CancellationToken.None);
                await Pragma(db, $"PRAGMA wal_autocheckpoint = {autoCheckpoint}", CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            owner.CheckpointInBackground(connection.ConnectionString);
        }
    }
}

internal sealed class PostgresBulkInserter : IBulkInserter
{
    public async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var (table, columns) = BulkColumns.For<T>(db);
        if (db.Database.GetDbConnection() is not NpgsqlConnection connection) throw new InvalidOperationException("Not a PostgreSQL connection.");
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var types = columns.Select(c => c.Mapping is NpgsqlTypeMapping n ? n.NpgsqlDbType : (NpgsqlTypes.NpgsqlDbType?)null).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            // Synchronous writes into COPY's buffer (it goes to the server when full): an awaited call per value
            // costs more than the value.
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].ProviderValue(row);
                if (value is null) importer.WriteNull();
                else if (types[i] is { } type) importer.Write(value, type);
                else importer.Write(value);
            }
        }
        ct.ThrowIfCancellationRequested();
        await importer.CompleteAsync(ct);
    }

    public Task<IAsyncDisposable> BeginLargeWriteAsync(AppDbContext db, CancellationToken ct) => Task.FromResult<IAsyncDisposable>(Nothing.Instance);

    /// PostgreSQL's own checkpointer and background writer do their work outside the session.
    public Task SettledAsync() => Task.CompletedTask;

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
