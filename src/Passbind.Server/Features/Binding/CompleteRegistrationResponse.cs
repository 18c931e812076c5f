using Passbind.Server.Features.Credentials;

namespace Passbind.Server.Features.Binding;

/// <summary>What an SDK needs to build its <c>Passkey</c> (docs/binding-protocol.md §3).</summary>
internal sealed record CompleteRegistrationResponse(
    CredentialResponse Credential,
    NamedResource Tenant,
    NamedResource Realm,
    BoundIdentity Identity,
    PasskeyTheme Theme,
    string? PostBindingRedirectUri);
