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

    /// <summary>
    /// A username (docs/security.md, "Usernames"): a name, without leading or trailing white space, in one script or
    /// one of UTS #39's "highly restrictive" combinations (<see cref="UnicodeScripts"/>). Callers store it in NFC
    /// (<see cref="CanonicalUsername"/>); its uniqueness key is <see cref="NormalizeUsername"/>.
    /// </summary>
    public static string? Username(string? value)
    {
        if (Name(value) is { } problem)
        {
            return problem;
        }

        if (char.IsWhiteSpace(value![0]) || char.IsWhiteSpace(value[^1]))
        {
            return "must not start or end with white space";
        }

        return UnicodeScripts.IsHighlyRestrictive(value) ? null : "must not mix letters of different scripts";
    }

    /// <summary>The form a username is stored in: Unicode NFC, so that the same name typed on two systems is one string.</summary>
    public static string CanonicalUsername(string username) =>
        username.IsNormalized(NormalizationForm.FormC) ? username : username.Normalize(NormalizationForm.FormC);

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

    /// <summary>
    /// An absolute http or https URL, or one with a scheme of <paramref name="appSchemes"/> (<c>myapp://</c> for
    /// native apps; none when null). Never with user information (<c>https://user:pass@host</c>): a reader sees the
    /// part before <c>@</c> as the host (<c>http://127.0.0.1:1@evil.test</c> goes to evil.test).
    /// </summary>
    public static string? AbsoluteUrl(string? value, AppSchemes? appSchemes = null)
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
        if (!web && !(appSchemes ?? AppSchemes.None).Contains(uri.Scheme))
        {
            return appSchemes is null || appSchemes.Schemes.Count == 0
                ? "must be an http or https URL"
                : $"must be an http or https URL, or use an app scheme this server allows ({string.Join(", ", appSchemes.Schemes.Order(StringComparer.Ordinal))})";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || Authority(value).Contains('@', StringComparison.Ordinal))
        {
            return "must not contain user information (user:password@)";
        }

        return web && string.IsNullOrEmpty(uri.Host) ? "not an absolute URL" : null;
    }

    /// <summary>
    /// A web origin exactly as a browser serialises it (<c>scheme://host[:port]</c>, no path, no default port
    /// written out), or an app origin such as <c>passbind-sdk://dotnet</c> with a scheme of <paramref name="appSchemes"/>.
    /// Origins are compared as strings, so a form a browser never sends would never match and is refused up front;
    /// <c>about:blank</c>, <c>blob:</c>, <c>null</c> and extension origins are never origins an app owns.
    /// </summary>
    public static string? Origin(string? value, AppSchemes? appSchemes = null)
    {
        if (AbsoluteUrl(value, appSchemes) is { } problem)
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

    /// <summary>
    /// The key of the realm's username uniqueness rule, a skeleton after UTS #39 §4 as far as .NET carries the data:
    /// NFKC (full-width and compatibility forms fold), case folded, then letters that look alike mapped to one
    /// (<see cref="Confusables"/>: Turkish dotless and dotted i, Cyrillic and Greek look-alikes of Latin letters).
    /// Two usernames with the same key are confusable, and the unique index refuses the second.
    /// </summary>
    public static string NormalizeUsername(string username) =>
        Confusables.Skeleton(username.Normalize(NormalizationForm.FormKC).ToUpperInvariant().ToLowerInvariant());

    /// <summary>The authority as written (between <c>//</c> and the path), or empty for a URL without one.</summary>
    private static string Authority(string url)
    {
        var start = url.IndexOf("//", StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var rest = url[(start + 2)..];
        var end = rest.IndexOfAny(['/', '?', '#', '\\']);
        return end < 0 ? rest : rest[..end];
    }
}
