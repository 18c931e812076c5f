using System.Text.Json;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// Verifies a WebAuthn Level 3 <c>AuthenticationResponseJSON</c> against the server-stored
/// <see cref="ExpectedAssertion"/> (L3 §7.2): the checks it shares with registration, the credential record's
/// rules (allowCredentials, user handle, BE, sign count), and the signature through Fido2NetLib. Every
/// malformed or refused input yields an <see cref="AuthenticationFailure"/>; nothing a client sends makes it throw.
/// </summary>
/// <remarks>
/// Thread-safe; create one and share it (register it as a singleton). The server finds the credential record
/// by <see cref="TryReadCredentialId"/> first, and updates it from the <see cref="VerifiedAssertion"/> only
/// after every check of its own has passed (§7.2 step 23).
/// </remarks>
public sealed class AuthenticationVerifier
{
    /// <summary>The largest AuthenticationResponseJSON accepted, in UTF-8 bytes.</summary>
    public const int MaxResponseJsonBytes = CredentialJson.MaxResponseJsonBytes;

    private const int MaxAuthenticatorDataBytes = 16 * 1024;

    // An RS256 signature is as long as its modulus, at most 8192 bits; an ES256 DER signature is at most 72 bytes.
    private const int MaxSignatureBytes = 1024;

    private readonly Fido2Adapter _fido2 = new();

