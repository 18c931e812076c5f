using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Fido2UserVerification = Fido2NetLib.Objects.UserVerificationRequirement;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// Verifies a WebAuthn Level 3 <c>RegistrationResponseJSON</c> against the server-stored
/// <see cref="ExpectedRegistration"/>: Fido2NetLib verifies the attestation statement, and this type adds
/// the Level 3 checks Fido2NetLib lacks or does differently (security-catalogue.md §0). Every malformed or
/// refused input yields a <see cref="RegistrationFailure"/>; nothing a client sends makes it throw.
/// </summary>
/// <remarks>
/// Thread-safe; create one and share it (register it as a singleton). It caches one Fido2 instance per
/// RP ID and trusted origin.
/// </remarks>
public sealed class RegistrationVerifier
{
    /// <summary>The largest RegistrationResponseJSON accepted, in UTF-8 bytes.</summary>
    public const int MaxResponseJsonBytes = 128 * 1024;

    /// <summary>WebAuthn §7.1 step 25: a credential id is at most 1023 bytes.</summary>
    public const int MaxCredentialIdLength = 1023;

    private const int MaxClientDataJsonBytes = 16 * 1024;
    private const int MaxAttestationObjectBytes = 64 * 1024;

    // Ids beyond MaxCredentialIdLength still decode, so that they are reported as too long, not as malformed.
    private const int MaxDecodedCredentialIdBytes = 2 * 1024;
    private const int MaxTransports = 16;
    private const int MaxTransportLength = 64;
    private const int MaxFido2Instances = 1024;
    private const string PublicKeyType = "public-key";

    // NOTE: .NET 10's duplicate-property check makes a clientDataJSON with two "challenge" members fail
    // (catalogue #70) instead of silently using one of them.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    // NOTE: credential-id uniqueness (§7.1 step 26) is enforced by the server's database unique index,
    // across every tenant, atomically with storing the credential; a lookup here would race it.
    private static readonly IsCredentialIdUniqueToUserAsyncDelegate CredentialIdIsUniqueHere = static (_, _) => Task.FromResult(true);

    private readonly ConcurrentDictionary<(string RpId, string Origin), Fido2> _fido2Instances = new();

