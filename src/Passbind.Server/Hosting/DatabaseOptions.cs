namespace Passbind.Server.Hosting;

/// <summary>The <c>Passbind:Database</c> section.</summary>
internal sealed class DatabaseOptions
{
    public const string SectionName = "Passbind:Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>PostgreSql</c> (with <c>ConnectionStrings:Passbind</c>).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
