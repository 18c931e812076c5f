namespace Passbind.Server.Features.SignIn;

/// <summary>The URL that sends a browser back to a client's registered redirect URI with the authorization response's parameters.</summary>
internal static class ClientRedirect
{
    /// <summary>
    /// Appends <paramref name="parameters"/> (those with a value) to <paramref name="redirectUri"/>'s query, keeping
    /// a query it already has (RFC 6749 §3.1.2). <c>iss</c> always goes last (RFC 9207).
    /// </summary>
    public static string Build(string redirectUri, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return $"{redirectUri}{(redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{query}";
    }
}
