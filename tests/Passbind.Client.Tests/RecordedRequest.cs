namespace Passbind.Client.Tests;

/// <summary>What the fake handler saw of one request.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string? Body)
{
    public bool IsTokenRequest => Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal);

    /// <summary>The path and query as sent, still percent-encoded.</summary>
    public string PathAndQuery => Uri.PathAndQuery;
}
