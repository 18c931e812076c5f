using System.Text.Json.Nodes;
using Passbind.Sdk.Tests.Fakes;

namespace Passbind.Sdk.Tests;

/// <summary><see cref="Embedded.IsAuthenticateUrl(string?)"/>: a <c>/bi-authenticate</c> route whose request JWT names a transaction.</summary>
public sealed class EmbeddedIsAuthenticateUrlTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    // The request decoded from Beyond Identity's Android SDK tests (beyond-identity-api.md §5.3), re-encoded.
    private static readonly string BeyondIdentityRequest = FakeSignInServer.Jwt(JsonNode.Parse("""
        {"iss":"https://beyondidentity.com/v1/tenants/0001e3214d99f585/realms/8c4223d484c685db/applications/919fb545-23cb-4563-adda-f33105a2243d",
         "sub":"AMDWbgMqhX4D83DkX5QvjUXJ","aud":[],"exp":1664225136,"nbf":1664216736,"iat":1664220936,"verb":"authenticate",
         "authn":{"base_url":"https://auth-us.beyondidentity.com","rid":"8c4223d484c685db","tid":"0001e3214d99f585",
           "aid":"919fb545-23cb-4563-adda-f33105a2243d",
           "action":{"prove":{"transaction_id":"aCi8E47pTwzpXaH8wwL28Ma8X8cH2Byx","nonce":"9OL9RIYf5MeKLdB4"}},
           "redirect_uri":"http://example.com","state":"foobar"},
         "origin":{"ip":"127.0.0.6","ua":"Ruby","geo":"Unknown City","ref":""}}
        """)!);

    private static string Payload(string json) => FakeSignInServer.Jwt(JsonNode.Parse(json)!);

    public static TheoryData<string> AuthenticateUrls => new()
    {
        $"https://auth-us.beyondidentity.com/bi-authenticate?request={BeyondIdentityRequest}",
        $"https://auth.thisurldoesntmatter.com/bi-authenticate?request={BeyondIdentityRequest}",
        $"http://localhost:8083/bi-authenticate?request={BeyondIdentityRequest}&state=1",
        $"http://localhost:8083/app/bi-authenticate/?request={BeyondIdentityRequest}",
        $"myapp://bi-authenticate?request={BeyondIdentityRequest}",
        $"  http://localhost:5080/bi-authenticate?request={BeyondIdentityRequest}  ",
        $"https://example.com/bi-authenticate?request={Payload("""{"authn":{"action":{"prove":{"transaction_id":"t"}}}}""")}",
    };

    public static TheoryData<string?> NotAuthenticateUrls => new()
    {
        null,
        "",
        "garbage",
        "https://example.com/bi-authenticate",
        "https://example.com/bi-authenticate?request=",
        $"https://example.com/authenticate?request={BeyondIdentityRequest}",
        $"https://example.com/bi-authenticate?token={BeyondIdentityRequest}",
        FakeBindingServer.LinkA(),
        // NOTE: Beyond Identity's own SDK tests call a placeholder request an authenticate URL; Passbind wants the JWT
        // that names a transaction (sign-in-protocol.md §2), so that true means AuthenticateAsync can use the URL.
        "https://auth-us.beyondidentity.com/bi-authenticate?request=0123456789ABCDEF",
        "https://example.com/bi-authenticate?request=a.b.c",
        $"https://example.com/bi-authenticate?request={Payload("""{"authn":{"action":{"prove":{}}}}""")}",
        $"https://example.com/bi-authenticate?request={Payload("""{"authn":{"action":{"prove":{"transaction_id":42}}}}""")}",
        $"https://example.com/bi-authenticate?request={Payload("""{"authn":{"action":{"prove":{"transaction_id":"a/b"}}}}""")}",
        $"https://example.com/bi-authenticate?request={Payload("[1,2]")}",
        $"https://example.com/bi-authenticate?request={BeyondIdentityRequest}.extra",
    };

    [Theory]
    [MemberData(nameof(AuthenticateUrls))]
    public async Task IsAuthenticateUrl_RequestNamingATransaction_ReturnsTrueAndIsNoBindUrl(string url)
    {
        var embedded = await InitializeAsync();

        Assert.True(embedded.IsAuthenticateUrl(url));
        Assert.False(embedded.IsBindPasskeyUrl(url));
    }

    [Theory]
    [MemberData(nameof(NotAuthenticateUrls))]
    public async Task IsAuthenticateUrl_AnythingElse_ReturnsFalse(string? url)
    {
        var embedded = await InitializeAsync();

        Assert.False(embedded.IsAuthenticateUrl(url));
    }

    public void Dispose() => _directory.Dispose();

    private Task<Embedded> InitializeAsync() => Embedded.InitializeAsync(new EmbeddedOptions
    {
        StoreDirectory = _directory.StoreDirectory,
        StoreKeyFile = _directory.StoreKeyFile,
        HttpMessageHandler = new FakeBindingServer(),
    });
}