    /// <summary>Verifies a RegistrationResponseJSON given as UTF-8 JSON.</summary>
    /// <exception cref="ArgumentException"><paramref name="expected"/> is inconsistent (a server bug, not client input).</exception>
    public async Task<RegistrationResult> VerifyAsync(ExpectedRegistration expected, ReadOnlyMemory<byte> registrationResponseJson, CancellationToken cancellationToken = default)
    {
        ValidateExpected(expected);
        if (registrationResponseJson.Length > MaxResponseJsonBytes)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "credential");
        }

        // System.Text.Json validates UTF-8 inside strings only when they are read; check it once, up front.
        if (!Utf8.IsValid(registrationResponseJson.Span))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "credential");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(registrationResponseJson, DocumentOptions);
        }
        catch (JsonException)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "credential");
        }

        using (document)
        {
            return await VerifyCoreAsync(expected, document.RootElement, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Verifies a RegistrationResponseJSON already parsed, such as the <c>credential</c> member of a request body.</summary>
    /// <exception cref="ArgumentException"><paramref name="expected"/> is inconsistent (a server bug, not client input).</exception>
    public Task<RegistrationResult> VerifyAsync(ExpectedRegistration expected, JsonElement registrationResponse, CancellationToken cancellationToken = default)
    {
        ValidateExpected(expected);
        return VerifyCoreAsync(expected, registrationResponse, cancellationToken);
    }

    private static void ValidateExpected(ExpectedRegistration expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentException.ThrowIfNullOrEmpty(expected.RpId);
        ArgumentNullException.ThrowIfNull(expected.TrustedOrigins);
        ArgumentNullException.ThrowIfNull(expected.AllowedAlgorithms);
        if (expected.Challenge.IsEmpty)
        {
            throw new ArgumentException("The expected challenge is empty.", nameof(expected));
        }

        if (expected.UserHandle.Length is 0 or > RegistrationOptionsFactory.MaxUserHandleSize)
        {
            throw new ArgumentException("A user handle is 1 to 64 bytes.", nameof(expected));
        }

        if (expected.AllowedAlgorithms.Count == 0 || !expected.AllowedAlgorithms.All(CoseAlgorithms.IsSupported))
        {
            throw new ArgumentException("Allowed algorithms must be a non-empty subset of CoseAlgorithms.Offered.", nameof(expected));
        }
    }

    private async Task<RegistrationResult> VerifyCoreAsync(ExpectedRegistration expected, JsonElement credential, CancellationToken cancellationToken)
    {
        // 7.1 step 3 and §5.1: the response is a PublicKeyCredential whose id is base64url(rawId).
        if (credential.ValueKind != JsonValueKind.Object)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "credential");
        }

        if (!TryGetString(credential, "id", out var id) || !Base64UrlEncoding.TryDecode(id, MaxDecodedCredentialIdBytes, out var idBytes) || idBytes.Length == 0)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "id");
        }

        if (!TryGetString(credential, "rawId", out var rawIdText) || !Base64UrlEncoding.TryDecode(rawIdText, MaxDecodedCredentialIdBytes, out var rawId) || rawId.Length == 0)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "rawId");
        }

        // Both are canonical base64url (checked above), so equal bytes means equal strings.
        if (!string.Equals(id, rawIdText, StringComparison.Ordinal))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.CredentialIdMismatch, "id");
        }

        if (!TryGetString(credential, "type", out var type) || type != PublicKeyType)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "type");
        }

        if (!credential.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "response");
        }

        if (!TryGetString(response, "clientDataJSON", out var clientDataText)
            || !Base64UrlEncoding.TryDecode(clientDataText, MaxClientDataJsonBytes, out var clientDataJson)
            || clientDataJson.Length == 0)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "response.clientDataJSON");
        }

        if (!TryGetString(response, "attestationObject", out var attestationText)
            || !Base64UrlEncoding.TryDecode(attestationText, MaxAttestationObjectBytes, out var attestationObjectBytes)
            || attestationObjectBytes.Length == 0)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "response.attestationObject");
        }

        if (!TryReadTransports(response, out var transports))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "response.transports");
        }

        string? attachment = null;
        if (credential.TryGetProperty("authenticatorAttachment", out var attachmentElement))
        {
            if (attachmentElement.ValueKind == JsonValueKind.String)
            {
                // Unknown values are kept as given; WebAuthn clients ignore unknown enum values.
                if (!TryGetString(attachmentElement, out var attachmentValue) || attachmentValue.Length > MaxTransportLength)
                {
                    return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "authenticatorAttachment");
                }

                attachment = attachmentValue;
            }
            else if (attachmentElement.ValueKind != JsonValueKind.Null)
            {
                return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "authenticatorAttachment");
            }
        }

        bool? isDiscoverable = null;
        if (credential.TryGetProperty("clientExtensionResults", out var extensionResults))
        {
            if (extensionResults.ValueKind != JsonValueKind.Object)
            {
                return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "clientExtensionResults");
            }

            if (extensionResults.TryGetProperty("credProps", out var credProps)
                && credProps.ValueKind == JsonValueKind.Object
                && credProps.TryGetProperty("rk", out var rk)
                && rk.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                isDiscoverable = rk.GetBoolean();
            }
        }

        // 7.1 steps 5–10: the client data.
        var clientDataFailure = CheckClientData(clientDataJson, expected, out var origin);
        if (clientDataFailure is not null)
        {
            return RegistrationResult.Fail(clientDataFailure.Value, "response.clientDataJSON");
        }

        // 7.1 step 11: hash = SHA-256(clientDataJSON); Fido2NetLib computes it for the attestation signature.

        // 7.1 step 12: CBOR-decode the attestation object into fmt, authData and attStmt.
        var attestationObject = ParsedAttestationObject.TryParse(attestationObjectBytes);
        if (attestationObject is null)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidAttestation, "response.attestationObject");
        }

        var authData = ParsedAuthenticatorData.TryParse(attestationObject.AuthData);
        if (authData is null)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidAuthenticatorData, "response.attestationObject");
        }

        // 7.1 step 13: verify rpIdHash.
        Span<byte> expectedRpIdHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(expected.RpId), expectedRpIdHash);
        if (!authData.RpIdHash.Span.SequenceEqual(expectedRpIdHash))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.RpIdMismatch, "response.attestationObject");
        }

        // 7.1 step 14: UP is required; Passbind never uses conditional create.
        if (!authData.Has(AuthenticatorDataFlags.UserPresent))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.UserNotPresent, "response.attestationObject");
        }

        // 7.1 step 15: UV when the authenticator config requires it.
        if (expected.UserVerificationRequired && !authData.Has(AuthenticatorDataFlags.UserVerified))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.UserNotVerified, "response.attestationObject");
        }

        // 7.1 step 16: a credential that is not backup eligible cannot be backed up (Fido2NetLib 4.0 accepted BS=1, BE=0).
        if (!authData.Has(AuthenticatorDataFlags.BackupEligible) && authData.Has(AuthenticatorDataFlags.BackupState))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidBackupFlags, "response.attestationObject");
        }

        // 7.1 step 19: the credential key's alg is one of options.pubKeyCredParams; a key without alg is refused.
        var key = CoseKey.TryRead(authData.CredentialPublicKey);
        if (key is null)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidPublicKey, "response.attestationObject");
        }

        if (key.Alg is not int algorithm || !expected.AllowedAlgorithms.Contains(algorithm))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.AlgorithmNotAllowed, "response.attestationObject");
        }

        // The key must be usable before it is stored: on its curve, or a strong enough RSA key.
        var jwkJson = key.ToValidatedJwk(algorithm);
        if (jwkJson is null)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidPublicKey, "response.attestationObject");
        }

        // §5.1: rawId is the credential id the authenticator attested.
        if (!authData.CredentialId.Span.SequenceEqual(rawId))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.CredentialIdMismatch, "rawId");
        }

        // 7.1 step 21: fmt, matched case-sensitively; policy accepts only none and packed.
        var format = attestationObject.Format;
        if (format is not ("none" or "packed"))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidAttestation, "response.attestationObject");
        }

        // §8.7: a none attestation statement is the empty map.
        if (format == "none" && !attestationObject.AttestationStatementIsEmpty)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidAttestation, "response.attestationObject");
        }

        // 7.1 step 25: verify the credential id is at most 1023 bytes.
        if (authData.CredentialId.Length > MaxCredentialIdLength)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.CredentialIdTooLong, "rawId");
        }

        // 7.1 steps 22–24: the attestation statement, through Fido2NetLib (which repeats steps 7–19 its own way).
        var attestationType = await VerifyAttestationAsync(expected, origin, id, rawId, clientDataJson, attestationObjectBytes, cancellationToken).ConfigureAwait(false);
        if (attestationType.Failure is { } failure)
        {
            return RegistrationResult.Fail(failure, "response.attestationObject");
        }

        // 7.1 step 26: uniqueness is the server's (see CredentialIdIsUniqueHere).
        var registration = new VerifiedRegistration(
            CredentialId: authData.CredentialId.ToArray(),
            CredentialPublicKey: authData.CredentialPublicKey.ToArray(),
            Algorithm: algorithm,
            JwkJson: jwkJson,
            JwkThumbprint: CoseKey.Thumbprint(jwkJson),
            SignCount: authData.SignCount,
            BackupEligible: authData.Has(AuthenticatorDataFlags.BackupEligible),
            BackupState: authData.Has(AuthenticatorDataFlags.BackupState),
            UserVerified: authData.Has(AuthenticatorDataFlags.UserVerified),
            AttestationFormat: format,
            AttestationType: attestationType.Type ?? "none",
            Aaguid: authData.Aaguid,
            Transports: transports,
            AuthenticatorAttachment: attachment,
            IsDiscoverable: isDiscoverable);
        return RegistrationResult.Success(registration);
    }

    /// <summary>7.1 steps 5–10 (and Level 2's tokenBinding step); null when the client data is as expected.</summary>
    private static RegistrationFailureReason? CheckClientData(byte[] clientDataJson, ExpectedRegistration expected, out string origin)
    {
        origin = string.Empty;

        // 7.1 step 5: UTF-8 decode, which strips a leading byte order mark.
        ReadOnlyMemory<byte> text = clientDataJson;
        if (text.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        if (!Utf8.IsValid(text.Span))
        {
            return RegistrationFailureReason.InvalidClientData;
        }

        // 7.1 step 6: parse; duplicate members and deep nesting fail here.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException)
        {
            return RegistrationFailureReason.InvalidClientData;
        }

        using (document)
        {
            var c = document.RootElement;
            if (c.ValueKind != JsonValueKind.Object)
            {
                return RegistrationFailureReason.InvalidClientData;
            }

            // 7.1 step 7: verify C.type is webauthn.create.
            if (!c.TryGetProperty("type", out var type))
            {
                return RegistrationFailureReason.ClientDataType;
            }

            if (type.ValueKind != JsonValueKind.String)
            {
                return RegistrationFailureReason.InvalidClientData;
            }

            if (!type.ValueEquals("webauthn.create"))
            {
                return RegistrationFailureReason.ClientDataType;
            }

            // 7.1 step 8: verify C.challenge is base64url(options.challenge), compared in constant time.
            if (!c.TryGetProperty("challenge", out var challenge))
            {
                return RegistrationFailureReason.ChallengeMismatch;
            }

            if (challenge.ValueKind != JsonValueKind.String)
            {
                return RegistrationFailureReason.InvalidClientData;
            }

            if (!TryGetString(challenge, out var challengeText))
            {
                return RegistrationFailureReason.InvalidClientData;
            }

            var expectedChallenge = Base64UrlEncoding.Encode(expected.Challenge.Span);
            if (!CryptographicOperations.FixedTimeEquals(
                MemoryMarshal.AsBytes(challengeText.AsSpan()),
                MemoryMarshal.AsBytes(expectedChallenge.AsSpan())))
            {
                return RegistrationFailureReason.ChallengeMismatch;
            }

            // 7.1 step 9: verify C.origin is one of the trusted origins.
            // NOTE: compared as exact strings (binding-protocol.md §5). Fido2NetLib folds default ports and
            // drops paths, so "https://x:443" would pass it for "https://x"; here it does not.
            if (!c.TryGetProperty("origin", out var originElement))
            {
                return RegistrationFailureReason.OriginNotAllowed;
            }

            if (originElement.ValueKind != JsonValueKind.String)
            {
                return RegistrationFailureReason.InvalidClientData;
            }

            if (!TryGetString(originElement, out origin))
            {
                return RegistrationFailureReason.InvalidClientData;
            }

            if (!IsTrusted(origin, expected.TrustedOrigins))
            {
                return RegistrationFailureReason.OriginNotAllowed;
            }

            // 7.1 step 10: Passbind's pages are never framed, so crossOrigin must be absent or false and
            // topOrigin absent.
            if (c.TryGetProperty("crossOrigin", out var crossOrigin))
            {
                if (crossOrigin.ValueKind == JsonValueKind.True)
                {
                    return RegistrationFailureReason.CrossOrigin;
                }

                if (crossOrigin.ValueKind != JsonValueKind.False)
                {
                    return RegistrationFailureReason.InvalidClientData;
                }
            }

            if (c.TryGetProperty("topOrigin", out _))
            {
                return RegistrationFailureReason.TopOrigin;
            }

            // Level 2 step 10 (FIDO conformance Resp-2 F-15..F-17): a tokenBinding member must be well formed;
            // Passbind never negotiates Token Binding, so its status cannot be "present".
            if (c.TryGetProperty("tokenBinding", out var tokenBinding)
                && (tokenBinding.ValueKind != JsonValueKind.Object
                    || !tokenBinding.TryGetProperty("status", out var status)
                    || status.ValueKind != JsonValueKind.String
                    || !(status.ValueEquals("supported") || status.ValueEquals("not-supported"))))
            {
                return RegistrationFailureReason.InvalidClientData;
            }
        }

        return null;
    }

    private static bool IsTrusted(string origin, IReadOnlyCollection<string> trustedOrigins)
    {
        foreach (var trusted in trustedOrigins)
        {
            if (string.Equals(origin, trusted, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<(string? Type, RegistrationFailureReason? Failure)> VerifyAttestationAsync(
        ExpectedRegistration expected,
        string origin,
        string id,
        byte[] rawId,
        byte[] clientDataJson,
        byte[] attestationObject,
        CancellationToken cancellationToken)
    {
        var options = new CredentialCreateOptions
        {
            Rp = new PublicKeyCredentialRpEntity(expected.RpId, expected.RpId, null),
            User = new Fido2User { Id = expected.UserHandle.ToArray(), Name = string.Empty, DisplayName = string.Empty },
            Challenge = expected.Challenge.ToArray(),
            PubKeyCredParams = [.. expected.AllowedAlgorithms.Select(alg => new PubKeyCredParam((COSE.Algorithm)alg, PublicKeyCredentialType.PublicKey))],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = expected.UserVerificationRequired ? Fido2UserVerification.Required : Fido2UserVerification.Preferred,
            },
            Attestation = AttestationConveyancePreference.None,
        };

        var raw = new AuthenticatorAttestationRawResponse
        {
            Id = id,
            RawId = rawId,
            Type = PublicKeyCredentialType.PublicKey,
            Response = new AuthenticatorAttestationRawResponse.AttestationResponse
            {
                AttestationObject = attestationObject,
                ClientDataJson = clientDataJson,

                // Transports are reported to the caller as sent; Fido2NetLib's enum would refuse unknown ones.
                Transports = [],
            },
            ClientExtensionResults = new AuthenticationExtensionsClientOutputs(),
        };

        try
        {
            var credential = await GetFido2(expected.RpId, origin).MakeNewCredentialAsync(
                new MakeNewCredentialParams
                {
                    AttestationResponse = raw,
                    OriginalOptions = options,
                    IsCredentialIdUniqueToUserCallback = CredentialIdIsUniqueHere,
                },
                cancellationToken).ConfigureAwait(false);
            return (credential.AttestationType, null);
        }
        catch (Fido2VerificationException ex)
        {
            return (null, MapFido2Error(ex.Code));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // Fido2NetLib parses hostile input; any exception it lets escape is a refused attestation, never a 500.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (null, RegistrationFailureReason.InvalidAttestation);
        }
    }

    /// <summary>
    /// One Fido2 instance per RP ID and origin. Fido2NetLib's own origin check runs on normalised origins, so it
    /// is given only the origin that already matched a trusted origin exactly.
    /// </summary>
    private Fido2 GetFido2(string rpId, string origin)
    {
        if (_fido2Instances.TryGetValue((rpId, origin), out var fido2))
        {
            return fido2;
        }

        fido2 = new Fido2(new Fido2Configuration
        {
            RPID = rpId,
            RPName = rpId,
            Origins = new HashSet<string>(StringComparer.Ordinal) { origin },
        });

        // Bounded: trusted origins are configuration, but do not let a misconfiguration grow the cache forever.
        return _fido2Instances.Count < MaxFido2Instances ? _fido2Instances.GetOrAdd((rpId, origin), fido2) : fido2;
    }

    internal static RegistrationFailureReason MapFido2Error(Fido2ErrorCode code) => code switch
    {
        Fido2ErrorCode.InvalidRpidHash => RegistrationFailureReason.RpIdMismatch,
        Fido2ErrorCode.UserPresentFlagNotSet => RegistrationFailureReason.UserNotPresent,
        Fido2ErrorCode.UserVerificationRequirementNotMet => RegistrationFailureReason.UserNotVerified,
        Fido2ErrorCode.InvalidBackupFlags
            or Fido2ErrorCode.BackupEligibilityRequirementNotMet
            or Fido2ErrorCode.BackupStateRequirementNotMet => RegistrationFailureReason.InvalidBackupFlags,
        Fido2ErrorCode.CredentialAlgorithmRequirementNotMet => RegistrationFailureReason.AlgorithmNotAllowed,
        Fido2ErrorCode.MissingAuthenticatorResponseChallenge
            or Fido2ErrorCode.InvalidAuthenticatorResponseChallenge => RegistrationFailureReason.ChallengeMismatch,
        Fido2ErrorCode.MissingAuthenticatorResponseOrigin
            or Fido2ErrorCode.InvalidAuthenticatorResponseOrigin => RegistrationFailureReason.OriginNotAllowed,
        Fido2ErrorCode.CrossOriginRequestNotAllowed => RegistrationFailureReason.CrossOrigin,
        Fido2ErrorCode.InvalidAuthenticatorResponseTopOrigin => RegistrationFailureReason.TopOrigin,
        Fido2ErrorCode.InvalidAuthenticatorResponse
            or Fido2ErrorCode.MalformedAuthenticatorResponse => RegistrationFailureReason.InvalidClientData,
        Fido2ErrorCode.MissingAuthenticatorData
            or Fido2ErrorCode.InvalidAuthenticatorData
            or Fido2ErrorCode.AttestedCredentialDataFlagNotSet
            or Fido2ErrorCode.InvalidAttestedCredentialData
            or Fido2ErrorCode.MalformedExtensionsDetected
            or Fido2ErrorCode.UnexpectedExtensionsDetected
            or Fido2ErrorCode.UnexpectedExtensions => RegistrationFailureReason.InvalidAuthenticatorData,
        Fido2ErrorCode.InvalidCredentialPublicKey
            or Fido2ErrorCode.UnimplementedAlgorithm => RegistrationFailureReason.InvalidPublicKey,
        Fido2ErrorCode.InvalidAttestationResponse => RegistrationFailureReason.InvalidRequest,
        _ => RegistrationFailureReason.InvalidAttestation,
    };

    private static bool TryGetString(JsonElement obj, string name, out string value)
    {
        if (obj.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            try
            {
                value = element.GetString()!;
                return true;
            }
            catch (InvalidOperationException)
            {
                // A JsonElement parsed by the caller may still hold invalid UTF-8, which surfaces only here.
            }
        }

        value = string.Empty;
        return false;
    }

    private static bool TryGetString(JsonElement element, out string value)
    {
        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }

    private static bool TryReadTransports(JsonElement response, out IReadOnlyList<string> transports)
    {
        transports = [];
        if (!response.TryGetProperty("transports", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() > MaxTransports)
        {
            return false;
        }

        var list = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            if (!TryGetString(item, out var transport))
            {
                return false;
            }

            if (transport.Length > MaxTransportLength)
            {
                return false;
            }

            list.Add(transport);
        }

        transports = list;
        return true;
    }
}
