using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Passbind.Core.WebAuthn;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>
/// A WebAuthn assertion (an AuthenticationResponseJSON) signed with a bound passkey's key, as an authenticator
/// answering <c>navigator.credentials.get</c> would make it. Every field, flag and byte can be changed before
/// <see cref="CreateResponse"/>, so that tests start from a known-good assertion and change one thing.
/// </summary>
internal sealed class SoftwareAssertion(ECDsa key, byte[] credentialId, byte[]? userHandle, byte[] challenge, string rpId, string origin)
{
    public JsonObject ClientData { get; } = new()
    {
        ["type"] = "webauthn.get",
        ["challenge"] = Base64Url.EncodeToString(challenge),
        ["origin"] = origin,
        ["crossOrigin"] = false,
    };

    public byte[] RpIdHash { get; set; } = SHA256.HashData(Encoding.UTF8.GetBytes(rpId));

    public AuthenticatorDataFlags Flags { get; set; } = AuthenticatorDataFlags.UserPresent | AuthenticatorDataFlags.UserVerified;

    public uint SignCount { get; set; } = 1;

    /// <summary>The credential id sent as <c>id</c> and <c>rawId</c>.</summary>
    public byte[] CredentialId { get; set; } = credentialId;

    public byte[]? UserHandle { get; set; } = userHandle;

    /// <summary>Flips a bit of the signature after signing.</summary>
    public bool CorruptSignature { get; set; }

    /// <summary>Signs with this key instead of the passkey's own.</summary>
    public ECDsa? SigningKeyOverride { get; set; }

    public byte[] BuildAuthenticatorData()
    {
        var data = new byte[37];
        RpIdHash.CopyTo(data, 0);
        data[32] = (byte)Flags;
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(33), SignCount);
        return data;
    }

    public JsonObject CreateResponse()
    {
        var clientDataJson = Encoding.UTF8.GetBytes(ClientData.ToJsonString());
        var authenticatorData = BuildAuthenticatorData();
        var signature = (SigningKeyOverride ?? key).SignData(
            [.. authenticatorData, .. SHA256.HashData(clientDataJson)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (CorruptSignature)
        {
            signature[^1] ^= 0x01;
        }

        var id = Base64Url.EncodeToString(CredentialId);
        var response = new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientDataJson),
            ["authenticatorData"] = Base64Url.EncodeToString(authenticatorData),
            ["signature"] = Base64Url.EncodeToString(signature),
        };
        if (UserHandle is not null)
        {
            response["userHandle"] = Base64Url.EncodeToString(UserHandle);
        }

        return new JsonObject
        {
            ["id"] = id,
            ["rawId"] = id,
            ["type"] = "public-key",
            ["response"] = response,
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
        };
    }
}
