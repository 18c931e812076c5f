using System.Net;
using Passbind.Client;
using Passbind.Sdk;

namespace Passbind.Cli;

/// <summary>
/// What a failed command reports: its exit code, and one line for stderr with a stable code (the server's, when it
/// answered) and a message.
/// </summary>
internal sealed record CliFailure(int ExitCode, string Code, string Message)
{
    /// <summary>The line written to stderr: <c>passbind: &lt;code&gt;: &lt;message&gt;</c>.</summary>
    public string ToLine() => $"passbind: {Code}: {Message}";

    /// <param name="exception">What the command threw.</param>
    /// <param name="cancellationRequested">Whether the user pressed Ctrl+C.</param>
    /// <param name="ceremonyFailed">
    /// The exit code for a binding or sign-in the server or the SDK refused: <see cref="ExitCodes.BindFailed"/> (the
    /// default) or <see cref="ExitCodes.SignInFailed"/>.
    /// </param>
    public static CliFailure From(
        Exception exception, bool cancellationRequested = false, int ceremonyFailed = ExitCodes.BindFailed) => exception switch
    {
        CliUsageException usage => new(ExitCodes.Usage, "usage_error", usage.Message),
        Admin.AdminRefusedException refused => new(ExitCodes.AdminRefused, refused.Code, refused.Message),
        PassbindApiException api => FromApi(api),
        PassbindException sdk => FromSdk(sdk, ceremonyFailed),
        OperationCanceledException when cancellationRequested => new(ExitCodes.Cancelled, "cancelled", "Interrupted."),

        // HttpClient reports its timeout as a TaskCanceledException that nobody asked for.
        OperationCanceledException => new(ExitCodes.Unavailable, "timeout", "The server did not answer in time."),
        HttpRequestException http => new(ExitCodes.Unavailable, "network_error", OneLine(http.Message)),
        _ => new(ExitCodes.Unexpected, "unexpected_error", OneLine(exception.Message)),
    };

    private static CliFailure FromApi(PassbindApiException api)
    {
        var status = (int)api.StatusCode;
        var exitCode = api.StatusCode switch
        {
            HttpStatusCode.NotFound => ExitCodes.NotFound,
            _ when status is >= 400 and < 500 => ExitCodes.Refused,
            _ => ExitCodes.Unavailable,
        };
        var message = OneLine(api.Message);
        var violations = api.FieldViolations;
        if (violations.Count > 0)
        {
            message += " (" + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")) + ")";
        }

        return new(exitCode, api.Code ?? $"http_{status}", OneLine($"{message} [HTTP {status}]"));
    }

    private static CliFailure FromSdk(PassbindException sdk, int ceremonyFailed)
    {
        var exitCode = sdk.Code switch
        {
            PassbindErrorCodes.InvalidUrl or PassbindErrorCodes.PasskeyAmbiguous => ExitCodes.Usage,
            PassbindErrorCodes.PasskeyNotFound => ExitCodes.NotFound,
            PassbindErrorCodes.NetworkError or PassbindErrorCodes.ServerError => ExitCodes.Unavailable,
            PassbindErrorCodes.StoreError => ExitCodes.Unexpected,
            _ when sdk.StatusCode >= 500 => ExitCodes.Unavailable,

            // Everything else is the ceremony itself failing: for a binding link_consumed, link_expired, link_revoked,
            // link_not_found, registration_failed, credential_excluded; for a sign-in transaction_expired,
            // authentication_failed, otp_invalid; for both domain_not_allowed, origin_not_allowed, …
            _ => ceremonyFailed,
        };
        var message = OneLine(sdk.Message);
        if (sdk.Reason is { Length: > 0 } reason)
        {
            message += $" ({reason})";
        }

        if (sdk.StatusCode is { } status)
        {
            message += $" [HTTP {status}]";
        }

        return new(exitCode, sdk.Code, OneLine(message));
    }

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
