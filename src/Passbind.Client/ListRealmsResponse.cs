namespace Passbind.Client;

/// <summary>A page of <c>realms</c> as the server sends it.</summary>
internal sealed record ListRealmsResponse
{
    public List<Realm>? Realms { get; init; }
    public long TotalSize { get; init; }
    public string? NextPageToken { get; init; }

    public PassbindPage<Realm> ToPage() => new(Realms ?? [], TotalSize, NextPageToken);
}
