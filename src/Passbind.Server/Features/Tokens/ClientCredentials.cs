using System.Net.Http.Headers;
using System.Text;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// The client's claim of who it is, as sent: <c>client_secret_basic</c> (RFC 6749 §2.3.1), the form's
/// <c>client_id</c> and <c>client_secret</c> (<c>client_secret_post</c>), or a public client's bare
/// <c>client_id</c>.
/// </summary>
internal sealed record ClientCredentials(string ClientId, string? ClientSecret, bool UsedAuthorizationHeader)
{
    /// <summary>Reads the credentials; null when they are absent, malformed, or sent two ways at once.</summary>
    public static ClientCredentials? Read(HttpRequest request, IFormCollection form)
    {
        var postedId = form["client_id"].ToString();
        var postedSecret = form["client_secret"].ToString();
        if (request.Headers.Authorization.Count == 0)
        {
            return postedId.Length == 0 ? null : new ClientCredentials(postedId, postedSecret.Length > 0 ? postedSecret : null, false);
        }

        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { } parameter
            || postedSecret.Length > 0)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            // RFC 6749 §2.3.1 form-encodes both parts; a "+" is kept as it is, since most clients do not encode.
            var id = Uri.UnescapeDataString(decoded[..colon]);
            var secret = Uri.UnescapeDataString(decoded[(colon + 1)..]);
            return postedId.Length > 0 && postedId != id ? null : new ClientCredentials(id, secret, true);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
