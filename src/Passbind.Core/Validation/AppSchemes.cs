using System.Buffers;

namespace Passbind.Core.Validation;

/// <summary>
/// The custom URL schemes of native apps that a server accepts besides http and https (in invoke URLs, post-binding
/// redirects and trusted origins), from its configuration. Browser-internal schemes (<c>about:</c>, <c>blob:</c>,
/// <c>data:</c>, <c>javascript:</c>, extension origins…) can never be configured: no app owns them, and an origin
/// or redirect with one of them would hand a link or a CORS grant to whatever the browser runs there.
/// </summary>
public sealed class AppSchemes
{
    /// <summary>The scheme of the .NET SDK's default origin (<c>passbind-sdk://dotnet</c>).</summary>
    public const string SdkScheme = "passbind-sdk";

    private static readonly SearchValues<char> SchemeCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789+-.");

    /// <summary>Schemes a browser or an operating system handles itself; refused whatever the configuration says.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "http", "https", "about", "blob", "data", "javascript", "vbscript", "file", "filesystem", "view-source", "intent",
        "chrome", "chrome-extension", "chrome-untrusted", "edge", "moz-extension", "resource", "safari-web-extension",
        "ms-browser-extension", "opera", "devtools", "ws", "wss", "ftp", "mailto", "tel", "sms", "jar", "content",
    };

    private readonly HashSet<string> _schemes;

    private AppSchemes(HashSet<string> schemes) => _schemes = schemes;

    /// <summary>Web URLs only.</summary>
    public static AppSchemes None { get; } = new([]);

    /// <summary>What a server allows when its configuration names nothing: the .NET SDK's scheme.</summary>
    public static AppSchemes Default { get; } = new([SdkScheme]);

    public IReadOnlyCollection<string> Schemes => _schemes;

    /// <summary>The given schemes (compared lower-case); throws when one of them can never be an app's (see <see cref="Problem"/>).</summary>
    public static AppSchemes Of(IEnumerable<string> schemes)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scheme in schemes)
        {
            var lower = scheme.ToLowerInvariant();
            if (Problem(lower) is { } problem)
            {
                throw new ArgumentException($"'{scheme}' {problem}", nameof(schemes));
            }

            set.Add(lower);
        }

        return new AppSchemes(set);
    }

    /// <summary>Why <paramref name="scheme"/> cannot be an app scheme (RFC 3986 §3.1 syntax, not reserved), or null.</summary>
    public static string? Problem(string scheme)
    {
        if (scheme.Length is 0 or > 64 || !char.IsAsciiLetterLower(scheme[0]) || scheme.AsSpan().ContainsAnyExcept(SchemeCharacters))
        {
            return "is not a URL scheme (a lower-case letter, then letters, digits, +, - or .)";
        }

        return Reserved.Contains(scheme) ? "is a web or browser scheme, not an app's" : null;
    }

    public bool Contains(string scheme) => _schemes.Contains(scheme);
}
