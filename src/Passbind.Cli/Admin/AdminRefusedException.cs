namespace Passbind.Cli.Admin;

/// <summary>A backup or restore that would be wrong to do (PostgreSQL, a database in use, a file in the way). Exit code 7.</summary>
internal sealed class AdminRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
