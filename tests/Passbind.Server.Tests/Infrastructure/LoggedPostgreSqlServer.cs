namespace Passbind.Server.Tests.Infrastructure;

/// <summary>A class fixture: the server on PostgreSQL, keeping every log line it writes in <see cref="PassbindServer.Logs"/>.</summary>
public sealed class LoggedPostgreSqlServer() : PassbindServer(TestDatabase.PostgreSql, captureLogs: true);
