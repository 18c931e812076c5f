using Passbind.Server.Hosting;

namespace Passbind.Server.Operations;

/// <summary>
/// Reads the settings a server cannot start without, before anything is built from them, so that a mistake
/// stops the start with a line naming the key and the fix instead of a stack trace from deep inside.
/// </summary>
internal static class ConfigurationCheck
{
    public const string ProviderKey = "Passbind:Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Passbind";
    public const string PublicBaseUrlKey = "Passbind:PublicBaseUrl";
    public const string MasterKeyKey = "Passbind:MasterKey";
    public const string DataDirectoryKey = "Passbind:DataDirectory";
    public const int MasterKeyBytes = 32;

    /// <summary>Throws <see cref="ConfigurationException"/> listing every problem found; returns when there is none.</summary>
    public static void ThrowIfInvalid(IConfiguration configuration)
    {
        var problems = Find(configuration);
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }
    }

    public static List<ConfigurationProblem> Find(IConfiguration configuration)
    {
        var problems = new List<ConfigurationProblem>();
        var provider = configuration[ProviderKey];
        var isPostgreSql = false;
        if (!string.IsNullOrWhiteSpace(provider))
        {
            if (!Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                problems.Add(new(ProviderKey, $"'{provider}' is not a database provider", "Set it to Sqlite (the default) or PostgreSql"));
            }

            isPostgreSql = parsed == DatabaseProvider.PostgreSql;
        }

        if (isPostgreSql && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Passbind")))
        {
            problems.Add(new(
                ConnectionStringKey,
                $"not set, but {ProviderKey} is PostgreSql",
                "Set it (environment ConnectionStrings__Passbind) to the PostgreSQL connection string, e.g. Host=db;Database=passbind;Username=passbind;Password=…"));
        }

        var publicBaseUrl = configuration[PublicBaseUrlKey];
        if (!string.IsNullOrWhiteSpace(publicBaseUrl)
            && (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)))
        {
            problems.Add(new(
                PublicBaseUrlKey,
                $"'{publicBaseUrl}' is not an absolute http or https URL",
                "Set it to the address browsers and apps reach the server at, e.g. https://id.example.com"));
        }

        var masterKey = configuration[MasterKeyKey];
        if (!string.IsNullOrWhiteSpace(masterKey))
        {
            // The value itself never enters the message: it is the server's root secret.
            if (MasterKeyLength(masterKey) is not MasterKeyBytes)
            {
                problems.Add(new(
                    MasterKeyKey,
                    $"not base64 of {MasterKeyBytes} bytes",
                    $"Set it to a new key from `openssl rand -base64 {MasterKeyBytes}`, the same on every node (a key already in use cannot be changed without losing the signing keys sealed under it)"));
            }
        }
        else
        {
            var dataDirectory = configuration[DataDirectoryKey] ?? "data";
            var path = Path.Combine(dataDirectory, "master.key");
            if (File.Exists(path) && MasterKeyLength(File.ReadAllText(path)) is not MasterKeyBytes)
            {
                problems.Add(new(
                    DataDirectoryKey,
                    $"{Path.GetFullPath(path)} is not base64 of {MasterKeyBytes} bytes",
                    "Restore the master.key that belongs to this data directory, or set Passbind:MasterKey"));
            }
        }

        return problems;
    }

    /// <summary>How many bytes the base64 text holds, or null when it is not base64.</summary>
    private static int? MasterKeyLength(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) ? written : null;
    }
}
