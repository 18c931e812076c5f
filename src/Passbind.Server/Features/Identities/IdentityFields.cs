namespace Passbind.Server.Features.Identities;

/// <summary>The writable fields of an identity; read-only ones a client sends are ignored, as the spec says.</summary>
internal sealed record IdentityFields(string? DisplayName, string? Status, TraitsFields? Traits);
