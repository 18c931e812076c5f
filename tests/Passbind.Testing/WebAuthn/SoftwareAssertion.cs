using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Passbind.Core.WebAuthn;

namespace Passbind.Testing.WebAuthn;

/// <summary>
/// One assertion of a <see cref="SoftwareAuthenticator"/>'s credential: a known-good
/// <c>AuthenticationResponseJSON</c> (UP and UV set, counter 1, no user handle) in which every field, flag
/// and byte can be overridden before <see cref="CreateResponse"/> builds and signs it.
/// </summary>
public sealed class SoftwareAssertion
{
    public SoftwareAssertion(SoftwareAuthenticator authenticator, byte[] challenge)
    {
        Authenticator = authenticator;
        CredentialId = authenticator.CredentialId;
        RpIdHash = SHA256.HashData(Encoding.UTF8.GetBytes(authenticator.RpId));
        ClientData = new JsonObject
        {
            ["type"] = "webauthn.get",
            ["challenge"] = Base64Url.EncodeToString(challenge),
            ["origin"] = authenticator.Origin,
            ["crossOrigin"] = false,
        };
    }

    /// <summary>The authenticator whose credential signs.</summary>
    public SoftwareAuthenticator Authenticator { get; }

    /// <summary>The collected client data, serialized as is: set, remove or retype any member.</summary>
    public JsonObject ClientData { get; }

    /// <summary>Raw clientDataJSON bytes to send instead of <see cref="ClientData"/>.</summary>
    public byte[]? ClientDataJsonOverride { get; set; }

    public byte[] RpIdHash { get; set; }

    public AuthenticatorDataFlags Flags { get; set; } = AuthenticatorDataFlags.UserPresent | AuthenticatorDataFlags.UserVerified;

    public uint SignCount { get; set; } = 1;

    /// <summary>Bytes written after the counter (extension outputs when ED is set, or junk).</summary>
    public byte[]? BytesAfterSignCount { get; set; }

    /// <summary>Raw authenticator data to send (and sign) instead of the built one.</summary>
    public byte[]? AuthenticatorDataOverride { get; set; }

    /// <summary>The id and rawId sent; the authenticator's credential id by default.</summary>
    public byte[] CredentialId { get; set; }

    /// <summary>The user handle sent; null leaves it out.</summary>
    public byte[]? UserHandle { get; set; }

    /// <summary>Signature bytes to send instead of the credential key's signature.</summary>
    public byte[]? SignatureOverride { get; set; }

    /// <summary>Flips a bit of the signature after signing.</summary>
    public bool CorruptSignature { get; set; }

    public byte[] ClientDataJson => ClientDataJsonOverride ?? Encoding.UTF8.GetBytes(ClientData.ToJsonString());

    public byte[] BuildAuthenticatorData()
    {
        if (AuthenticatorDataOverride is not null)
        {
            return AuthenticatorDataOverride;
        }

        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, SignCount);
        return [.. RpIdHash, (byte)Flags, .. counter, .. BytesAfterSignCount ?? []];
    }

    /// <summary>§6.3.3 step 11: the signature over authenticatorData || SHA-256(clientDataJSON).</summary>
    public byte[] Sign(byte[] authenticatorData, byte[] clientDataJson)
    {
        var signature = SignatureOverride ?? Authenticator.Sign([.. authenticatorData, .. SHA256.HashData(clientDataJson)]);
        if (CorruptSignature)
        {
            signature[^1] ^= 0x01;
        }

        return signature;
    }

    /// <summary>The AuthenticationResponseJSON; mutate the returned object to change the envelope.</summary>
    public JsonObject CreateResponse()
    {
        var clientDataJson = ClientDataJson;
        var authenticatorData = BuildAuthenticatorData();
        var id = Base64Url.EncodeToString(CredentialId);
        var response = new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientDataJson),
            ["authenticatorData"] = Base64Url.EncodeToString(authenticatorData),
            ["signature"] = Base64Url.EncodeToString(Sign(authenticatorData, clientDataJson)),
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

    public byte[] CreateResponseJson() => Encoding.UTF8.GetBytes(CreateResponse().ToJsonString());
}
