using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passbind.Server.Features.Identities;

/// <summary><c>traits</c>: a <c>type</c> discriminator and string values, checked key by key.</summary>
internal sealed class TraitsFields
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Values { get; init; }
}
