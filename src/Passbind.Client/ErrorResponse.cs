namespace Passbind.Client;

/// <summary>
/// An error body: the management API's <c>{code, message, details}</c>, or the token endpoint's RFC 6749
/// <c>{error, error_description}</c>.
/// </summary>
internal sealed record ErrorResponse
{
    public string? Code { get; init; }
    public string? Message { get; init; }
    public List<PassbindErrorDetail>? Details { get; init; }
    public string? Error { get; init; }
    public string? ErrorDescription { get; init; }
}
