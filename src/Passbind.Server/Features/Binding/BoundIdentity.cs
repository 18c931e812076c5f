namespace Passbind.Server.Features.Binding;

internal sealed record BoundIdentity(string Id, string Username, string DisplayName, string? PrimaryEmailAddress, string? ExternalId);
