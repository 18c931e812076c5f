using Passbind.Server.Hosting;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.BindingJobs;

/// <summary>
/// Writes the two forms of a binding link (product.md, fixed point 5), always from the configured public
/// base URL, never from a request's Host header.
/// </summary>
internal sealed class BindingLinks(PublicAddresses addresses)
{
    /// <summary>The link a job hands out: <c>…/credential-binding-jobs/{job}:invokeAuthenticator?token=…</c>.</summary>
    public string InvokeLink(CredentialBindingJob job, string token) =>
        $"{addresses.AuthBaseUrl}/v1/tenants/{job.TenantId}/realms/{job.RealmId}/identities/{job.IdentityId}" +
        $"/credential-binding-jobs/{job.Id}:invokeAuthenticator?token={Uri.EscapeDataString(token)}";

    /// <summary>Where opening the link sends the browser: the app's invoke URL + <c>/bind</c>, with what an SDK needs.</summary>
    public string BindRedirect(CredentialBindingJob job, string invokeUrl, string token)
    {
        var query = string.Join('&',
            Pair("api_base_url", addresses.AuthBaseUrl),
            Pair("tenant_id", job.TenantId),
            Pair("realm_id", job.RealmId),
            Pair("identity_id", job.IdentityId),
            Pair("job_id", job.Id),
            Pair("token", token));
        return $"{invokeUrl.TrimEnd('/')}/bind?{query}";
    }

    private static string Pair(string name, string value) => $"{name}={Uri.EscapeDataString(value)}";
}
