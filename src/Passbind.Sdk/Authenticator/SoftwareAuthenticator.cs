using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text.Json;
using Passbind.Sdk.Protocol;

namespace Passbind.Sdk.Authenticator;

/// <summary>
/// A software WebAuthn authenticator and client in one: it answers a <c>PublicKeyCredentialCreationOptionsJSON</c>
/// with an ES256 credential and a <c>packed</c> self attestation (WebAuthn Level 3 §6.5.4, §8.2), and a
/// <c>PublicKeyCredentialRequestOptionsJSON</c> with an assertion signed by a stored credential (§6.3.3).
/// </summary>
internal static class SoftwareAuthenticator
{
    /// <summary>COSE algorithm ES256 (ECDSA with P-256 and SHA-256).</summary>
    public const int Es256 = -7;

    /// <summary>Credential ids are 32 random bytes.</summary>
    public const int CredentialIdLength = 32;

    // Authenticator data flags (WebAuthn L3 §6.1): UP, UV and AT; BE and BS stay 0, as the key never leaves the device.
    private const byte FlagUserPresent = 0x01;
    private const byte FlagUserVerified = 0x04;
    private const byte FlagAttestedCredentialData = 0x40;

    public static AuthenticatorRegistration Register(PublicKeyCredentialCreationOptions options, string origin)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(origin);

        var rpId = options.Rp?.Id;
        var userHandle = options.User?.Id;
        var challenge = options.Challenge;
        if (string.IsNullOrEmpty(rpId) || string.IsNullOrEmpty(userHandle) || string.IsNullOrEmpty(challenge)
            || !IsBase64Url(challenge) || !IsBase64Url(userHandle))
        {
            throw new PassbindException(
                PassbindErrorCodes.ServerError, "The registration options lack rp.id, user.id or challenge.");
        }

        // WebAuthn L3 §5.1.3 step 10: pick the first algorithm offered that we support; we support ES256 only.
        // An empty list means the defaults, ES256 and RS256.
        var parameters = options.PubKeyCredParams ?? [];
        if (parameters.Count > 0 && !parameters.Any(p => p.Type == "public-key" && p.Alg == Es256))
        {
            throw new PassbindException(
                PassbindErrorCodes.UnsupportedAlgorithm, "The server accepts no ES256 key, the only kind this SDK creates.");
        }

        var credentialId = RandomNumberGenerator.GetBytes(CredentialIdLength);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = key.ExportParameters(includePrivateParameters: false);

        // WebAuthn L3 §5.1.3 step 14: CollectedClientData, in the order of §5.8.1.1 (type, challenge, origin, crossOrigin).
        var clientDataJson = ClientData("webauthn.create", challenge, origin);
        var authenticatorData = AuthenticatorData(rpId, credentialId, publicKey.Q);

        // §8.2 packed, self attestation: sig over authenticatorData ‖ SHA-256(clientDataJSON) with the credential key.
        var clientDataHash = SHA256.HashData(clientDataJson);
        var signature = key.SignData(
            [.. authenticatorData, .. clientDataHash], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var attestationObject = AttestationObject(authenticatorData, signature);

        var id = Base64Url.EncodeToString(credentialId);
        var credential = new RegistrationResponse(
            Id: id,
            RawId: id,
            Type: "public-key",
            Response: new AuthenticatorAttestationResponse(
                ClientDataJson: Base64Url.EncodeToString(clientDataJson),
                AuthenticatorData: Base64Url.EncodeToString(authenticatorData),
                Transports: ["internal"],
                PublicKey: Base64Url.EncodeToString(key.ExportSubjectPublicKeyInfo()),
                PublicKeyAlgorithm: Es256,
                AttestationObject: Base64Url.EncodeToString(attestationObject)),
            AuthenticatorAttachment: "platform",
            ClientExtensionResults: new ClientExtensionResults(
                options.Extensions?.CredProps == true ? new CredentialProperties(Rk: true) : null));

        return new AuthenticatorRegistration(credential, key.ExportPkcs8PrivateKey(), id, userHandle, rpId);
    }

