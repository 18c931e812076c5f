using System.Text.Json;
using System.Text.RegularExpressions;

namespace Passbind.Server.Http;

/// <summary>
/// The one shape of SCIM filter (RFC 7644 §3.4.2.2) the API supports: <c>attribute eq "value"</c>, where the
/// value is a JSON string. Anything else is refused rather than half-understood.
/// </summary>
internal static partial class ScimFilter
{
    public static (string Attribute, string Value)? ParseEquality(string filter, IReadOnlyCollection<string> attributes)
    {
        var match = EqualityPattern().Match(filter);
        if (!match.Success)
        {
            return null;
        }

        var attribute = match.Groups["attribute"].Value;
        if (!attributes.Contains(attribute, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<string>(match.Groups["value"].Value) is { } value ? (attribute, value) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("""^\s*(?<attribute>[A-Za-z_][A-Za-z0-9_.]*)\s+eq\s+(?<value>"(?:[^"\\]|\\.)*")\s*$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EqualityPattern();
}
