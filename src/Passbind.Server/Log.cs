namespace Passbind.Server;

/// <summary>
/// Every log line the server writes, source-generated. Property names are the same everywhere; no line ever
/// carries a token, secret, challenge or key.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Bootstrapped tenant {TenantId} with realm {RealmId}")]
    public static partial void Bootstrapped(ILogger logger, string tenantId, string realmId);

    [LoggerMessage(2, LogLevel.Information, "Passbind is ready. API: {ApiBaseUrl}  Realm: {RealmPath}  Token and ids: {BootstrapPath}")]
    public static partial void Ready(ILogger logger, string apiBaseUrl, string realmPath, string bootstrapPath);

    [LoggerMessage(3, LogLevel.Warning, "The database is already bootstrapped but {BootstrapPath} is missing: it was written by the node that bootstrapped")]
    public static partial void BootstrapFileMissing(ILogger logger, string bootstrapPath);

    [LoggerMessage(4, LogLevel.Error, "Unhandled error on {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(5, LogLevel.Information, "Migrated the {Provider} database")]
    public static partial void Migrated(ILogger logger, string provider);

    [LoggerMessage(10, LogLevel.Information, "Created identity {IdentityId} in realm {RealmId}")]
    public static partial void IdentityCreated(ILogger logger, string identityId, string realmId);

    [LoggerMessage(11, LogLevel.Information, "Created credential binding job {JobId} ({DeliveryMethod}) for identity {IdentityId}")]
    public static partial void BindingJobCreated(ILogger logger, string jobId, string deliveryMethod, string identityId);

    [LoggerMessage(12, LogLevel.Information, "Revoked credential binding job {JobId}")]
    public static partial void BindingJobRevoked(ILogger logger, string jobId);

    [LoggerMessage(13, LogLevel.Information, "Revoked credential {CredentialId} of identity {IdentityId}")]
    public static partial void CredentialRevoked(ILogger logger, string credentialId, string identityId);

    [LoggerMessage(20, LogLevel.Information, "Bound credential {CredentialId} to identity {IdentityId} with job {JobId}")]
    public static partial void PasskeyBound(ILogger logger, string credentialId, string identityId, string jobId);

    [LoggerMessage(21, LogLevel.Information, "Refused a registration for job {JobId}: {Reason}")]
    public static partial void RegistrationRefused(ILogger logger, string jobId, string reason);

    [LoggerMessage(100, LogLevel.Information, "Created realm {RealmId} in tenant {TenantId}")]
    public static partial void RealmCreated(ILogger logger, string realmId, string tenantId);

    [LoggerMessage(101, LogLevel.Information, "Deleted realm {RealmId} of tenant {TenantId}")]
    public static partial void RealmDeleted(ILogger logger, string realmId, string tenantId);

    [LoggerMessage(102, LogLevel.Information, "Created authenticator config {AuthenticatorConfigId} ({ConfigType}) in realm {RealmId}")]
    public static partial void AuthenticatorConfigCreated(ILogger logger, string authenticatorConfigId, string configType, string realmId);

    [LoggerMessage(103, LogLevel.Information, "Deleted authenticator config {AuthenticatorConfigId} of realm {RealmId}")]
    public static partial void AuthenticatorConfigDeleted(ILogger logger, string authenticatorConfigId, string realmId);
}
