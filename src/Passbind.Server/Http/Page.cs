namespace Passbind.Server.Http;

/// <summary>One page of a list, before it is wrapped in the collection's response.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int TotalSize, string? NextPageToken);
