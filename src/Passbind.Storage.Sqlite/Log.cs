using Microsoft.Extensions.Logging;

namespace Passbind.Storage.Sqlite;

/// <summary>Every log line of the SQLite provider, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "A write to {DatabaseFile} waited {Timeout} for the write gate and goes on without it, into SQLite's busy handler: does one flow hold a transaction on one DbContext while it writes through another?")]
    public static partial void WriteGateTimedOut(ILogger logger, string databaseFile, TimeSpan timeout);
}
