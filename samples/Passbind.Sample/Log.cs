namespace Passbind.Sample;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Using authenticator config {AuthenticatorConfigId} (invoke URL {InvokeUrl})")]
    public static partial void UsingAuthenticatorConfig(ILogger logger, string authenticatorConfigId, string invokeUrl);

    [LoggerMessage(2, LogLevel.Information, "Created authenticator config {AuthenticatorConfigId} (invoke URL {InvokeUrl})")]
    public static partial void CreatedAuthenticatorConfig(ILogger logger, string authenticatorConfigId, string invokeUrl);

    [LoggerMessage(3, LogLevel.Information, "Waiting for the Passbind server to write {BootstrapPath}")]
    public static partial void WaitingForBootstrap(ILogger logger, string bootstrapPath);

    [LoggerMessage(4, LogLevel.Information, "Passbind sample ready at {PublicUrl} (Passbind server {ServerBaseUrl})")]
    public static partial void Ready(ILogger logger, Uri publicUrl, Uri serverBaseUrl);

    [LoggerMessage(5, LogLevel.Warning, "Creating a binding link for {Username} failed: {Code}")]
    public static partial void LinkFailed(ILogger logger, string username, string? code);

    [LoggerMessage(6, LogLevel.Critical, "The sample cannot start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string reason);

    [LoggerMessage(7, LogLevel.Information, "Signing in with application {ApplicationId} (issuer {Issuer})")]
    public static partial void UsingApplication(ILogger logger, string applicationId, string issuer);

    [LoggerMessage(8, LogLevel.Warning, "Sign-in failed at the OIDC callback: {Reason}")]
    public static partial void SignInFailed(ILogger logger, string reason);
}
