using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The answer of <c>:completeRegistration</c> (binding-protocol.md §3).</summary>
internal sealed record CompleteRegistrationResponse(
    [property: JsonPropertyName("credential")] ServerCredential? Credential,
    [property: JsonPropertyName("tenant")] ServerNamedResource? Tenant,
    [property: JsonPropertyName("realm")] ServerNamedResource? Realm,
    [property: JsonPropertyName("identity")] ServerIdentity? Identity,
    [property: JsonPropertyName("theme")] ServerTheme? Theme,
    [property: JsonPropertyName("post_binding_redirect_uri")] string? PostBindingRedirectUri);
