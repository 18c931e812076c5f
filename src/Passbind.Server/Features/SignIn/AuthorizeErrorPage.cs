using System.Text.Encodings.Web;
using Passbind.Server.Html;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// What the browser gets when an authorize request names an unknown client or a redirect URI the client did not
/// register: a plain 400 page, never a redirect (RFC 6749 §4.1.2.1), since that URI may be an attacker's.
/// </summary>
internal static class AuthorizeErrorPage
{
    private const string Title = "This sign-in cannot start";

    public static IResult Render(string problem)
    {
        var body = $"<div class=\"card\"><h1>{HtmlEncoder.Default.Encode(Title)}</h1><p>{HtmlEncoder.Default.Encode(problem)}</p>" +
            "<p class=\"note\">The application that sent you here is misconfigured. Go back to it and try again, or tell its support.</p></div>";
        return new HtmlPage(StatusCodes.Status400BadRequest, Title, body);
    }
}
