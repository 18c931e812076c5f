namespace Passbind.Testing.Storage;

/// <summary>The storage providers every integration test class runs against.</summary>
public enum TestDatabase
{
    Sqlite,
    PostgreSql,
}
