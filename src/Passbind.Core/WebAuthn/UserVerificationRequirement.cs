using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>WebAuthn's <c>UserVerificationRequirement</c>, written as its spec string.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UserVerificationRequirement>))]
public enum UserVerificationRequirement
{
    [JsonStringEnumMemberName("preferred")]
    Preferred,

    [JsonStringEnumMemberName("required")]
    Required,

    [JsonStringEnumMemberName("discouraged")]
    Discouraged,
}
