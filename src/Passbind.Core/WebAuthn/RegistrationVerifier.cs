using System.Text.Json;

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
    public const int MaxResponseJsonBytes = CredentialJson.MaxResponseJsonBytes;

    /// <summary>WebAuthn §7.1 step 25: a credential id is at most 1023 bytes.</summary>
    public const int MaxCredentialIdLength = 1023;

    private const int MaxAttestationObjectBytes = 64 * 1024;
    private const int MaxTransports = 16;
    private const int MaxTransportLength = 64;

    private readonly Fido2Adapter _fido2 = new();

    /// <summary>Verifies a RegistrationResponseJSON given as UTF-8 JSON.</summary>
    /// <exception cref="ArgumentException"><paramref name="expected"/> is inconsistent (a server bug, not client input).</exception>
    public async Task<RegistrationResult> VerifyAsync(ExpectedRegistration expected, ReadOnlyMemory<byte> registrationResponseJson, CancellationToken cancellationToken = default)
    {
        ValidateExpected(expected);
        if (!CredentialJson.TryParse(registrationResponseJson, out var document))
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
        if (CredentialJson.ReadEnvelope(credential, out var id, out var rawId, out var response) is { } envelopeFailure)
        {
            return RegistrationResult.Fail(
                envelopeFailure.IdMismatch ? RegistrationFailureReason.CredentialIdMismatch : RegistrationFailureReason.InvalidRequest,
                envelopeFailure.Field);
        }

        if (!CredentialJson.TryGetBinary(response, "clientDataJSON", CredentialJson.MaxClientDataJsonBytes, out var clientDataJson))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "response.clientDataJSON");
        }

        if (!CredentialJson.TryGetBinary(response, "attestationObject", MaxAttestationObjectBytes, out var attestationObjectBytes))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "response.attestationObject");
        }

        if (!TryReadTransports(response, out var transports))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "response.transports");
        }

        if (!CredentialJson.TryGetAttachment(credential, out var attachment))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "authenticatorAttachment");
        }

        if (!CredentialJson.TryGetExtensionResults(credential, out var extensionResults))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidRequest, "clientExtensionResults");
        }

        // 7.1 steps 5–10: the client data.
        if (ClientDataChecks.Verify(clientDataJson, ClientDataType.Create, expected.Challenge, expected.TrustedOrigins, out var origin) is { } clientDataFailure)
        {
            return RegistrationResult.Fail(FailureMapping.ToRegistration(clientDataFailure), "response.clientDataJSON");
        }

        // 7.1 step 11: hash = SHA-256(clientDataJSON); Fido2NetLib computes it for the attestation signature.

        // 7.1 step 12: CBOR-decode the attestation object into fmt, authData and attStmt.
        var attestationObject = ParsedAttestationObject.TryParse(attestationObjectBytes);
        if (attestationObject is null)
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidAttestation, "response.attestationObject");
        }

        // A registration must carry the new credential: AT set and attested credential data present.
        var authData = ParsedAuthenticatorData.TryParse(attestationObject.AuthData);
        if (authData is null || !authData.Has(AuthenticatorDataFlags.AttestedCredentialData))
        {
            return RegistrationResult.Fail(RegistrationFailureReason.InvalidAuthenticatorData, "response.attestationObject");
        }

        // 7.1 steps 13–16: rpIdHash, UP, UV, BS only with BE.
        if (AuthenticatorDataChecks.Verify(authData, expected.RpId, expected.UserVerificationRequired) is { } authDataFailure)
        {
            return RegistrationResult.Fail(FailureMapping.ToRegistration(authDataFailure), "response.attestationObject");
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
        var (attestationType, fido2Error) = await _fido2.VerifyAttestationAsync(expected, origin, id, rawId, clientDataJson, attestationObjectBytes, cancellationToken).ConfigureAwait(false);
        if (fido2Error is { } error)
        {
            return RegistrationResult.Fail(FailureMapping.ToRegistration(error), "response.attestationObject");
        }

        // 7.1 step 26: uniqueness is the server's (see Fido2Adapter).
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
            AttestationType: attestationType ?? "none",
            Aaguid: authData.Aaguid,
            Transports: transports,
            AuthenticatorAttachment: attachment,
            IsDiscoverable: ReadCredPropsRk(extensionResults));
        return RegistrationResult.Success(registration);
    }

    /// <summary><c>clientExtensionResults.credProps.rk</c>, if the client reported it as a boolean.</summary>
    private static bool? ReadCredPropsRk(JsonElement? extensionResults) =>
        extensionResults is { } results
        && results.TryGetProperty("credProps", out var credProps)
        && credProps.ValueKind == JsonValueKind.Object
        && credProps.TryGetProperty("rk", out var rk)
        && rk.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? rk.GetBoolean()
            : null;

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
            if (item.ValueKind != JsonValueKind.String || !CredentialJson.TryGetString(item, out var transport) || transport.Length > MaxTransportLength)
            {
                return false;
            }

            list.Add(transport);
        }

        transports = list;
        return true;
    }
}
