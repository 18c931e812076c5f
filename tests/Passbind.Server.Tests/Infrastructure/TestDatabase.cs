namespace Passbind.Server.Tests.Infrastructure;

/// <summary>The storage providers every integration test class runs against.</summary>
public enum TestDatabase
{
    Sqlite,
    PostgreSql,
}
