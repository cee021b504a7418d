using System.Data.Common;
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
}

internal static class BulkColumns
{
    public sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);

    public static (string Table, List<Column> Columns) For<T>(AppDbContext db)
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
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
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
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = BulkColumns.Value(columns[i], row);
                    if (value is not null && columns[i].Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                    parameters[i].Value = value ?? DBNull.Value;
                }
            }
            await command.ExecuteNonQueryAsync(ct);
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
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = BulkColumns.Value(columns[i], row);
                if (value is not null && columns[i].Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                if (value is null) await importer.WriteNullAsync(ct);
                else if (types[i] is { } type) await importer.WriteAsync(value, type, ct);
                else await importer.WriteAsync(value, ct);
            }
        }
        await importer.CompleteAsync(ct);
    }
}
