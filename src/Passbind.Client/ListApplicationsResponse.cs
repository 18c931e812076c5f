namespace Passbind.Client;

/// <summary>A page of <c>applications</c> as the server sends it.</summary>
internal sealed record ListApplicationsResponse
{
    public List<Application>? Applications { get; init; }
    public long TotalSize { get; init; }
    public string? NextPageToken { get; init; }

    public PassbindPage<Application> ToPage() => new(Applications ?? [], TotalSize, NextPageToken);
}
