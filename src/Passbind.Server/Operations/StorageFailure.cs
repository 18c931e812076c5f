using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Passbind.Server.Operations;

/// <summary>
/// Tells the failures of the storage itself, which the caller can do nothing about but wait, from bugs: a full disk
/// answers 507, a database that cannot be reached 503, each with <c>{code, message}</c>, never a 500. Either way
/// nothing was stored: the write's transaction did not commit.
/// </summary>
internal static class StorageFailure
{
    private const int SqliteFull = 13;
    private const int SqliteIoError = 10;
    private const int SqliteBusy = 5;
    private const int NoSpaceLeftOnDevice = 28;

    /// <summary>The answer for <paramref name="exception"/> when it is a storage failure; null when it is not.</summary>
    public static Http.ApiError? From(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException { SqliteErrorCode: SqliteFull }:
                case PostgresException { SqlState: PostgresErrorCodes.DiskFull }:
                case IOException io when (io.HResult & 0xFFFF) == NoSpaceLeftOnDevice:
                    return Http.ApiError.InsufficientStorage();
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteIoError }:
                case PostgresException postgres when IsUnavailable(postgres.SqlState):
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case NpgsqlException { IsTransient: true } and not PostgresException:
                case SocketException:
                    return Http.ApiError.DatabaseUnavailable();
            }
        }

        return null;
    }

    /// <summary>Class 08 (connection exception), 57P01–57P03 (shutdown, crash, starting up), 53300 (too many connections).</summary>
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
}
