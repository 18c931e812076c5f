using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passbind.Bench.Server;

/// <summary>The fields of <c>bootstrap.json</c> (product.md fixed point 3) the driver needs.</summary>
internal sealed record Bootstrap(
    [property: JsonPropertyName("api_base_url")] string ApiBaseUrl,
    [property: JsonPropertyName("auth_base_url")] string AuthBaseUrl,
    [property: JsonPropertyName("tenant_id")] string TenantId,
    [property: JsonPropertyName("realm_id")] string RealmId,
    [property: JsonPropertyName("authenticator_config_id")] string AuthenticatorConfigId,
    [property: JsonPropertyName("api_token")] string ApiToken)
{
    public static async Task<Bootstrap> ReadAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(dataDirectory, "bootstrap.json"));
        return await JsonSerializer.DeserializeAsync<Bootstrap>(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("bootstrap.json is empty");
    }
}
