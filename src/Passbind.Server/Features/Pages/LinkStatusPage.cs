using System.Text;
using System.Text.Encodings.Web;
using Passbind.Server.Html;

namespace Passbind.Server.Features.Pages;

/// <summary>
/// The plain page a browser gets instead of the 302 when a binding link cannot be used: it says why, in words
/// for the person holding the link, and what to do next. It names no identity and reveals nothing more.
/// </summary>
internal static class LinkStatusPage
{
    /// <summary>
    /// Renders the page for <paramref name="status"/>: 410 for a consumed, expired or revoked link, 404 for one
    /// that does not exist. <paramref name="realmName"/> (the realm's email name or display name), when given,
    /// is shown as who the link was from; it is HTML-encoded.
    /// </summary>
    public static IResult Render(LinkStatus status, string? realmName = null)
    {
        var (code, title, explanation) = status switch
        {
            LinkStatus.Consumed => (StatusCodes.Status410Gone, "This link has already been used",
                "A passkey was already set up with this link, and a link works only once. You can sign in with that passkey. If you did not set it up yourself, tell the service that sent you the link."),
            LinkStatus.Expired => (StatusCodes.Status410Gone, "This link has expired",
                "Links to set up a passkey work for a limited time. Ask for a new one."),
            LinkStatus.Revoked => (StatusCodes.Status410Gone, "This link is no longer valid",
                "It was cancelled. Ask for a new link to set up your passkey."),
            _ => (StatusCodes.Status404NotFound, "This link is not valid",
                "Check that you opened the whole link from your email, or ask for a new one."),
        };

        var body = new StringBuilder("<div class=\"card\">");
        var from = DisplayText.Clean(realmName, 64);
        if (from.Length > 0)
        {
            body.Append("<p class=\"note\">").Append(HtmlEncoder.Default.Encode(from)).Append("</p>");
        }

        body.Append("<h1>").Append(HtmlEncoder.Default.Encode(title)).Append("</h1><p>")
            .Append(HtmlEncoder.Default.Encode(explanation)).Append("</p></div>");
        return new HtmlPage(code, title, body.ToString());
    }
}
