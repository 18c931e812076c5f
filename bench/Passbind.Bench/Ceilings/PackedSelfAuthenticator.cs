using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Passbind.Bench.Ceilings;

/// <summary>
/// A minimal software authenticator for in-process measurements: an ES256 credential with a <c>packed</c> self
/// attestation (WebAuthn L3 §8.2) or <c>none</c>, written as RegistrationResponseJSON, the same shape the .NET
/// SDK's own authenticator sends (that one is internal to the SDK; the load scenarios use it through
/// <c>Embedded.BindPasskeyAsync</c>).
/// </summary>
internal static class PackedSelfAuthenticator
{
    public const string Origin = "passbind-sdk://dotnet";
    private const int Es256 = -7;

    public static byte[] Register(string rpId, ReadOnlySpan<byte> challenge, bool packed = true)
    {
        var credentialId = RandomNumberGenerator.GetBytes(32);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(includePrivateParameters: false).Q;

        var clientData = Encoding.UTF8.GetBytes(
            $"{{\"type\":\"webauthn.create\",\"challenge\":\"{Base64Url.EncodeToString(challenge)}\",\"origin\":\"{Origin}\",\"crossOrigin\":false}}");

        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1);
        cose.WriteInt32(2);
        cose.WriteInt32(3);
        cose.WriteInt32(Es256);
        cose.WriteInt32(-1);
        cose.WriteInt32(1);
        cose.WriteInt32(-2);
        cose.WriteByteString(point.X!);
        cose.WriteInt32(-3);
        cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        var coseKey = cose.Encode();

        var authenticatorData = new byte[55 + credentialId.Length + coseKey.Length];
        SHA256.HashData(Encoding.UTF8.GetBytes(rpId), authenticatorData.AsSpan(0, 32));
        authenticatorData[32] = 0x01 | 0x04 | 0x40; // UP, UV, AT
        BinaryPrimitives.WriteUInt16BigEndian(authenticatorData.AsSpan(53, 2), (ushort)credentialId.Length);
        credentialId.CopyTo(authenticatorData, 55);
        coseKey.CopyTo(authenticatorData, 55 + credentialId.Length);

        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString(packed ? "packed" : "none");
        attestation.WriteTextString("attStmt");
        if (packed)
        {
            var signature = key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            attestation.WriteStartMap(2);
            attestation.WriteTextString("alg");
            attestation.WriteInt32(Es256);
            attestation.WriteTextString("sig");
            attestation.WriteByteString(signature);
        }
        else
        {
            attestation.WriteStartMap(0);
        }

        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authenticatorData);
        attestation.WriteEndMap();

        var id = Base64Url.EncodeToString(credentialId);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("rawId", id);
            json.WriteString("type", "public-key");
            json.WriteStartObject("response");
            json.WriteString("clientDataJSON", Base64Url.EncodeToString(clientData));
            json.WriteString("attestationObject", Base64Url.EncodeToString(attestation.Encode()));
            json.WriteStartArray("transports");
            json.WriteStringValue("internal");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("authenticatorAttachment", "platform");
            json.WriteStartObject("clientExtensionResults");
            json.WriteStartObject("credProps");
            json.WriteBoolean("rk", true);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
