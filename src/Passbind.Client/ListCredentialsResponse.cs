namespace Passbind.Client;

/// <summary>A page of <c>credentials</c> as the server sends it.</summary>
internal sealed record ListCredentialsResponse
{
    public List<Credential>? Credentials { get; init; }
    public long TotalSize { get; init; }
    public string? NextPageToken { get; init; }

    public PassbindPage<Credential> ToPage() => new(Credentials ?? [], TotalSize, NextPageToken);
}
