using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
    /// transaction's pages stay in memory), undone when disposed. Open it inside the transaction.
    Task<IAsyncDisposable> BeginLargeWriteAsync(AppDbContext db, CancellationToken ct);
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

internal sealed class SqliteBulkInserter : IBulkInserter
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
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var previous = Convert.ToInt64(await Pragma(db, "PRAGMA cache_size", ct), System.Globalization.CultureInfo.InvariantCulture);
        await Pragma(db, $"PRAGMA cache_size = -{LargeWriteCacheKiB}", ct);
        return new Restore(db, previous);
    }

    /// 512 MiB of page cache during a large write, so that indexes being filled in random order stay in memory
    /// instead of spilling dirty pages to the WAL and reading them back (the default cache is 2 MiB).
    private const int LargeWriteCacheKiB = 512 * 1024;

    private static async Task<object?> Pragma(AppDbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // Microsoft.Data.Sqlite wants the open transaction on every command; EF's is null once committed.
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private sealed class Restore(AppDbContext db, long previous) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
                await Pragma(db, $"PRAGMA cache_size = {previous}", CancellationToken.None);
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

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
