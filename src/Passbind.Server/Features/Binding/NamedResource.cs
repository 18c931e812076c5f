namespace Passbind.Server.Features.Binding;

internal sealed record NamedResource(string Id, string DisplayName);
