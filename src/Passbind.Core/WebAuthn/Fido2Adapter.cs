using System.Collections.Concurrent;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Fido2UserVerification = Fido2NetLib.Objects.UserVerificationRequirement;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// Passbind's one way into Fido2NetLib: it verifies attestation statements and assertion signatures (and
/// repeats the checks Passbind already made, its own way). Every failure comes back as a
/// <see cref="Fido2ErrorCode"/>; nothing Fido2NetLib throws on hostile input escapes.
/// </summary>
/// <remarks>Thread-safe; it caches one Fido2 instance per RP ID and trusted origin.</remarks>
internal sealed class Fido2Adapter
{
    private const int MaxFido2Instances = 1024;

    // NOTE: credential-id uniqueness (§7.1 step 26) is enforced by the server's database unique index,
    // across every tenant, atomically with storing the credential; a lookup here would race it.
    private static readonly IsCredentialIdUniqueToUserAsyncDelegate CredentialIdIsUniqueHere = static (_, _) => Task.FromResult(true);

    // The user handle was already compared with the credential record (§7.2 step 6) before Fido2NetLib runs.
    private static readonly IsUserHandleOwnerOfCredentialIdAsync UserHandleAlreadyChecked = static (_, _) => Task.FromResult(true);

    private readonly ConcurrentDictionary<(string RpId, string Origin), Fido2> _instances = new();

    /// <summary>7.1 steps 22–24: verifies the attestation statement; on success, the attestation type Fido2NetLib reports.</summary>
    public async Task<(string? AttestationType, Fido2ErrorCode? Error)> VerifyAttestationAsync(
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

        var fido2 = GetFido2(expected.RpId, origin);
        var (credential, error) = await RunAsync(() => fido2.MakeNewCredentialAsync(
            new MakeNewCredentialParams
            {
                AttestationResponse = raw,
                OriginalOptions = options,
                IsCredentialIdUniqueToUserCallback = CredentialIdIsUniqueHere,
            },
            cancellationToken)).ConfigureAwait(false);
        return (credential?.AttestationType, error);
    }

    /// <summary>7.2 steps 20–22: verifies the assertion signature with the stored key; null when it verifies.</summary>
    public async Task<Fido2ErrorCode?> VerifyAssertionAsync(
        ExpectedAssertion expected,
        string origin,
        string id,
        byte[] rawId,
        byte[] clientDataJson,
        byte[] authenticatorData,
        byte[] signature,
        byte[]? userHandle,
        CancellationToken cancellationToken)
    {
        var options = new AssertionOptions
        {
            Challenge = expected.Challenge.ToArray(),
            RpId = expected.RpId,

            // allowCredentials was checked before (§7.2 step 5).
            AllowCredentials = [],
            UserVerification = expected.UserVerificationRequired ? Fido2UserVerification.Required : Fido2UserVerification.Preferred,
        };

        var raw = new AuthenticatorAssertionRawResponse
        {
            Id = id,
            RawId = rawId,
            Type = PublicKeyCredentialType.PublicKey,
            Response = new AuthenticatorAssertionRawResponse.AssertionResponse
            {
                AuthenticatorData = authenticatorData,
                Signature = signature,
                ClientDataJson = clientDataJson,
                UserHandle = userHandle,
            },

            // Passbind offers no extensions, so none (appid included) may change what is verified.
            ClientExtensionResults = new AuthenticationExtensionsClientOutputs(),
        };

        var fido2 = GetFido2(expected.RpId, origin);
        var (_, error) = await RunAsync(() => fido2.MakeAssertionAsync(
            new MakeAssertionParams
            {
                AssertionResponse = raw,
                OriginalOptions = options,
                StoredPublicKey = expected.Credential.PublicKey.ToArray(),
                StoredSignatureCounter = expected.Credential.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = UserHandleAlreadyChecked,
            },
            cancellationToken)).ConfigureAwait(false);
        return error;
    }

    /// <summary>Runs one Fido2NetLib verification; its verdict is the result or an error code, and only cancellation throws.</summary>
    private static async Task<(T? Result, Fido2ErrorCode? Error)> RunAsync<T>(Func<Task<T>> verify)
        where T : class
    {
        try
        {
            return (await verify().ConfigureAwait(false), null);
        }
        catch (Fido2VerificationException ex)
        {
            return (null, ex.Code);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // Fido2NetLib parses hostile input; any exception it lets escape is a refused response, never a 500.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (null, Fido2ErrorCode.Unknown);
        }
    }

    /// <summary>
    /// One Fido2 instance per RP ID and origin. Fido2NetLib's own origin check runs on normalised origins, so it
    /// is given only the origin that already matched a trusted origin exactly.
    /// </summary>
    private Fido2 GetFido2(string rpId, string origin)
    {
        if (_instances.TryGetValue((rpId, origin), out var fido2))
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
        return _instances.Count < MaxFido2Instances ? _instances.GetOrAdd((rpId, origin), fido2) : fido2;
    }
}
