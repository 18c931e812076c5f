using System.Buffers.Binary;
using System.Formats.Cbor;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// Authenticator data (WebAuthn §6.1), parsed strictly: no truncation, no leftover bytes. A registration's
/// carries attested credential data (AT set); an assertion's does not.
/// </summary>
internal sealed class ParsedAuthenticatorData
{
    private const int RpIdHashLength = 32;
    private const int FixedLength = RpIdHashLength + 1 + 4;
    private const int AaguidLength = 16;

    private ParsedAuthenticatorData(
        ReadOnlyMemory<byte> rpIdHash,
        AuthenticatorDataFlags flags,
        uint signCount,
        Guid aaguid,
        ReadOnlyMemory<byte> credentialId,
        ReadOnlyMemory<byte> credentialPublicKey)
    {
        RpIdHash = rpIdHash;
        Flags = flags;
        SignCount = signCount;
        Aaguid = aaguid;
        CredentialId = credentialId;
        CredentialPublicKey = credentialPublicKey;
    }

    public ReadOnlyMemory<byte> RpIdHash { get; }

    public AuthenticatorDataFlags Flags { get; }

    public uint SignCount { get; }

    /// <summary>The AAGUID of the attested credential data; empty when AT is clear.</summary>
    public Guid Aaguid { get; }

    /// <summary>The attested credential id; empty when AT is clear.</summary>
    public ReadOnlyMemory<byte> CredentialId { get; }

    /// <summary>The COSE_Key exactly as encoded, parsed and validated by <see cref="CoseKey"/>; empty when AT is clear.</summary>
    public ReadOnlyMemory<byte> CredentialPublicKey { get; }

    public bool Has(AuthenticatorDataFlags flag) => (Flags & flag) == flag;

    /// <summary>Parses <paramref name="authData"/>; null means the authenticator data is malformed (<c>invalid_authenticator_data</c>).</summary>
    public static ParsedAuthenticatorData? TryParse(ReadOnlyMemory<byte> authData)
    {
        var span = authData.Span;
        if (span.Length < FixedLength)
        {
            return null;
        }

        var flags = (AuthenticatorDataFlags)span[RpIdHashLength];
        var signCount = BinaryPrimitives.ReadUInt32BigEndian(span.Slice(RpIdHashLength + 1, 4));

        var offset = FixedLength;
        var aaguid = Guid.Empty;
        ReadOnlyMemory<byte> credentialId = default;
        ReadOnlyMemory<byte> credentialPublicKey = default;
        if ((flags & AuthenticatorDataFlags.AttestedCredentialData) != 0)
        {
            if (span.Length < offset + AaguidLength + 2)
            {
                return null;
            }

            aaguid = new Guid(span.Slice(offset, AaguidLength), bigEndian: true);
            offset += AaguidLength;
            int credentialIdLength = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(offset, 2));
            offset += 2;
            if (credentialIdLength == 0 || span.Length < offset + credentialIdLength)
            {
                return null;
            }

            credentialId = authData.Slice(offset, credentialIdLength);
            offset += credentialIdLength;

            var publicKeyLength = EncodedItemLength(authData[offset..]);
            if (publicKeyLength <= 0)
            {
                return null;
            }

            credentialPublicKey = authData.Slice(offset, publicKeyLength);
            offset += publicKeyLength;
        }

        if ((flags & AuthenticatorDataFlags.ExtensionData) != 0)
        {
            // Extension outputs must be one well-formed CBOR map; they are otherwise ignored (catalogue #35).
            var extensions = authData[offset..];
            var extensionsLength = EncodedItemLength(extensions);
            if (extensionsLength <= 0 || !IsMap(extensions[..extensionsLength]))
            {
                return null;
            }

            offset += extensionsLength;
        }

        // Leftover bytes mean the authenticator data does not say what it seems to say (FIDO Resp-3 F-12).
        if (offset != span.Length)
        {
            return null;
        }

        return new ParsedAuthenticatorData(authData[..RpIdHashLength], flags, signCount, aaguid, credentialId, credentialPublicKey);
    }

    /// <summary>The length of the first CBOR data item in <paramref name="data"/>, or -1 when it is malformed.</summary>
    private static int EncodedItemLength(ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
        {
            return -1;
        }

        try
        {
            var reader = new CborReader(data, CborConformanceMode.Strict, allowMultipleRootLevelValues: true);
            reader.SkipValue();
            return data.Length - reader.BytesRemaining;
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            return -1;
        }
    }

    private static bool IsMap(ReadOnlyMemory<byte> item)
    {
        try
        {
            return new CborReader(item, CborConformanceMode.Strict).PeekState() == CborReaderState.StartMap;
        }
        catch (CborContentException)
        {
            return false;
        }
    }
}
