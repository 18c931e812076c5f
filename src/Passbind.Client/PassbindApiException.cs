using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Passbind.Client;

/// <summary>
/// The server answered with an HTTP error status. Carries the status, the server's <see cref="Code"/> (for example
/// <c>not_found</c> or <c>bad_request</c>), its message as <see cref="Exception.Message"/>, and its
/// <see cref="Details"/>. Network failures and timeouts are not wrapped: they surface as
/// <see cref="HttpRequestException"/> and <see cref="TaskCanceledException"/>.
/// </summary>
public sealed class PassbindApiException : Exception
{
    /// <summary>Creates an exception with no status, code or details.</summary>
    public PassbindApiException()
    {
        Details = [];
    }

    /// <summary>Creates an exception with a message and no status, code or details.</summary>
    /// <param name="message">The message.</param>
    public PassbindApiException(string message)
        : base(message)
    {
        Details = [];
    }

    /// <summary>Creates an exception with a message and an inner exception, and no status, code or details.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PassbindApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Details = [];
    }

    /// <summary>Creates an exception for an error response.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="code">The server's error code, or <see langword="null"/> if the body had none.</param>
    /// <param name="message">The server's message.</param>
    /// <param name="details">The server's details; empty if none.</param>
    public PassbindApiException(HttpStatusCode statusCode, string? code, string message, IReadOnlyList<PassbindErrorDetail> details)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        Details = details ?? [];
    }

    /// <summary>The HTTP status of the response; <c>0</c> when not created from a response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The server's lower-snake-case error code (<c>code</c>, or <c>error</c> from the token endpoint), for example
    /// <c>not_found</c>; <see langword="null"/> if the body carried none.
    /// </summary>
    public string? Code { get; }

    /// <summary>The server's <c>details</c>; empty if there were none.</summary>
    public IReadOnlyList<PassbindErrorDetail> Details { get; }

    /// <summary>Every field violation of every <c>FieldViolations</c> detail; empty if there were none.</summary>
    public IReadOnlyList<FieldViolation> FieldViolations =>
        [.. Details.SelectMany(detail => detail.FieldViolations ?? [])];

    internal static async Task<PassbindApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ErrorResponse? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync(PassbindJsonContext.Default.ErrorResponse, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Not a JSON error body (a proxy's HTML page, say): keep the status alone.
        }
        catch (NotSupportedException)
        {
            // No or a non-JSON content type.
        }

        var code = body?.Code ?? body?.Error;
        var message = body?.Message ?? body?.ErrorDescription
            ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        return new PassbindApiException(response.StatusCode, code, message, body?.Details ?? []);
    }
}
