namespace Passbind.Server.Tests.Infrastructure;

/// <summary>A class fixture: the server on PostgreSql with the rate limits on, at their defaults.</summary>
public sealed class RateLimitedPostgreSqlServer() : PassbindServer(TestDatabase.PostgreSql, settings: RateLimitedSettings.Defaults);
