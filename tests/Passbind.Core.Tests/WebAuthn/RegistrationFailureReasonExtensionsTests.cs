using Passbind.Core.WebAuthn;

namespace Passbind.Core.Tests.WebAuthn;

public sealed class RegistrationFailureReasonExtensionsTests
{
    [Fact]
    public void ToCode_EveryReason_IsTheBindingProtocolCode()
    {
        // docs/binding-protocol.md §4, plus challenge_mismatch, origin_not_allowed and invalid_request.
        string[] expected =
        [
            "invalid_request", "invalid_client_data", "client_data_type", "challenge_mismatch", "origin_not_allowed",
            "cross_origin", "top_origin", "rp_id_mismatch", "user_not_present", "user_not_verified",
            "invalid_backup_flags", "algorithm_not_allowed", "invalid_attestation", "credential_id_mismatch",
            "credential_id_too_long", "invalid_authenticator_data", "invalid_public_key",
        ];

        var codes = Enum.GetValues<RegistrationFailureReason>().Select(r => r.ToCode()).ToArray();

        Assert.Equal(expected.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }
}
