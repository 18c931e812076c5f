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

    public static CliFailure From(Exception exception, bool cancellationRequested = false) => exception switch
    {
        CliUsageException usage => new(ExitCodes.Usage, "usage_error", usage.Message),
        Admin.AdminRefusedException refused => new(ExitCodes.AdminRefused, refused.Code, refused.Message),
        PassbindApiException api => FromApi(api),
        PassbindException sdk => FromSdk(sdk),
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

    private static CliFailure FromSdk(PassbindException sdk)
    {
        var exitCode = sdk.Code switch
        {
            PassbindErrorCodes.InvalidUrl => ExitCodes.Usage,
            PassbindErrorCodes.NetworkError or PassbindErrorCodes.ServerError => ExitCodes.Unavailable,
            PassbindErrorCodes.StoreError => ExitCodes.Unexpected,
            _ when sdk.StatusCode >= 500 => ExitCodes.Unavailable,

            // Everything else is the binding itself failing: link_consumed, link_expired, link_revoked,
            // link_not_found, domain_not_allowed, origin_not_allowed, registration_failed, credential_excluded, …
            _ => ExitCodes.BindFailed,
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
