namespace Passbind.Bench;

internal static class Providers
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";
}
