namespace Passbind.Server.Features.Tokens;

/// <summary>The token and sign-in protocol's log lines. None carries a token, code or secret.</summary>
internal static partial class TokenLog
{
    [LoggerMessage(400, LogLevel.Warning, "An authorization code of application {ApplicationId} for identity {IdentityId} was used twice; revoked {RevokedCount} tokens of its grant")]
    public static partial void CodeReused(ILogger logger, string applicationId, string identityId, int revokedCount);

    [LoggerMessage(401, LogLevel.Warning, "A spent refresh token of application {ApplicationId} was used again; revoked {RevokedCount} tokens of its family")]
    public static partial void RefreshTokenReused(ILogger logger, string applicationId, int revokedCount);

    [LoggerMessage(402, LogLevel.Information, "Token request of application {ApplicationId} refused: {Error}")]
    public static partial void TokenRefused(ILogger logger, string applicationId, string error);

    [LoggerMessage(403, LogLevel.Information, "Rotated the signing key of realm {RealmId}: key {KeyId} signs from now on")]
    public static partial void SigningKeyRotated(ILogger logger, string realmId, string keyId);

    [LoggerMessage(404, LogLevel.Information, "Created application {ApplicationId} in realm {RealmId}")]
    public static partial void ApplicationCreated(ILogger logger, string applicationId, string realmId);

    [LoggerMessage(405, LogLevel.Information, "Deleted application {ApplicationId} of realm {RealmId}; its tokens ended with it")]
    public static partial void ApplicationDeleted(ILogger logger, string applicationId, string realmId);

    [LoggerMessage(406, LogLevel.Information, "Rotated the client secret of application {ApplicationId}; the previous one works until {PreviousSecretExpireTime}")]
    public static partial void SecretRotated(ILogger logger, string applicationId, DateTimeOffset previousSecretExpireTime);
}
