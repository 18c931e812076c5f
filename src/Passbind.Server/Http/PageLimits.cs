namespace Passbind.Server.Http;

/// <summary>A collection's default and maximum page size.</summary>
internal sealed record PageLimits(int Default, int Max)
{
    /// <summary>Realms, identities, credentials and credential binding jobs.</summary>
    public static readonly PageLimits Large = new(20, 200);

    /// <summary>Applications and authenticator configs.</summary>
    public static readonly PageLimits Small = new(100, 100);
}
