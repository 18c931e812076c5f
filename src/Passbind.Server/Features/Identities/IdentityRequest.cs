namespace Passbind.Server.Features.Identities;

/// <summary>The body of a create or patch: <c>{"identity": {...}}</c>.</summary>
internal sealed record IdentityRequest(IdentityFields? Identity);
