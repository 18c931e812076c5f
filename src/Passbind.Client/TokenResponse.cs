namespace Passbind.Client;

/// <summary>The token endpoint's success body (RFC 6749 §5.1).</summary>
internal sealed record TokenResponse
{
    public string? AccessToken { get; init; }
    public string? TokenType { get; init; }
    public long? ExpiresIn { get; init; }
    public string? Scope { get; init; }
}
