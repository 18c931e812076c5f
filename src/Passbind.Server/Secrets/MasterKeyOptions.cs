namespace Passbind.Server.Secrets;

/// <summary>The master key's setting, <c>Passbind:MasterKey</c>, at the root of the <c>Passbind</c> section.</summary>
internal sealed class MasterKeyOptions
{
    public const string SectionName = "Passbind";

    /// <summary>
    /// Base64 of 32 bytes that seals signing keys and page tokens at rest. Default: a key generated on first
    /// start into <c>{DataDirectory}/master.key</c>, readable by the server's user only. Several nodes on one
    /// PostgreSQL database must share it.
    /// </summary>
    public string? MasterKey { get; set; }
}
