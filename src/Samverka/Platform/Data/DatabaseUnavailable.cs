using Microsoft.Data.Sqlite;
using Npgsql;

namespace Samverka.Platform.Data;

/// Tells a database that cannot take a write right now (busy, locked, read-only, out of space, not accepting
/// connections) from a bug. The first is worth a 503 and "try again shortly"; the second stays a 500.
public static class DatabaseUnavailable
{
    /// Seconds a client is asked to wait before trying again.
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // BUSY, LOCKED, READONLY, IOERR (a read-only file in WAL mode), FULL, CANTOPEN.
                case SqliteException s when (s.SqliteErrorCode & 0xFF) is 5 or 6 or 8 or 10 or 13 or 14:
                    return true;
                case PostgresException p when p.SqlState is
                    "55P03"      // lock_not_available (lock_timeout)
                    or "25006"   // read_only_sql_transaction
                    or "57P03"   // cannot_connect_now
                    or "53100"   // disk_full
                    or "53300"   // too_many_connections
                    or "40001"   // serialization_failure
                    or "40P01":  // deadlock_detected
                    return true;
                case NpgsqlException n when n is not PostgresException && n.IsTransient:
                    return true;
            }
        }
        return false;
    }
}
