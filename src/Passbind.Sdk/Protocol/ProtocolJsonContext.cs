using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>Source-generated JSON for the binding protocol's messages.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RegistrationOptionsRequest))]
[JsonSerializable(typeof(RegistrationOptionsResponse))]
[JsonSerializable(typeof(CompleteRegistrationRequest))]
[JsonSerializable(typeof(CompleteRegistrationResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
