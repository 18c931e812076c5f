namespace Passbind.Client;

/// <summary>One page of a List call.</summary>
/// <typeparam name="T">The resource type.</typeparam>
/// <param name="Items">The page's resources, in the server's (undefined) order.</param>
/// <param name="TotalSize">How many resources match in all (<c>total_size</c>), not just on this page.</param>
/// <param name="NextPageToken">
/// The token for the next page (<c>next_page_token</c>); <see langword="null"/> on the last page.
/// </param>
public sealed record PassbindPage<T>(IReadOnlyList<T> Items, long TotalSize, string? NextPageToken);
