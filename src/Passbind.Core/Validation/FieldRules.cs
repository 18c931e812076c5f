using System.Buffers;
using System.Globalization;
using System.Text;

namespace Passbind.Core.Validation;

/// <summary>
/// The rules a stored string must meet, from Beyond Identity's API (names: 1–64 characters, none of
/// <c>{}[]&lt;&gt;;:?\/|*^%$#=~`!</c>) and from what keeps logs, mail headers and pages safe: no control
/// characters, no bidirectional overrides, no invisible characters. Each method answers null when the value
/// is fine, or a description of what is wrong.
/// </summary>
public static class FieldRules
{
    public const int MaxNameLength = 64;
    public const int MaxEmailLength = 320;
    public const int MaxUrlLength = 2048;
    public const int MaxTraitLength = 1024;

    private const string ForbiddenNameCharacters = "{}[]<>;:?\\/|*^%$#=~`!";
    private static readonly SearchValues<char> ForbiddenInNames = SearchValues.Create(ForbiddenNameCharacters);

    public static string? DisplayName(string? value) => Name(value);

    public static string? Username(string? value) => Name(value);

    public static string? Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "empty string";
        }

        if (value.Length > MaxNameLength)
        {
            return $"longer than {MaxNameLength} characters";
        }

        if (value.AsSpan().ContainsAny(ForbiddenInNames))
        {
            return $"must not contain any of {ForbiddenNameCharacters}";
        }

        return Text(value, MaxNameLength);
    }

    /// <summary>Free text: bounded, and free of characters that forge log lines or hide what is shown.</summary>
    public static string? Text(string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            return $"longer than {maxLength} characters";
        }

        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
            {
                return "contains a control, format or invisible character";
            }
        }

        return null;
    }

    public static string? EmailAddress(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "empty string";
        }

        if (Text(value, MaxEmailLength) is { } problem)
        {
            return problem;
        }

        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || value.Any(c => c is ' ' or '<' or '>' or ',' or ';' or '"' or '(' or ')' or '[' or ']' or '\\'))
        {
            return "not an email address";
        }

        var domain = value[(at + 1)..];
        return domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal)
            ? "not an email address"
            : null;
    }

    /// <summary>An absolute URL; <paramref name="allowAppSchemes"/> admits <c>myapp://</c> invoke URLs of native apps.</summary>
    public static string? AbsoluteUrl(string? value, bool allowAppSchemes = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "empty string";
        }

        if (Text(value, MaxUrlLength) is { } problem)
        {
            return problem;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || value.Any(char.IsWhiteSpace))
        {
            return "not an absolute URL";
        }

        var web = uri.Scheme is "http" or "https";
        if (!web && !allowAppSchemes || uri.Scheme is "javascript" or "data" or "file" or "vbscript")
        {
            return "must be an http or https URL";
        }

        return web && string.IsNullOrEmpty(uri.Host) ? "not an absolute URL" : null;
    }

    /// <summary>
    /// A web origin exactly as a browser serialises it (<c>scheme://host[:port]</c>, no path, no default port
    /// written out), or an app origin such as <c>passbind-sdk://dotnet</c>. Origins are compared as strings, so
    /// a form a browser never sends would never match and is refused up front.
    /// </summary>
    public static string? Origin(string? value)
    {
        if (AbsoluteUrl(value, allowAppSchemes: true) is { } problem)
        {
            return problem;
        }

        var uri = new Uri(value!);
        if (uri.Scheme is "http" or "https")
        {
            var serialised = uri.GetLeftPart(UriPartial.Authority);
            return serialised == value ? null : $"must be an origin such as {serialised}";
        }

        return value!.TrimEnd('/') == value ? null : "must not end with a slash";
    }

    /// <summary>The key of the realm's username uniqueness rule: NFKC, then case folded.</summary>
    public static string NormalizeUsername(string username) =>
        username.Normalize(NormalizationForm.FormKC).ToUpperInvariant().ToLowerInvariant();
}
