namespace Passbind.Server.Tests.Infrastructure;

/// <summary>A class fixture: the server on SQLite in a fresh data directory.</summary>
public sealed class SqliteServer() : PassbindServer(TestDatabase.Sqlite);