    /// <summary>Verifies an AuthenticationResponseJSON given as UTF-8 JSON.</summary>
    /// <exception cref="ArgumentException"><paramref name="expected"/> is inconsistent (a server bug, not client input).</exception>
    public async Task<AuthenticationResult> VerifyAsync(ExpectedAssertion expected, ReadOnlyMemory<byte> authenticationResponseJson, CancellationToken cancellationToken = default)
    {
        ValidateExpected(expected);
        if (!CredentialJson.TryParse(authenticationResponseJson, out var document))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.InvalidRequest, "credential");
        }

        using (document)
        {
            return await VerifyCoreAsync(expected, document.RootElement, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Verifies an AuthenticationResponseJSON already parsed, such as the <c>credential</c> member of a request body.</summary>
    /// <exception cref="ArgumentException"><paramref name="expected"/> is inconsistent (a server bug, not client input).</exception>
    public Task<AuthenticationResult> VerifyAsync(ExpectedAssertion expected, JsonElement authenticationResponse, CancellationToken cancellationToken = default)
    {
        ValidateExpected(expected);
        return VerifyCoreAsync(expected, authenticationResponse, cancellationToken);
    }

    /// <summary>
    /// Reads the credential id (<c>rawId</c>) of an AuthenticationResponseJSON, so that the server can find the
    /// credential record to verify it against. Nothing is verified yet.
    /// </summary>
    /// <returns>False when <c>rawId</c> is missing, not canonical base64url, empty, or longer than a credential id can be.</returns>
    public static bool TryReadCredentialId(JsonElement authenticationResponse, out byte[] credentialId)
    {
        credentialId = [];
        return authenticationResponse.ValueKind == JsonValueKind.Object
            && CredentialJson.TryGetBinary(authenticationResponse, "rawId", RegistrationVerifier.MaxCredentialIdLength, out credentialId);
    }

    private static void ValidateExpected(ExpectedAssertion expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentException.ThrowIfNullOrEmpty(expected.RpId);
        ArgumentNullException.ThrowIfNull(expected.TrustedOrigins);
        ArgumentNullException.ThrowIfNull(expected.AllowCredentialIds);
        ArgumentNullException.ThrowIfNull(expected.Credential);
        if (expected.Challenge.IsEmpty)
        {
            throw new ArgumentException("The expected challenge is empty.", nameof(expected));
        }

        if (expected.Credential.Id.IsEmpty || expected.Credential.PublicKey.IsEmpty)
        {
            throw new ArgumentException("The credential record has no id or no public key.", nameof(expected));
        }

        if (expected.Credential.UserHandle.Length is 0 or > RegistrationOptionsFactory.MaxUserHandleSize)
        {
            throw new ArgumentException("A user handle is 1 to 64 bytes.", nameof(expected));
        }
    }

    private async Task<AuthenticationResult> VerifyCoreAsync(ExpectedAssertion expected, JsonElement credential, CancellationToken cancellationToken)
    {
        // 7.2 step 3 and §5.1: the response is a PublicKeyCredential whose id is base64url(rawId).
        if (CredentialJson.ReadEnvelope(credential, out var id, out var rawId, out var response) is { } envelopeFailure)
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.InvalidRequest, envelopeFailure.Field);
        }

        // 7.2 step 7: cData, authData and sig.
        if (!CredentialJson.TryGetBinary(response, "clientDataJSON", CredentialJson.MaxClientDataJsonBytes, out var clientDataJson))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.InvalidRequest, "response.clientDataJSON");
        }

        if (!CredentialJson.TryGetBinary(response, "authenticatorData", MaxAuthenticatorDataBytes, out var authenticatorData))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.InvalidRequest, "response.authenticatorData");
        }

        if (!CredentialJson.TryGetBinary(response, "signature", MaxSignatureBytes, out var signature))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.InvalidRequest, "response.signature");
        }

        if (!TryReadUserHandle(response, out var userHandle))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.InvalidRequest, "response.userHandle");
        }

        // 7.2 step 4: client extension results are read for their shape only; Passbind requests no extension.
        if (!CredentialJson.TryGetAttachment(credential, out _))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.InvalidRequest, "authenticatorAttachment");
        }

        if (!CredentialJson.TryGetExtensionResults(credential, out _))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.InvalidRequest, "clientExtensionResults");
        }

        // 7.2 step 5: when allowCredentials was given, credential.id is one of them.
        if (expected.AllowCredentialIds.Count != 0 && !expected.AllowCredentialIds.Any(allowed => allowed.Span.SequenceEqual(rawId)))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.CredentialNotAllowed, "id");
        }

        // 7.2 step 6: the credential record is the one whose id is credential.rawId ...
        if (!expected.Credential.Id.Span.SequenceEqual(rawId))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.CredentialNotAllowed, "id");
        }

        // ... a userHandle, when present, names its owner, and without allowCredentials (the user was not
        // identified beforehand) it must be present.
        if (userHandle is null
            ? expected.AllowCredentialIds.Count == 0
            : !expected.Credential.UserHandle.Span.SequenceEqual(userHandle))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.CredentialNotAllowed, "response.userHandle");
        }

        // 7.2 steps 8–13: the client data.
        if (ClientDataChecks.Verify(clientDataJson, ClientDataType.Get, expected.Challenge, expected.TrustedOrigins, out var origin) is { } clientDataFailure)
        {
            return AuthenticationResult.Fail(FailureMapping.ToAuthentication(clientDataFailure), "response.clientDataJSON");
        }

        // NOTE: an assertion never carries attested credential data (§6.1: AT is for attestation); one that
        // does is not what Passbind asked for.
        var authData = ParsedAuthenticatorData.TryParse(authenticatorData);
        if (authData is null || authData.Has(AuthenticatorDataFlags.AttestedCredentialData))
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.InvalidAuthenticatorData, "response.authenticatorData");
        }

        // 7.2 steps 14–17: rpIdHash, UP, UV, BS only with BE.
        if (AuthenticatorDataChecks.Verify(authData, expected.RpId, expected.UserVerificationRequired) is { } authDataFailure)
        {
            return AuthenticationResult.Fail(FailureMapping.ToAuthentication(authDataFailure), "response.authenticatorData");
        }

        // 7.2 step 18: BE never changes for a credential (catalogue #50); BS may, and is reported.
        var backupEligible = authData.Has(AuthenticatorDataFlags.BackupEligible);
        if (backupEligible != expected.Credential.BackupEligible)
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.InvalidBackupFlags, "response.authenticatorData");
        }

        // 7.2 step 19: authenticator extension outputs are well formed (checked by the parser) and ignored.

        // 7.2 steps 20–21: the signature over authData || SHA-256(cData), with the stored key, through Fido2NetLib.
        if (await _fido2.VerifyAssertionAsync(expected, origin, id, rawId, clientDataJson, authenticatorData, signature, userHandle, cancellationToken).ConfigureAwait(false) is { } fido2Error)
        {
            var reason = FailureMapping.ToAuthentication(fido2Error);
            return AuthenticationResult.Fail(reason, reason == AuthenticationFailureReason.SignCountRegressed ? "response.authenticatorData" : "response.signature");
        }

        // 7.2 step 22: if either counter is non-zero, the new one must be greater (catalogue #47, #48).
        // NOTE: Passbind fails the ceremony rather than accepting and flagging, and also when a non-zero stored
        // count meets a zero one, which Fido2NetLib lets through (catalogue §0.1, #48). Both counters zero is
        // an authenticator without a counter and passes (#49).
        if ((authData.SignCount != 0 || expected.Credential.SignCount != 0) && authData.SignCount <= expected.Credential.SignCount)
        {
            return AuthenticationResult.Fail(AuthenticationFailureReason.SignCountRegressed, "response.authenticatorData");
        }

        var backupState = authData.Has(AuthenticatorDataFlags.BackupState);
        return AuthenticationResult.Success(new VerifiedAssertion(
            CredentialId: expected.Credential.Id,
            SignCount: authData.SignCount,
            UserVerified: authData.Has(AuthenticatorDataFlags.UserVerified),
            BackupEligible: backupEligible,
            BackupState: backupState,
            BackupStateChanged: backupState != expected.Credential.BackupState));
    }

    /// <summary>Absent or null gives null; otherwise canonical base64url of at most 64 bytes (an empty one is kept, to fail step 6).</summary>
    private static bool TryReadUserHandle(JsonElement response, out byte[]? userHandle)
    {
        userHandle = null;
        if (!response.TryGetProperty("userHandle", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String
            || !CredentialJson.TryGetString(element, out var text)
            || !Base64UrlEncoding.TryDecode(text, RegistrationOptionsFactory.MaxUserHandleSize, out var bytes))
        {
            return false;
        }

        userHandle = bytes;
        return true;
    }
}
