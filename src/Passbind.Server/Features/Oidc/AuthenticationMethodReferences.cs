namespace Passbind.Server.Features.Oidc;

/// <summary>The id_token's <c>amr</c> values (RFC 8176) for the ways a user signs in here.</summary>
internal static class AuthenticationMethodReferences
{
    /// <summary>A passkey assertion: proof of possession, and a user verification when the authenticator made one.</summary>
    public static IReadOnlyList<string> Passkey(bool userVerified) => userVerified ? ["pop", "user"] : ["pop"];

    /// <summary>An email one-time code.</summary>
    public static IReadOnlyList<string> OneTimeCode { get; } = ["otp"];
}