    /// <summary>
    /// Signs an assertion for <paramref name="options"/> with a stored credential (WebAuthn L3 §6.3.3
    /// authenticatorGetAssertion, with the client's part of §5.1.4). The caller has checked that the credential is
    /// allowed and scoped to <paramref name="rpId"/>, and has stored <paramref name="signCount"/> before calling.
    /// </summary>
    public static AuthenticationResponse Assert(
        PublicKeyCredentialRequestOptions options,
        string origin,
        string rpId,
        string credentialId,
        string? userHandle,
        ReadOnlySpan<byte> privateKey,
        uint signCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        ArgumentException.ThrowIfNullOrEmpty(rpId);
        var challenge = options.Challenge;
        if (string.IsNullOrEmpty(challenge) || !IsBase64Url(challenge))
        {
            throw new PassbindException(PassbindErrorCodes.ServerError, "The authentication options lack a challenge.");
        }

        // §5.1.4.1 step 10: CollectedClientData of type webauthn.get.
        var clientDataJson = ClientData("webauthn.get", challenge, origin);

        // §6.1: rpIdHash ‖ flags ‖ signCount; no attested credential data and no extensions in an assertion.
        var authenticatorData = new byte[32 + 1 + 4];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(rpId), authenticatorData.AsSpan(0, 32));
        authenticatorData[32] = FlagUserPresent | FlagUserVerified;
        BinaryPrimitives.WriteUInt32BigEndian(authenticatorData.AsSpan(33, 4), signCount);

        // §6.3.3 step 11: the signature over authenticatorData ‖ SHA-256(clientDataJSON), DER-encoded for ES256.
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(privateKey, out _);
        var signature = key.SignData(
            [.. authenticatorData, .. SHA256.HashData(clientDataJson)],
            HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence);

        return new AuthenticationResponse(
            Id: credentialId,
            RawId: credentialId,
            Type: "public-key",
            Response: new AuthenticatorAssertionResponse(
                ClientDataJson: Base64Url.EncodeToString(clientDataJson),
                AuthenticatorData: Base64Url.EncodeToString(authenticatorData),
                Signature: Base64Url.EncodeToString(signature),
                UserHandle: userHandle),
            AuthenticatorAttachment: "platform",
            ClientExtensionResults: new ClientExtensionResults(null));
    }

    internal static byte[] ClientData(string type, string challenge, string origin)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("challenge", challenge);
            writer.WriteString("origin", origin);
            writer.WriteBoolean("crossOrigin", false);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] AuthenticatorData(string rpId, byte[] credentialId, ECPoint point)
    {
        var coseKey = CoseEc2Key(point);
        var data = new byte[32 + 1 + 4 + 16 + 2 + credentialId.Length + coseKey.Length];
        var span = data.AsSpan();

        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(rpId), span[..32]);          // rpIdHash
        span[32] = FlagUserPresent | FlagUserVerified | FlagAttestedCredentialData;     // flags
        BinaryPrimitives.WriteUInt32BigEndian(span.Slice(33, 4), 0);                    // signCount: 0, no counter
        span.Slice(37, 16).Clear();                                                      // AAGUID: all zero
        BinaryPrimitives.WriteUInt16BigEndian(span.Slice(53, 2), (ushort)credentialId.Length);
        credentialId.CopyTo(span[55..]);
        coseKey.CopyTo(span[(55 + credentialId.Length)..]);
        return data;
    }

    /// <summary>The COSE_Key of an EC2 P-256 ES256 key (RFC 9053 §7.1), in CTAP2 canonical order.</summary>
    private static byte[] CoseEc2Key(ECPoint point)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(5);
        writer.WriteInt32(1);     // kty
        writer.WriteInt32(2);     // EC2
        writer.WriteInt32(3);     // alg
        writer.WriteInt32(Es256);
        writer.WriteInt32(-1);    // crv
        writer.WriteInt32(1);     // P-256
        writer.WriteInt32(-2);    // x
        writer.WriteByteString(point.X!);
        writer.WriteInt32(-3);    // y
        writer.WriteByteString(point.Y!);
        writer.WriteEndMap();
        return writer.Encode();
    }

    private static byte[] AttestationObject(byte[] authenticatorData, byte[] signature)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString("packed");
        writer.WriteTextString("attStmt");
        writer.WriteStartMap(2);
        writer.WriteTextString("alg");
        writer.WriteInt32(Es256);
        writer.WriteTextString("sig");
        writer.WriteByteString(signature);
        writer.WriteEndMap();
        writer.WriteTextString("authData");
        writer.WriteByteString(authenticatorData);
        writer.WriteEndMap();
        return writer.Encode();
    }

    private static bool IsBase64Url(string value) => Base64Url.IsValid(value);
}
