using Passbind.Core.WebAuthn;
using Passbind.Server.Http;

namespace Passbind.Server.Features.Binding;

/// <summary>The binding ceremony's part of the error catalogue (docs/binding-protocol.md §4).</summary>
internal static class BindingErrors
{
    public const string LinkConsumedCode = "link_consumed";
    public const string LinkExpiredCode = "link_expired";
    public const string LinkRevokedCode = "link_revoked";

    public static ApiError LinkNotFound() => ApiError.Protocol(404, "link_not_found", "binding link not found");

    public static ApiError LinkConsumed() => ApiError.Protocol(410, LinkConsumedCode, "a passkey was already bound with this link");

    public static ApiError LinkExpired() => ApiError.Protocol(410, LinkExpiredCode, "this binding link has expired");

    public static ApiError LinkRevoked() => ApiError.Protocol(410, LinkRevokedCode, "this binding link was revoked");

    public static ApiError KeyTypeNotAllowed(string keyType) =>
        ApiError.Protocol(403, "key_type_not_allowed", $"the authenticator config does not allow {keyType} passkeys");

    public static ApiError ChallengeExpired() => ApiError.Protocol(400, "challenge_expired", "the challenge has expired; request new options");

    public static ApiError PasskeyLimitReached(int limit) =>
        ApiError.Protocol(409, "passkey_limit_reached", $"this identity already has {limit} passkeys, the most it may have");

    public static ApiError CredentialExists() => ApiError.Protocol(409, "credential_exists", "this credential is already registered");

    /// <summary>A malformed binding ceremony request, under the protocol's code.</summary>
    public static ApiError Malformed(ApiError error) => error.Code == "bad_request" ? error.WithCode("invalid_request") : error;

    public static ApiError From(RegistrationFailure failure) => failure.Reason switch
    {
        RegistrationFailureReason.InvalidRequest => Malformed(ApiError.InvalidField(failure.Field.StartsWith("credential", StringComparison.Ordinal) ? failure.Field : $"credential.{failure.Field}", "malformed RegistrationResponseJSON")),
        RegistrationFailureReason.ChallengeMismatch => ApiError.Protocol(400, "challenge_not_found", "the challenge was not issued for this link"),
        RegistrationFailureReason.OriginNotAllowed => ApiError.Protocol(403, "origin_not_allowed", "the origin is not trusted by the authenticator config"),
        _ => ApiError.Protocol(400, "registration_failed", $"registration failed: {failure.Code}", failure.Code),
    };
}
