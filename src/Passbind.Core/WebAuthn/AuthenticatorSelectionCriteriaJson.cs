using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>WebAuthn <c>AuthenticatorSelectionCriteria</c>.</summary>
public sealed record AuthenticatorSelectionCriteriaJson(
    [property: JsonPropertyName("residentKey")] string ResidentKey,
    [property: JsonPropertyName("requireResidentKey")] bool RequireResidentKey,
    [property: JsonPropertyName("userVerification")] UserVerificationRequirement UserVerification);
