namespace Passbind.Server.Hosting;

/// <summary>The values of <c>Passbind:Database:Provider</c>.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
