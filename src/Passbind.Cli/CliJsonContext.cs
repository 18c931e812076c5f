using System.Text.Json.Serialization;
using Passbind.Client;
using Passbind.Sdk;

namespace Passbind.Cli;

/// <summary>
/// The JSON that <c>--json</c> prints: the management API's own snake_case names for server objects, and the same
/// convention for the SDK's passkeys, indented, with <see langword="null"/> values left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(Identity))]
[JsonSerializable(typeof(List<Identity>))]
[JsonSerializable(typeof(CreateCredentialBindingJobResponse))]
[JsonSerializable(typeof(CredentialBindingJob))]
[JsonSerializable(typeof(Credential))]
[JsonSerializable(typeof(List<Credential>))]
[JsonSerializable(typeof(BindPasskeyResponse))]
[JsonSerializable(typeof(AuthenticateResponse))]
[JsonSerializable(typeof(Passkey))]
[JsonSerializable(typeof(List<Passkey>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
