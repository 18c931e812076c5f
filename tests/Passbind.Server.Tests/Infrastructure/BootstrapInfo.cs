using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passbind.Server.Tests.Infrastructure;

/// <summary><c>{DataDirectory}/bootstrap.json</c> as product.md fixed point 3 defines it, read independently of the server's own type.</summary>
public sealed record BootstrapInfo(
    [property: JsonPropertyName("api_base_url")] string ApiBaseUrl,
    [property: JsonPropertyName("auth_base_url")] string AuthBaseUrl,
    [property: JsonPropertyName("tenant_id")] string TenantId,
    [property: JsonPropertyName("realm_id")] string RealmId,
    [property: JsonPropertyName("authenticator_config_id")] string AuthenticatorConfigId,
    [property: JsonPropertyName("management_application_id")] string ManagementApplicationId,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("api_token")] string ApiToken)
{
    public const string FileName = "bootstrap.json";

    public string RealmPath => $"/v1/tenants/{TenantId}/realms/{RealmId}";

    public string TokenPath => $"{RealmPath}/applications/{ManagementApplicationId}/token";

    public static BootstrapInfo Read(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        return JsonSerializer.Deserialize<BootstrapInfo>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty.");
    }
}
