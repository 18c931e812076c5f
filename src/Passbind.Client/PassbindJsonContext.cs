using System.Text.Json.Serialization;

namespace Passbind.Client;

/// <summary>
/// Source-generated JSON for the wire records: snake_case names as in the v1 API, and <see langword="null"/> values
/// left out of requests (so a PATCH carries only what it changes).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BootstrapFile))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(Tenant))]
[JsonSerializable(typeof(UpdateTenantRequest))]
[JsonSerializable(typeof(Realm))]
[JsonSerializable(typeof(CreateRealmRequest))]
[JsonSerializable(typeof(UpdateRealmRequest))]
[JsonSerializable(typeof(ListRealmsResponse))]
[JsonSerializable(typeof(Identity))]
[JsonSerializable(typeof(CreateIdentityRequest))]
[JsonSerializable(typeof(UpdateIdentityRequest))]
[JsonSerializable(typeof(ListIdentitiesResponse))]
[JsonSerializable(typeof(AuthenticatorConfig))]
[JsonSerializable(typeof(CreateAuthenticatorConfigRequest))]
[JsonSerializable(typeof(UpdateAuthenticatorConfigRequest))]
[JsonSerializable(typeof(ListAuthenticatorConfigsResponse))]
[JsonSerializable(typeof(CredentialBindingJob))]
[JsonSerializable(typeof(CreateCredentialBindingJobRequest))]
[JsonSerializable(typeof(CreateCredentialBindingJobResponse))]
[JsonSerializable(typeof(ListCredentialBindingJobsResponse))]
[JsonSerializable(typeof(Credential))]
[JsonSerializable(typeof(ListCredentialsResponse))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(CreateApplicationRequest))]
[JsonSerializable(typeof(UpdateApplicationRequest))]
[JsonSerializable(typeof(ListApplicationsResponse))]
[JsonSerializable(typeof(RotateSecretRequest))]
internal sealed partial class PassbindJsonContext : JsonSerializerContext
{
}
