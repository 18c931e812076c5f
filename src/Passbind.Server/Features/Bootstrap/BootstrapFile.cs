using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passbind.Server.Features.Bootstrap;

/// <summary>
/// <c>{DataDirectory}/bootstrap.json</c>: everything an operator or a test needs to call the API of the tenant
/// made at first start (product.md, fixed point 3). It holds secrets, so only the server's user may read it.
/// </summary>
internal sealed record BootstrapFile(
    [property: JsonPropertyName("api_base_url")] string ApiBaseUrl,
    [property: JsonPropertyName("auth_base_url")] string AuthBaseUrl,
    [property: JsonPropertyName("tenant_id")] string TenantId,
    [property: JsonPropertyName("realm_id")] string RealmId,
    [property: JsonPropertyName("authenticator_config_id")] string AuthenticatorConfigId,
    [property: JsonPropertyName("management_application_id")] string ManagementApplicationId,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("api_token")] string ApiToken,
    [property: JsonPropertyName("api_token_expire_time")] DateTimeOffset ApiTokenExpireTime)
{
    /// <summary>The admin console (product.md, fixed point 10).</summary>
    [JsonPropertyName("console_url")]
    public string? ConsoleUrl { get; init; }

    /// <summary>A one-time RETURN binding link for the bootstrap administrator, written by the first start.</summary>
    [JsonPropertyName("admin_binding_link")]
    public string? AdminBindingLink { get; init; }

    public const string FileName = "bootstrap.json";

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    public static async Task<BootstrapFile?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BootstrapFile>(stream, cancellationToken: cancellationToken);
    }

    /// <summary>Writes beside the target and renames, so a crash never leaves half a file.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, this, WriteOptions, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
