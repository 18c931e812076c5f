using System.Text.Json;

namespace Passbind.Client;

/// <summary>
/// Where a <see cref="PassbindClient"/> talks to and how it authenticates. The properties are exactly the fields of
/// the server's <c>bootstrap.json</c>; see <see cref="FromBootstrapFile(string)"/>.
/// </summary>
/// <remarks>
/// Authentication: when <see cref="ManagementApplicationId"/>, <see cref="ClientId"/> and <see cref="ClientSecret"/>
/// are all set, the client obtains tokens by client credentials and refreshes them itself; otherwise it sends the
/// static <see cref="ApiToken"/>, which it cannot refresh.
/// </remarks>
public sealed class PassbindClientOptions
{
    /// <summary>The configuration section these options are usually bound from: <c>PassbindClient</c>.</summary>
    public const string SectionName = "PassbindClient";

    /// <summary>
    /// Base URL of the management API (<c>api_base_url</c>), for example <c>http://localhost:5000</c> or
    /// <c>https://api-us.beyondidentity.com</c>. Required; no default.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>
    /// Base URL of the auth (token) endpoints (<c>auth_base_url</c>). Default <see langword="null"/>, meaning
    /// <see cref="ApiBaseUrl"/>.
    /// </summary>
    public Uri? AuthBaseUrl { get; set; }

    /// <summary>The tenant id (<c>tenant_id</c>). Required; default empty.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>
    /// The realm id (<c>realm_id</c>) that realm-scoped calls address and whose token endpoint issues tokens.
    /// Required; default empty. Use <see cref="PassbindClient.ForRealm(string)"/> to address another realm.
    /// </summary>
    public string RealmId { get; set; } = "";

    /// <summary>
    /// The authenticator config used for credential binding jobs when a call names none
    /// (<c>authenticator_config_id</c>). Optional; default <see langword="null"/>.
    /// </summary>
    public string? AuthenticatorConfigId { get; set; }

    /// <summary>The management application whose token endpoint issues tokens (<c>management_application_id</c>). Default <see langword="null"/>.</summary>
    public string? ManagementApplicationId { get; set; }

    /// <summary>The OAuth client id of the management application (<c>client_id</c>). Default <see langword="null"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret of the management application (<c>client_secret</c>). Default <see langword="null"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// A static bearer token (<c>api_token</c>), used only when client credentials are not fully set.
    /// Default <see langword="null"/>.
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>
    /// Space-delimited scopes to request with client credentials. Default <see langword="null"/>: the
    /// <c>scope</c> parameter is omitted and the server grants every scope the application is allowed.
    /// </summary>
    public string? Scope { get; set; }

    /// <summary>
    /// How long before its <c>expires_in</c> elapses a cached token is replaced. Default one minute; for tokens that
    /// live less than twice this long, half their lifetime is used instead.
    /// </summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether client credentials (application id, client id and secret) are all set.</summary>
    public bool UsesClientCredentials =>
        !string.IsNullOrEmpty(ManagementApplicationId) && !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret);

    /// <summary>
    /// Reads a Passbind server's <c>bootstrap.json</c> (written to its data directory on first start).
    /// Both the client credentials and the static token are taken; the client credentials win.
    /// </summary>
    /// <param name="path">Path of the <c>bootstrap.json</c> file.</param>
    /// <returns>Options filled from the file.</returns>
    /// <exception cref="InvalidDataException">The file is not a JSON object of the expected shape.</exception>
    public static PassbindClientOptions FromBootstrapFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromBootstrapJson(File.ReadAllText(path));
    }

    /// <summary>Parses the contents of a <c>bootstrap.json</c>; see <see cref="FromBootstrapFile(string)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>Options filled from the JSON.</returns>
    /// <exception cref="InvalidDataException">The text is not a JSON object of the expected shape.</exception>
    public static PassbindClientOptions FromBootstrapJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        BootstrapFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, PassbindJsonContext.Default.BootstrapFile);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("bootstrap.json is not valid JSON.", ex);
        }

        if (file is null || string.IsNullOrEmpty(file.ApiBaseUrl))
        {
            throw new InvalidDataException("bootstrap.json has no api_base_url.");
        }

        return new PassbindClientOptions
        {
            ApiBaseUrl = new Uri(file.ApiBaseUrl, UriKind.Absolute),
            AuthBaseUrl = string.IsNullOrEmpty(file.AuthBaseUrl) ? null : new Uri(file.AuthBaseUrl, UriKind.Absolute),
            TenantId = file.TenantId ?? "",
            RealmId = file.RealmId ?? "",
            AuthenticatorConfigId = file.AuthenticatorConfigId,
            ManagementApplicationId = file.ManagementApplicationId,
            ClientId = file.ClientId,
            ClientSecret = file.ClientSecret,
            ApiToken = file.ApiToken,
        };
    }
}
