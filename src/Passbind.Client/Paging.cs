using System.Runtime.CompilerServices;

namespace Passbind.Client;

/// <summary>Turns a page-fetching call into an async stream that follows <c>next_page_token</c>.</summary>
internal static class Paging
{
    public static async IAsyncEnumerable<T> EnumerateAsync<T>(
        Func<string?, CancellationToken, Task<PassbindPage<T>>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? pageToken = null;
        do
        {
            var page = await fetchPage(pageToken, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
        }
        while (pageToken is not null);
    }
}
