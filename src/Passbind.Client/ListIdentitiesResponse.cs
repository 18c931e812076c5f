namespace Passbind.Client;

/// <summary>A page of <c>identities</c> as the server sends it.</summary>
internal sealed record ListIdentitiesResponse
{
    public List<Identity>? Identities { get; init; }
    public long TotalSize { get; init; }
    public string? NextPageToken { get; init; }

    public PassbindPage<Identity> ToPage() => new(Identities ?? [], TotalSize, NextPageToken);
}
