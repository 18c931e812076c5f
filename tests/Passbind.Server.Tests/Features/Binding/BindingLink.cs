using System.Web;

namespace Passbind.Server.Tests.Features.Binding;

/// <summary>A binding link of form A (binding-protocol.md §1) as the API returned it, split into the values an SDK extracts.</summary>
public sealed record BindingLink(string Url, string TenantId, string RealmId, string IdentityId, string JobId, string Token)
{
    public string RealmPath => $"/v1/tenants/{TenantId}/realms/{RealmId}";

    public string IdentityPath => $"{RealmPath}/identities/{IdentityId}";

    /// <summary>The job in the management API (and, with a custom method, in the ceremony).</summary>
    public string JobPath => $"{IdentityPath}/credential-binding-jobs/{JobId}";

    public string OptionsPath => $"{JobPath}:registrationOptions";

    public string CompletePath => $"{JobPath}:completeRegistration";

    /// <summary>The link's path and query, for the in-process client.</summary>
    public string InvokePathAndQuery => new Uri(Url).PathAndQuery;

    /// <summary>Form A: <c>…/identities/{i}/credential-binding-jobs/{job}:invokeAuthenticator?token={token}</c>.</summary>
    public static BindingLink Parse(string url)
    {
        var uri = new Uri(url);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(segments.Length == 9 && segments[0] == "v1" && segments[1] == "tenants" && segments[3] == "realms"
            && segments[5] == "identities" && segments[7] == "credential-binding-jobs" && segments[8].EndsWith(":invokeAuthenticator", StringComparison.Ordinal),
            $"not a form A binding link: {url}");
        var token = HttpUtility.ParseQueryString(uri.Query)["token"];
        Assert.False(string.IsNullOrEmpty(token), $"no token in {url}");
        return new BindingLink(url, segments[2], segments[4], segments[6], segments[8][..^":invokeAuthenticator".Length], token!);
    }
}
