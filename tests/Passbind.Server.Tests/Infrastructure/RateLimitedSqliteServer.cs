namespace Passbind.Server.Tests.Infrastructure;

/// <summary>A class fixture: the server on Sqlite with the rate limits on, at their defaults.</summary>
public sealed class RateLimitedSqliteServer() : PassbindServer(TestDatabase.Sqlite, settings: RateLimitedSettings.Defaults);
