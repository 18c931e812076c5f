using System.Globalization;
using System.Text;

namespace Passbind.Client;

/// <summary>Builds request URLs: escaped path segments and list query strings.</summary>
internal static class PassbindPaths
{
    public static string TrimBase(Uri baseUrl) => baseUrl.AbsoluteUri.TrimEnd('/');

    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    /// <summary>The query of a List call; parameters that are <see langword="null"/> are left out.</summary>
    public static string ListQuery(string? filter, int? pageSize, string? pageToken, int? skip)
    {
        var query = new StringBuilder();
        Append(query, "filter", filter);
        Append(query, "page_size", pageSize?.ToString(CultureInfo.InvariantCulture));
        Append(query, "page_token", pageToken);
        Append(query, "skip", skip?.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
