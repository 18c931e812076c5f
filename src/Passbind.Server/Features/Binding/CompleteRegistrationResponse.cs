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

internal sealed record NamedResource(string Id, string DisplayName);

internal sealed record BoundIdentity(string Id, string Username, string DisplayName, string? PrimaryEmailAddress, string? ExternalId);

internal sealed record PasskeyTheme(string? LogoUrlLight, string? LogoUrlDark, string? SupportUrl);
