using System.Net;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>
/// The WebAuthn RP ID of each authenticator config (product.md: its own <c>rp_id</c>, else the server's
/// configured one), and the rule that every trusted origin of a config can use that RP ID.
/// </summary>
internal sealed class RelyingParties(PublicAddresses addresses)
{
    private const int MaxRpIdLength = 253;

    /// <summary>The RP ID a config's ceremonies run with.</summary>
    public string RpId(AuthenticatorConfig config) => config.RpId ?? addresses.RpId;

    /// <summary>The RP ID of configs that set none (<c>Passbind:WebAuthn:RpId</c>, else the public base URL's host).</summary>
    public string ServerRpId => addresses.RpId;

    /// <summary>
    /// The RP ID whose related origins this server can vouch for: only its own host, since a browser asks
    /// <c>https://{rp_id}/.well-known/webauthn</c> (WebAuthn L3 §5.11).
    /// </summary>
    public string ServerHost { get; } = new Uri(addresses.BaseUrl).IdnHost;

    /// <summary>
    /// Adds a violation for each trusted origin of <paramref name="settings"/> that cannot use its RP ID. A web
    /// origin can when its host is the RP ID or a subdomain of it (the browser also refuses an RP ID that is a
    /// public suffix), or, for configs on this server's own host, as a related origin this server lists at
    /// <c>/.well-known/webauthn</c>. Origins of other schemes (<c>passbind-sdk://dotnet</c>) are an SDK's own and
    /// exempt: no browser runs them.
    /// </summary>
    public void Check(AuthenticatorConfigSettings settings, string field, List<FieldViolation> violations)
    {
        var rpId = settings.RpId ?? ServerRpId;
        for (var i = 0; i < settings.TrustedOrigins.Count; i++)
        {
            var origin = settings.TrustedOrigins[i];
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                continue;
            }

            if (!IsWithin(uri.IdnHost, rpId) && rpId != ServerHost)
            {
                violations.Add(new FieldViolation($"{field}.trusted_origins[{i}]",
                    $"cannot use the RP ID {rpId}: its host is neither {rpId} nor a subdomain of it"));
            }
        }
    }

    /// <summary>Whether a browser at <paramref name="host"/> may use <paramref name="rpId"/> without related origins.</summary>
    public static bool IsWithin(string host, string rpId) =>
        string.Equals(host, rpId, StringComparison.OrdinalIgnoreCase)
        || host.EndsWith($".{rpId}", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What is wrong with a sent <c>rp_id</c>, or null: it must be a lowercase domain name (WebAuthn L3 §5.1.4:
    /// a valid domain string), not an IP address, and have at least two labels unless it is <c>localhost</c>.
    /// </summary>
    public static string? RpIdProblem(string rpId)
    {
        if (rpId.Length is 0 or > MaxRpIdLength)
        {
            return $"must be a domain name of 1 to {MaxRpIdLength} characters";
        }

        if (IPAddress.TryParse(rpId, out _))
        {
            return "must be a domain name, not an IP address";
        }

        var labels = rpId.Split('.');
        if (labels.Any(label => label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
            || !label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            return "must be a lowercase domain name such as example.com (labels of a-z, 0-9 and -; punycode for other letters)";
        }

        return labels.Length < 2 && rpId != "localhost" ? "must have at least two labels, such as example.com" : null;
    }
}
