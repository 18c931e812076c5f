using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passbind.Server.Features.Identities;

/// <summary>The body of a create or patch: <c>{"identity": {...}}</c>.</summary>
internal sealed record IdentityRequest(IdentityFields? Identity);

/// <summary>The writable fields of an identity; read-only ones a client sends are ignored, as the spec says.</summary>
internal sealed record IdentityFields(string? DisplayName, string? Status, TraitsFields? Traits);

/// <summary><c>traits</c>: a <c>type</c> discriminator and string values, checked key by key.</summary>
internal sealed class TraitsFields
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Values { get; init; }
}
