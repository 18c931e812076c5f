using System.Text.Json.Serialization;

namespace Passbind.Sdk.Storage;

/// <summary>Source-generated JSON for the store's files. <see cref="Passkey"/> is written in camelCase, like the JS type.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PasskeyFile))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
