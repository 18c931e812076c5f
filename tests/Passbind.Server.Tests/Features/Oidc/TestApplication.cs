using System.Text.Json;

namespace Passbind.Server.Tests.Features.Oidc;

/// <summary>An application a test created, with its secret (null for a public client) and its issuer path.</summary>
public sealed record TestApplication(string Id, string ClientId, string? ClientSecret, string Path, JsonElement Created)
{
    public (string Id, string Secret)? Basic => ClientSecret is null ? null : (ClientId, ClientSecret);
}
