using Passbind.Server.Features.Binding;
using Passbind.Server.Http;

namespace Passbind.Server.Features.SignIn;

/// <summary>The sign-in transaction's part of the error catalogue (docs/sign-in-protocol.md §7).</summary>
internal static class SignInErrors
{
    public const string TransactionCompletedCode = "transaction_completed";
    public const string TransactionExpiredCode = "transaction_expired";

    /// <summary>A bad, foreign or expired-beyond-recognition request JWT, or an unknown transaction: all look the same.</summary>
    public static ApiError TransactionNotFound() => ApiError.Protocol(404, "transaction_not_found", "sign-in transaction not found");

    public static ApiError TransactionExpired() => ApiError.Protocol(410, TransactionExpiredCode, "this sign-in has expired; start again at the application");

    public static ApiError TransactionCompleted() => ApiError.Protocol(410, TransactionCompletedCode, "this sign-in is already complete");

    public static ApiError KeyTypeNotAllowed(string keyType) =>
        ApiError.Protocol(403, "key_type_not_allowed", $"the authenticator config does not allow {keyType} sign-in");

    public static ApiError OriginNotAllowed() => ApiError.Protocol(403, "origin_not_allowed", "the origin is not trusted by the authenticator config");

    public static ApiError ChallengeNotFound() => ApiError.Protocol(400, "challenge_not_found", "the challenge was not issued for this sign-in, or was already used");

    public static ApiError ChallengeExpired() => ApiError.Protocol(400, "challenge_expired", "the challenge has expired; request new options");

    /// <summary>A refused assertion; <paramref name="reason"/> names the failed check (docs/sign-in-protocol.md §7).</summary>
    public static ApiError AuthenticationFailed(string reason) =>
        ApiError.Protocol(400, "authentication_failed", "the passkey could not be verified", reason);

    public static ApiError OtpInvalid() => ApiError.Protocol(400, "otp_invalid", "the code is not right; check it and try again");

    public static ApiError OtpExpired() => ApiError.Protocol(410, "otp_expired", "the code has expired, was used, or had too many wrong tries; request a new one");

    public static ApiError RateLimited() => ApiError.Protocol(429, "rate_limited", "a code was sent a moment ago; wait before asking for another");

    /// <summary>A malformed request naming its field, under the protocol's code <c>invalid_request</c>.</summary>
    public static ApiError InvalidField(string field, string description) => BindingErrors.Malformed(ApiError.InvalidField(field, description));
}
