using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Passbind.Server.Operations;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed
/// (<c>Passbind:ForwardedHeaders</c>). Default: none, and those headers are ignored from everyone. They never
/// change a URL the server writes: those come from <c>Passbind:PublicBaseUrl</c>.
/// </summary>
internal sealed class TrustedProxyOptions : IValidatableObject
{
    public const string SectionName = "Passbind:ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>. Default: none.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. <c>10.0.0.0/24</c>. Default: none.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsEnabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return new ValidationResult($"{SectionName}:KnownProxies:{i} '{KnownProxies[i]}' is not an IP address.");
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return new ValidationResult($"{SectionName}:KnownNetworks:{i} '{KnownNetworks[i]}' is not a network in CIDR notation (e.g. 10.0.0.0/24).");
            }
        }
    }
}
