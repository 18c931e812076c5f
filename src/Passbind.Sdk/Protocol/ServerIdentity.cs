using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The identity as <c>:completeRegistration</c> answers it.</summary>
internal sealed record ServerIdentity(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("primary_email_address")] string? PrimaryEmailAddress,
    [property: JsonPropertyName("external_id")] string? ExternalId);
