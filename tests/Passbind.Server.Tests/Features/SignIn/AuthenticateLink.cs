using System.Buffers.Text;
using System.Text.Json;
using System.Web;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>An authenticate URL (<c>…/bi-authenticate?request=JWT</c>) split into what an SDK reads from its JWT, unverified.</summary>
public sealed record AuthenticateLink(string Url, string Request, string BaseUrl, string TenantId, string RealmId, string TransactionId)
{
    public string TransactionPath => $"/v1/tenants/{TenantId}/realms/{RealmId}/transactions/{TransactionId}";

    public JsonElement Payload => Part(Request, 1);

    public JsonElement Header => Part(Request, 0);

    public static AuthenticateLink Parse(string url)
    {
        var uri = new Uri(url);
        Assert.True(uri.AbsolutePath.EndsWith("/bi-authenticate", StringComparison.Ordinal), $"not an authenticate URL: {url}");
        var request = HttpUtility.ParseQueryString(uri.Query)["request"];
        Assert.False(string.IsNullOrEmpty(request), $"no request in {url}");
        Assert.Equal(3, request!.Split('.').Length);
        var authn = Part(request, 1).GetProperty("authn");
        return new AuthenticateLink(url, request,
            authn.GetProperty("base_url").GetString()!,
            authn.GetProperty("tid").GetString()!,
            authn.GetProperty("rid").GetString()!,
            authn.GetProperty("action").GetProperty("prove").GetProperty("transaction_id").GetString()!);
    }

    private static JsonElement Part(string jwt, int index)
    {
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[index]));
        return document.RootElement.Clone();
    }
}
