namespace Passbind.Core.WebAuthn;

/// <summary>The <c>CollectedClientData.type</c> of each ceremony (WebAuthn §5.8.1).</summary>
internal static class ClientDataType
{
    public const string Create = "webauthn.create";
    public const string Get = "webauthn.get";
}
