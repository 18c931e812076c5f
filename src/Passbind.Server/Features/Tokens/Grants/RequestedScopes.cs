namespace Passbind.Server.Features.Tokens.Grants;

/// <summary>The <c>scope</c> parameter (RFC 6749 §3.3): space-delimited, order and repeats ignored.</summary>
internal static class RequestedScopes
{
    public static string[] Parse(string? scope) =>
        (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The scopes a request narrows <paramref name="granted"/> to: all of them when it asks for none, null when
    /// it asks for one outside them.
    /// </summary>
    public static string[]? Narrow(IReadOnlyCollection<string> granted, string? requested)
    {
        var asked = Parse(requested);
        if (asked.Length == 0)
        {
            return granted.ToArray();
        }

        return asked.All(s => granted.Contains(s, StringComparer.Ordinal)) ? asked : null;
    }
}
