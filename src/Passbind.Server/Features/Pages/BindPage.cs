using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Passbind.Server.Features.Sdk;

namespace Passbind.Server.Features.Pages;

/// <summary>
/// Renders the hosted <c>/bind</c> page (bind.html) in a realm's look: its logo (light and dark) or name, its button
/// colours, its support link. The console's theme preview is this same rendering, in the state a bound passkey leaves
/// the page in. Every value is HTML-encoded; the colours go into one style element that the page's content security
/// policy allows by its hash, and each logo's origin is the only other place an image may come from.
/// </summary>
internal static class BindPage
{
    /// <summary>The sandbox of a preview the console frames: no scripts, forms, pop-ups or navigation of the console.</summary>
    public const string PreviewSandbox = "sandbox allow-same-origin";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;
    private static readonly string Template = Encoding.UTF8.GetString(EmbeddedAsset.Load("Passbind.Server.Pages.bind.html", "text/html").Content);

    public static RenderedPage Render(BindPageLook look, BindPageState state)
    {
        var style = look.ButtonColor is null && look.ButtonTextColor is null
            ? null
            : ":root{" + (look.ButtonColor is null ? "" : $"--accent:{look.ButtonColor};") + (look.ButtonTextColor is null ? "" : $"--accent-fg:{look.ButtonTextColor};") + "}";
        var passkey = state.Passkey;
        var html = new StringBuilder(Template)
            .Replace("{{realm}}", Html.Encode(look.RealmName))
            .Replace("{{theme}}", style is null ? "" : $"<style>{style}</style>")
            .Replace("{{script}}", state.Preview ? "" : "<script type=\"module\" src=\"/pages/bind.js\"></script>")
            .Replace("{{brand}}", Brand(look))
            .Replace("{{title}}", Html.Encode(state.Title))
            .Replace("{{status}}", Html.Encode(state.Status))
            .Replace("{{passkey-hidden}}", passkey is null ? " hidden" : "")
            .Replace("{{username}}", Html.Encode(passkey?.Account ?? ""))
            .Replace("{{email}}", Html.Encode(passkey?.Email ?? ""))
            .Replace("{{passkey-id}}", Html.Encode(passkey?.PasskeyId ?? ""))
            .Replace("{{created}}", Html.Encode(passkey?.Created ?? ""))
            .Replace("{{continue}}", state.ContinueText is null ? " hidden" : "")
            .Replace("{{continue-text}}", Html.Encode(state.ContinueText ?? ""))
            .Replace("{{support}}", look.SupportUrl is null ? "" :
                $"<p class=\"support\">Need help? <a href=\"{Html.Encode(look.SupportUrl)}\" rel=\"noopener noreferrer\" target=\"_blank\">Contact support</a></p>")
            .Replace("{{noscript}}", state.Preview ? "" : "<noscript><p class=\"error\">This page needs JavaScript to create a passkey.</p></noscript>")
            .ToString();
        return new RenderedPage(html, ContentSecurityPolicy(look, style, state.Preview));
    }

    private static string Brand(BindPageLook look)
    {
        var name = Html.Encode(look.RealmName);
        if (look.LogoUrlLight is null && look.LogoUrlDark is null)
        {
            return name;
        }

        var dark = look.LogoUrlDark is null || look.LogoUrlLight is null
            ? ""
            : $"<source srcset=\"{Html.Encode(look.LogoUrlDark)}\" media=\"(prefers-color-scheme: dark)\">";
        return $"<picture>{dark}<img class=\"logo\" src=\"{Html.Encode(look.LogoUrlLight ?? look.LogoUrlDark!)}\" alt=\"{name}\"></picture>";
    }

    /// <summary>
    /// The page's own files and nothing inline but its theme's style element. The page a link opens runs its script and
    /// cannot be framed (its URL carries the link's token); the preview runs none, is sandboxed, and only the console
    /// (same origin) may frame it. <see cref="PreviewSandbox"/> keeps the console's origin: with no script allowed it gives
    /// the frame nothing to use it with, and it keeps the frame in the console's renderer, where screenshots show it.
    /// </summary>
    private static string ContentSecurityPolicy(BindPageLook look, string? style, bool preview)
    {
        var styles = style is null ? "'self'" : $"'self' 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'";
        var images = string.Join(' ', new[] { look.LogoUrlLight, look.LogoUrlDark }.OfType<string>()
            .Select(url => new Uri(url).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal).Prepend("'self'"));
        return preview
            ? $"{PreviewSandbox}; default-src 'none'; style-src {styles}; img-src {images}; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
            : $"default-src 'none'; script-src 'self'; style-src {styles}; connect-src 'self'; img-src {images}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }
}
