using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Asn1;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Passbind.Core.WebAuthn;

namespace Passbind.Testing.WebAuthn;

/// <summary>
/// A software WebAuthn authenticator and client in one: it answers a registration ceremony with a
/// known-good <c>RegistrationResponseJSON</c> (ES256 by default), and every field, flag and byte of it can
/// be overridden before <see cref="CreateResponse"/> builds it; <see cref="Assert"/> answers an
/// authentication ceremony with the same credential. Modeled on the hand-built payloads of
/// fido2-net-lib's tests; built only with System.Formats.Cbor and System.Security.Cryptography.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    public const string DefaultRpId = "id.t1.test";
    public const string DefaultOrigin = "https://id.t1.test";

    private X509Certificate2? _attestationRoot;
    private X509Certificate2? _attestationLeaf;

    /// <summary>A new credential, answering a registration for <paramref name="challenge"/>.</summary>
    /// <param name="challenge">The options' challenge.</param>
    /// <param name="attestation">The attestation statement to produce.</param>
    /// <param name="rpId">The RP ID whose hash the authenticator data carries.</param>
    /// <param name="origin">The origin the client data names.</param>
    public SoftwareAuthenticator(byte[] challenge, AttestationKind attestation = AttestationKind.None, string rpId = DefaultRpId, string origin = DefaultOrigin)
    {
        Attestation = attestation;
        RpId = rpId;
        Origin = origin;
        RpIdHash = SHA256.HashData(Encoding.UTF8.GetBytes(rpId));
        ClientData = new JsonObject
        {
            ["type"] = "webauthn.create",
            ["challenge"] = Base64Url.EncodeToString(challenge),
            ["origin"] = origin,
            ["crossOrigin"] = false,
        };
    }

    /// <summary>The RP ID the credential is scoped to; assertions carry its hash by default.</summary>
    public string RpId { get; }

    /// <summary>The origin the client data names by default, in registrations and assertions.</summary>
    public string Origin { get; }

    public ECDsa CredentialKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>When set, the credential is this RSA key (alg −257) instead of <see cref="CredentialKey"/>.</summary>
    public RSA? RsaCredentialKey { get; set; }

    public AttestationKind Attestation { get; set; }

    /// <summary>The collected client data, serialized as is: set, remove or retype any member.</summary>
    public JsonObject ClientData { get; }

    /// <summary>Raw clientDataJSON bytes to send instead of <see cref="ClientData"/>.</summary>
    public byte[]? ClientDataJsonOverride { get; set; }

    public byte[] RpIdHash { get; set; }

    public AuthenticatorDataFlags Flags { get; set; } =
        AuthenticatorDataFlags.UserPresent | AuthenticatorDataFlags.UserVerified | AuthenticatorDataFlags.AttestedCredentialData;

    public uint SignCount { get; set; }

    public Guid Aaguid { get; set; } = new("6f1d3c2a-8b4e-4d5f-9a0b-1c2d3e4f5a6b");

    public byte[] CredentialId { get; set; } = RandomNumberGenerator.GetBytes(16);

    /// <summary>The COSE alg written into the EC2 key; null omits it.</summary>
    public int? CoseAlgorithm { get; set; } = -7;

    /// <summary>COSE_Key bytes to send instead of the credential key's.</summary>
    public byte[]? CredentialPublicKeyOverride { get; set; }

    /// <summary>Bytes written after the credential public key (extension outputs when ED is set, or junk).</summary>
    public byte[]? BytesAfterPublicKey { get; set; }

    /// <summary>Raw authenticator data to send instead of the built one.</summary>
    public byte[]? AuthenticatorDataOverride { get; set; }

    /// <summary>The fmt to write; null writes the one <see cref="Attestation"/> implies.</summary>
    public string? FormatOverride { get; set; }

    /// <summary>Encoded attStmt map to write instead of the built one.</summary>
    public byte[]? AttestationStatementOverride { get; set; }

    /// <summary>The alg written into a packed attStmt.</summary>
    public int PackedAlgorithm { get; set; } = -7;

    /// <summary>Flips a bit of the attestation signature after signing.</summary>
    public bool CorruptSignature { get; set; }

    /// <summary>Raw attestationObject bytes to send instead of the built one.</summary>
    public byte[]? AttestationObjectOverride { get; set; }

    /// <summary>The attestation leaf certificate's validity end (full packed attestation).</summary>
    public DateTimeOffset LeafNotAfter { get; set; } = TimeProvider.System.GetUtcNow().AddYears(1);

    /// <summary>The attestation leaf certificate's subject (full packed attestation).</summary>
    public string LeafSubject { get; set; } = "C=US, O=Passbind Test, OU=Authenticator Attestation, CN=Passbind Test Authenticator";

    public byte[] ClientDataJson => ClientDataJsonOverride ?? Encoding.UTF8.GetBytes(ClientData.ToJsonString());

    public byte[] CredentialPublicKey => CredentialPublicKeyOverride
        ?? (RsaCredentialKey is { } rsa ? CoseKeys.Rsa(rsa) : CoseKeys.Ec2(CredentialKey, CoseAlgorithm));

    public byte[] BuildAuthenticatorData()
    {
        if (AuthenticatorDataOverride is not null)
        {
            return AuthenticatorDataOverride;
        }

        var data = new List<byte>(256);
        data.AddRange(RpIdHash);
        data.Add((byte)Flags);
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, SignCount);
        data.AddRange(counter);
        data.AddRange(Aaguid.ToByteArray(bigEndian: true));
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)CredentialId.Length);
        data.AddRange(length);
        data.AddRange(CredentialId);
        data.AddRange(CredentialPublicKey);
        if (BytesAfterPublicKey is not null)
        {
            data.AddRange(BytesAfterPublicKey);
        }

        return [.. data];
    }

    public byte[] BuildAttestationObject(byte[] clientDataJson)
    {
        if (AttestationObjectOverride is not null)
        {
            return AttestationObjectOverride;
        }

        var authData = BuildAuthenticatorData();
        var format = FormatOverride ?? (Attestation == AttestationKind.None ? "none" : "packed");
        var statement = AttestationStatementOverride ?? BuildAttestationStatement(authData, clientDataJson);

        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString(format);
        writer.WriteTextString("attStmt");
        writer.WriteEncodedValue(statement);
        writer.WriteTextString("authData");
        writer.WriteByteString(authData);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>The RegistrationResponseJSON; mutate the returned object to change the envelope.</summary>
    public JsonObject CreateResponse()
    {
        var clientDataJson = ClientDataJson;
        var attestationObject = BuildAttestationObject(clientDataJson);
        var id = Base64Url.EncodeToString(CredentialId);
        return new JsonObject
        {
            ["id"] = id,
            ["rawId"] = id,
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64Url.EncodeToString(clientDataJson),
                ["attestationObject"] = Base64Url.EncodeToString(attestationObject),
                ["transports"] = new JsonArray("internal", "hybrid"),
            },
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject { ["credProps"] = new JsonObject { ["rk"] = true } },
        };
    }

    public byte[] CreateResponseJson() => Encoding.UTF8.GetBytes(CreateResponse().ToJsonString());

    /// <summary>Signs <paramref name="data"/> with the credential key: ES256 (DER) or RS256 (PKCS #1 v1.5).</summary>
    public byte[] Sign(byte[] data) => RsaCredentialKey is { } rsa
        ? rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        : CredentialKey.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>Starts a known-good assertion of this credential for <paramref name="challenge"/> (WebAuthn §7.2).</summary>
    public SoftwareAssertion Assert(byte[] challenge) => new(this, challenge);

    public void Dispose()
    {
        CredentialKey.Dispose();
        RsaCredentialKey?.Dispose();
        _attestationLeaf?.Dispose();
        _attestationRoot?.Dispose();
    }

    private byte[] BuildAttestationStatement(byte[] authData, byte[] clientDataJson)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        if (Attestation == AttestationKind.None)
        {
            writer.WriteStartMap(0);
            writer.WriteEndMap();
            return writer.Encode();
        }

        // §8.2 packed: sig over authenticatorData || SHA-256(clientDataJSON).
        byte[] signed = [.. authData, .. SHA256.HashData(clientDataJson)];
        byte[] signature;
        if (Attestation == AttestationKind.PackedFull)
        {
            var leaf = GetAttestationLeaf();
            using var leafKey = leaf.GetECDsaPrivateKey()!;
            signature = leafKey.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        else
        {
            signature = Sign(signed);
        }

        if (CorruptSignature)
        {
            signature[^1] ^= 0x01;
        }

        writer.WriteStartMap(Attestation == AttestationKind.PackedFull ? 3 : 2);
        writer.WriteTextString("alg");
        writer.WriteInt32(PackedAlgorithm);
        writer.WriteTextString("sig");
        writer.WriteByteString(signature);
        if (Attestation == AttestationKind.PackedFull)
        {
            writer.WriteTextString("x5c");
            writer.WriteStartArray(1);
            writer.WriteByteString(GetAttestationLeaf().RawData);
            writer.WriteEndArray();
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>
    /// A throwaway CA and a leaf meeting §8.2.1's attestation certificate requirements: version 3; subject
    /// C, O, OU "Authenticator Attestation", CN; basic constraints CA false; id-fido-gen-ce-aaguid.
    /// </summary>
    private X509Certificate2 GetAttestationLeaf()
    {
        if (_attestationLeaf is not null)
        {
            return _attestationLeaf;
        }

        // Fido2NetLib checks the attestation certificate against the real clock, so the certificates use it too.
        var now = TimeProvider.System.GetUtcNow();
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=Passbind Test Attestation Root, O=Passbind Test, C=US", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        _attestationRoot = rootRequest.CreateSelfSigned(now.AddDays(-2), now.AddYears(5));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest(LeafSubject, leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var asn = new AsnWriter(AsnEncodingRules.DER);
        asn.WriteOctetString(Aaguid.ToByteArray(bigEndian: true));
        var aaguidExtension = asn.Encode();
        leafRequest.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.45724.1.1.4", aaguidExtension, false));
        var notAfter = LeafNotAfter < now.AddYears(5) ? LeafNotAfter : now.AddYears(5);
        using var leafPublic = leafRequest.Create(_attestationRoot, now.AddDays(-1) < notAfter ? now.AddDays(-1) : notAfter.AddDays(-1), notAfter, RandomNumberGenerator.GetBytes(8));
        _attestationLeaf = leafPublic.CopyWithPrivateKey(leafKey);
        return _attestationLeaf;
    }
}
