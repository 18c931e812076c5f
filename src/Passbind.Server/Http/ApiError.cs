using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Passbind.Server.Http;

/// <summary>
/// Every error the server answers, in Beyond Identity's shape <c>{code, message, details}</c>. The factory
/// methods are the catalogue: call sites name the failure, never a status number or a string.
/// </summary>
internal sealed class ApiError : IResult, IEndpointMetadataProvider
{
    private ApiError(int status, string code, string message, IReadOnlyList<ErrorDetail>? details = null)
    {
        Status = status;
        Body = new ErrorBody(code, message, details);
    }

    public int Status { get; }

    public ErrorBody Body { get; }

    public string Code => Body.Code;

    public static ApiError InvalidRequest() => new(400, "bad_request", "invalid request");

    /// <summary>
    /// The same error under another code: the browser-facing protocols name a malformed request
    /// <c>invalid_request</c> where the management API, after Beyond Identity, says <c>bad_request</c>.
    /// </summary>
    public ApiError WithCode(string code) => new(Status, code, Body.Message, Body.Details);

    public static ApiError InvalidField(string field, string description) =>
        InvalidFields([new FieldViolation(field, description)]);

    public static ApiError InvalidFields(IReadOnlyList<FieldViolation> violations) =>
        new(400, "bad_request", "invalid parameters", [ErrorDetail.ForFields(violations)]);

    public static ApiError Unauthorized() => new(401, "unauthorized", "unauthorized");

    public static ApiError Forbidden() => new(403, "forbidden", "forbidden");

    public static ApiError NotFound(string resourceType, string id)
    {
        var description = $"{ResourceWords(resourceType)} not found";
        return new(404, "not_found", description, [ErrorDetail.ForResource(resourceType, id, description)]);
    }

    public static ApiError RouteNotFound() => new(404, "not_found", "The requested resource was not found.");

    public static ApiError MethodNotAllowed() => new(405, "method_not_allowed", "method not allowed");

    public static ApiError Conflict(string message) => new(409, "conflict", message);

    public static ApiError PayloadTooLarge(long limit) =>
        new(413, "payload_too_large", $"request body is larger than {limit} bytes");

    public static ApiError UnsupportedMediaType() =>
        new(415, "unsupported_media_type", "request body must be application/json");

    public static ApiError Unprocessable(string resourceType, string id, string message) =>
        new(422, "unprocessable_entity", message, [ErrorDetail.ForResource(resourceType, id, message)]);

    public static ApiError Internal() => new(500, "internal_server_error", "internal server error");

    public static ApiError Unavailable() => new(503, "service_unavailable", "service unavailable");

    /// <summary>The database cannot be reached (down, restarting, unreachable): nothing was stored; retrying later may work.</summary>
    public static ApiError DatabaseUnavailable() => new(503, "database_unavailable", "the database cannot be reached; nothing was stored, try again later");

    /// <summary>The server's storage is full (507, RFC 4918 §11.5): nothing was stored.</summary>
    public static ApiError InsufficientStorage() => new(507, "insufficient_storage", "the server's storage is full; nothing was stored, try again later");

    /// <summary><c>/readyz</c>: the server cannot serve requests now (its database, its schema, or it is stopping).</summary>
    public static ApiError NotReady(string message) => new(503, "not_ready", message);

    /// <summary>
    /// A failure of a browser-facing protocol (the binding ceremony of docs/binding-protocol.md §4, and sign-in):
    /// the protocol's own code, and a reason where one applies. Each protocol's catalogue calls this.
    /// </summary>
    public static ApiError Protocol(int status, string code, string message, string? reason = null) =>
        new(status, code, message, reason is null ? null : [ErrorDetail.ForReason(reason)]);

    /// <summary>The code of the error a request was answered with, for the security log and the audit trail; null when none.</summary>
    public static string? CodeOf(HttpContext httpContext) => httpContext.Items[typeof(ApiError)] as string;

    /// <summary>Records this error as the request's answer, for a handler that answers it in another form (an HTML page).</summary>
    public void MarkAsAnswer(HttpContext httpContext) => httpContext.Items[typeof(ApiError)] = Code;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        MarkAsAnswer(httpContext);
        httpContext.Response.StatusCode = Status;
        if (Status == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return httpContext.Response.WriteAsJsonAsync(Body, ApiJson.Options, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(400, typeof(ErrorBody), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(401, typeof(ErrorBody), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(404, typeof(ErrorBody), ["application/json"]));
    }

    private static string ResourceWords(string resourceType) => resourceType switch
    {
        "AuthenticatorConfig" => "authenticator config",
        "CredentialBindingJob" => "credential binding job",
        _ => resourceType.ToLowerInvariant(),
    };
}
