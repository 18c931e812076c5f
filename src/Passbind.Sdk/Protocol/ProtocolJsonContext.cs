using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>Source-generated JSON for the binding and sign-in protocols' messages.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RegistrationOptionsRequest))]
[JsonSerializable(typeof(RegistrationOptionsResponse))]
[JsonSerializable(typeof(CompleteRegistrationRequest))]
[JsonSerializable(typeof(CompleteRegistrationResponse))]
[JsonSerializable(typeof(TransactionRequest))]
[JsonSerializable(typeof(AuthenticationContextResponse))]
[JsonSerializable(typeof(AuthenticationOptionsRequest))]
[JsonSerializable(typeof(AuthenticationOptionsResponse))]
[JsonSerializable(typeof(CompleteAuthenticationRequest))]
[JsonSerializable(typeof(CompleteAuthenticationResponse))]
[JsonSerializable(typeof(AuthenticateOtpRequest))]
[JsonSerializable(typeof(AuthenticateOtpUrlResponse))]
[JsonSerializable(typeof(RedeemOtpRequest))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
