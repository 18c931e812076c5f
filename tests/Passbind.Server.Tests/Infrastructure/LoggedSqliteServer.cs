namespace Passbind.Server.Tests.Infrastructure;

/// <summary>A class fixture: the server on SQLite, keeping every log line it writes in <see cref="PassbindServer.Logs"/>.</summary>
public sealed class LoggedSqliteServer() : PassbindServer(TestDatabase.Sqlite, captureLogs: true);
