using Passbind.Core.WebAuthn;

namespace Passbind.Core.Tests.WebAuthn;

public sealed class AuthenticationFailureReasonExtensionsTests
{
    [Fact]
    public void ToCode_EveryReason_IsTheSignInProtocolCode()
    {
        // The authentication_failed reasons of the sign-in protocol, plus challenge_mismatch, origin_not_allowed
        // and invalid_request, which the server answers with codes of their own.
        string[] expected =
        [
            "invalid_request", "invalid_client_data", "client_data_type", "challenge_mismatch", "origin_not_allowed",
            "cross_origin", "top_origin", "rp_id_mismatch", "user_not_present", "user_not_verified",
            "invalid_backup_flags", "invalid_signature", "sign_count_regressed", "credential_not_allowed",
            "invalid_authenticator_data",
        ];

        var codes = Enum.GetValues<AuthenticationFailureReason>().Select(r => r.ToCode()).ToArray();

        Assert.Equal(expected.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }
}
