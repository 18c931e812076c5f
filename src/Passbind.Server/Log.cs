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

    [LoggerMessage(6, LogLevel.Information, "The {Provider} database has every migration")]
    public static partial void SchemaUpToDate(ILogger logger, string provider);

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

    [LoggerMessage(22, LogLevel.Warning, "Revoked the link of job {JobId} after {Failures} failed completions")]
    public static partial void LinkRevokedAfterFailures(ILogger logger, string jobId, int failures);

    [LoggerMessage(30, LogLevel.Information, "Identity {IdentityId} signed in to application {ApplicationId} with credential {CredentialId}")]
    public static partial void SignedIn(ILogger logger, string identityId, string credentialId, string applicationId);

    [LoggerMessage(31, LogLevel.Information, "Refused an assertion for sign-in transaction {TransactionId}: {Reason}")]
    public static partial void AssertionRefused(ILogger logger, string transactionId, string reason);

    [LoggerMessage(32, LogLevel.Information, "Sent a one-time code for sign-in transaction {TransactionId} to identity {IdentityId}")]
    public static partial void OneTimeCodeSent(ILogger logger, string transactionId, string identityId);

    [LoggerMessage(33, LogLevel.Information, "Identity {IdentityId} signed in to application {ApplicationId} with a one-time code")]
    public static partial void SignedInWithOneTimeCode(ILogger logger, string identityId, string applicationId);

    [LoggerMessage(34, LogLevel.Information, "Refused a one-time code for sign-in transaction {TransactionId}: {Reason}")]
    public static partial void OneTimeCodeRefused(ILogger logger, string transactionId, string reason);

    [LoggerMessage(35, LogLevel.Warning, "Withheld a one-time code for sign-in transaction {TransactionId}: the inbox of identity {IdentityId} is at its limit")]
    public static partial void OneTimeCodeWithheld(ILogger logger, string transactionId, string identityId);

    [LoggerMessage(100, LogLevel.Information, "Created realm {RealmId} in tenant {TenantId}")]
    public static partial void RealmCreated(ILogger logger, string realmId, string tenantId);

    [LoggerMessage(101, LogLevel.Information, "Deleted realm {RealmId} of tenant {TenantId}")]
    public static partial void RealmDeleted(ILogger logger, string realmId, string tenantId);

    [LoggerMessage(102, LogLevel.Information, "Created authenticator config {AuthenticatorConfigId} ({ConfigType}) in realm {RealmId}")]
    public static partial void AuthenticatorConfigCreated(ILogger logger, string authenticatorConfigId, string configType, string realmId);

    [LoggerMessage(103, LogLevel.Information, "Deleted authenticator config {AuthenticatorConfigId} of realm {RealmId}")]
    public static partial void AuthenticatorConfigDeleted(ILogger logger, string authenticatorConfigId, string realmId);

    [LoggerMessage(200, LogLevel.Information, "Queued {Kind} email {OutboxMessageId} for job {JobId}")]
    public static partial void EmailQueued(ILogger logger, string kind, string outboxMessageId, string? jobId);

    [LoggerMessage(201, LogLevel.Information, "Sent {Kind} email {OutboxMessageId} for job {JobId} over SMTP (attempt {Attempt})")]
    public static partial void EmailSent(ILogger logger, string kind, string outboxMessageId, string? jobId, int attempt);

    [LoggerMessage(202, LogLevel.Warning, "Email {OutboxMessageId} not sent (attempt {Attempt} of {MaxAttempts}): {Error}; next attempt in {Delay}")]
    public static partial void EmailRetryScheduled(ILogger logger, string outboxMessageId, int attempt, int maxAttempts, string error, TimeSpan delay);

    [LoggerMessage(203, LogLevel.Error, "Gave up on email {OutboxMessageId} for job {JobId} after {Attempt} attempts: {Error}")]
    public static partial void EmailFailed(ILogger logger, string outboxMessageId, string? jobId, int attempt, string error);

    [LoggerMessage(204, LogLevel.Warning, "Email {OutboxMessageId} for job {JobId} will never be sent: {Reason}")]
    public static partial void EmailNotSent(ILogger logger, string outboxMessageId, string? jobId, string reason);

    [LoggerMessage(205, LogLevel.Warning, "Lost the lease on email {OutboxMessageId} before recording its outcome; another sender took it over")]
    public static partial void EmailLeaseLost(ILogger logger, string outboxMessageId);

    [LoggerMessage(206, LogLevel.Debug, "Kept {Kind} email {OutboxMessageId} in the dev mailbox (no SMTP host)")]
    public static partial void DevMailboxReceived(ILogger logger, string kind, string outboxMessageId);

    [LoggerMessage(208, LogLevel.Information, "No SMTP host is configured (Passbind:Smtp:Host): mail is not delivered; read it at {DevMailboxPath} from this machine (Development only)")]
    public static partial void DevMailboxInUse(ILogger logger, string devMailboxPath);

    [LoggerMessage(209, LogLevel.Warning, "No SMTP host is configured (Passbind:Smtp:Host) in {Environment}: mail is kept in the database and never delivered, and no page shows it")]
    public static partial void DevMailboxNotServed(ILogger logger, string environment);

    [LoggerMessage(210, LogLevel.Error, "An outbox round failed; the next one retries")]
    public static partial void OutboxRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(220, LogLevel.Information, "Retention sweep removed {Messages} outbox messages or their sealed links, {SignIns} expired sign-ins")]
    public static partial void RetentionSwept(ILogger logger, int messages, int signIns);

    [LoggerMessage(221, LogLevel.Error, "A retention sweep failed; the next one retries")]
    public static partial void RetentionSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(300, LogLevel.Warning, "Refused {Method} {Path} from {ClientAddress}: {StatusCode} {ErrorCode}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, string clientAddress, int statusCode, string errorCode);

    [LoggerMessage(301, LogLevel.Information, "Binding link no longer usable: {Method} {Path} from {ClientAddress}: {ErrorCode}")]
    public static partial void LinkUnusable(ILogger logger, string method, string path, string clientAddress, string errorCode);

    [LoggerMessage(600, LogLevel.Information, "Created the console application {ApplicationId} in realm {RealmId}")]
    public static partial void ConsoleApplicationCreated(ILogger logger, string applicationId, string realmId);

    [LoggerMessage(601, LogLevel.Information, "Admin console: {ConsoleUrl}. Bind the first administrator's passkey by opening admin_binding_link from {BootstrapPath}")]
    public static partial void ConsoleReady(ILogger logger, string consoleUrl, string bootstrapPath);

    [LoggerMessage(602, LogLevel.Information, "Console: {ActorId} set the console role of identity {IdentityId} to {Role}")]
    public static partial void ConsoleRoleChanged(ILogger logger, string actorId, string identityId, string role);

    [LoggerMessage(603, LogLevel.Information, "Console: {ActorId} retried email {OutboxMessageId}")]
    public static partial void ConsoleEmailRetried(ILogger logger, string actorId, string outboxMessageId);

    [LoggerMessage(604, LogLevel.Information, "Console: imported {Imported} of {Rows} identities into realm {RealmId}")]
    public static partial void ConsoleIdentitiesImported(ILogger logger, string realmId, int imported, int rows);
    [LoggerMessage(900, LogLevel.Warning, "Could not read the outbox's backlog for its metrics ({Error}); the next sample tries again")]
    public static partial void OutboxBacklogUnavailable(ILogger logger, string error);

    [LoggerMessage(901, LogLevel.Warning, "Storage failed on {Method} {Path}, answered {Code}: {Error}")]
    public static partial void StorageFailed(ILogger logger, string code, string method, string path, string error);

    [LoggerMessage(211, LogLevel.Warning, "Could not renew an outbox lease ({Error}); the next renewal tries again")]
    public static partial void OutboxLeaseRenewalFailed(ILogger logger, string error);
}
