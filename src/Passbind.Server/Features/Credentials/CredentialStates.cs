namespace Passbind.Server.Features.Credentials;

/// <summary>A credential's states, as Beyond Identity's API names them.</summary>
internal static class CredentialStates
{
    public const string Active = "ACTIVE";
    public const string Revoked = "REVOKED";
}
