using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Passbind.Server.Http;

/// <summary>
/// A request body read with the API's JSON rules. Binding never fails the request by itself: a body that
/// cannot be read becomes an <see cref="ApiError"/> the handler returns, so malformed input gets the same
/// <c>{code, message, details}</c> as every other client mistake, naming the offending field.
/// </summary>
internal sealed class JsonBody<T> : IEndpointParameterMetadataProvider
    where T : class
{
    /// <summary>The largest body a management or ceremony call accepts.</summary>
    public const long MaxBytes = 64 * 1024;

    private JsonBody(T? value, ApiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    /// <summary>A body already in hand: the admin console calls the API's handlers in process with what its forms hold.</summary>
    public static JsonBody<T> Of(T value) => new(value, null);

    public ApiError? Error { get; }

    /// <summary>
    /// The resource a create or patch wraps (<c>{"identity": {...}}</c>), or the error to answer: the body's own
    /// problem, or a field violation naming the missing <paramref name="wrapper"/>.
    /// </summary>
    public bool TryGetResource<TFields>(
        Func<T, TFields?> resource,
        string wrapper,
        [NotNullWhen(true)] out TFields? fields,
        [NotNullWhen(false)] out ApiError? error)
        where TFields : class
    {
        fields = Value is null ? null : resource(Value);
        error = Error ?? (fields is null ? ApiError.InvalidField(wrapper, "required") : null);
        return error is null;
    }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBytes)
        {
            return new(null, ApiError.PayloadTooLarge(MaxBytes));
        }

        if (request.ContentLength == 0 && request.ContentType is null)
        {
            return new(null, ApiError.InvalidRequest());
        }

        // fetch() with a string body and no headers sends text/plain, as the seed's examples do, and
        // Beyond Identity reads it as JSON; so do we. Any other declared type is refused.
        if (!request.HasJsonContentType() && !IsPlainText(request.ContentType))
        {
            return new(null, ApiError.UnsupportedMediaType());
        }

        try
        {
            using var buffer = new MemoryStream();
            using (var limited = new LengthLimitedStream(request.Body, MaxBytes))
            {
                await limited.CopyToAsync(buffer, context.RequestAborted);
            }

            // Like the stream reader this replaces, a UTF-8 byte order mark is skipped.
            var json = new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
            if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                json = json[3..];
            }

            if (InvalidUnicode.FindField(json) is { } field)
            {
                return new(null, ApiError.InvalidField(field, InvalidUnicode.Description));
            }

            var value = JsonSerializer.Deserialize<T>(json, ApiJson.Options);
            return value is null ? new(null, ApiError.InvalidRequest()) : new(value, null);
        }
        catch (JsonException exception)
        {
            return new(null, Describe(exception));
        }
        catch (LengthLimitedStream.TooLargeException)
        {
            return new(null, ApiError.PayloadTooLarge(MaxBytes));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, ApiError.PayloadTooLarge(MaxBytes));
        }
    }

    /// <summary>
    /// Documents a JSON body. <c>*/*</c> keeps routing from refusing other content types with a bare 415
    /// before authentication has run: the binder answers them itself, after a missing token got its 401.
    /// </summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json", "*/*"], typeof(T), isOptional: true));

    private static bool IsPlainText(string? contentType) =>
        contentType is null || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);

    /// <summary>Names the field a value of the wrong type was found in; broken JSON syntax has no field.</summary>
    private static ApiError Describe(JsonException exception)
    {
        var field = exception.Path?.TrimStart('$').TrimStart('.');
        var wrongType = exception.Message.Contains("could not be converted", StringComparison.Ordinal);
        return wrongType && !string.IsNullOrEmpty(field)
            ? ApiError.InvalidField(field, "invalid value type")
            : ApiError.InvalidRequest();
    }
}
