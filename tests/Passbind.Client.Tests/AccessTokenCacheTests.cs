using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Passbind.Client.Tests;

public sealed class AccessTokenCacheTests
{
    private const string TokenPath =
        "/v1/tenants/" + TestClients.TenantId + "/realms/" + TestClients.RealmId + "/applications/" + TestClients.ApplicationId + "/token";

    private static FakeHttpMessageHandler HandlerIssuing(int expiresIn = 3600) =>
        new() { TokenResponder = n => (HttpStatusCode.OK, SpecExamples.Token($"token-{n}", expiresIn)) };

    [Fact]
    public async Task ClientCredentials_FirstCall_PostsBasicAuthFormToAuthBaseTokenEndpoint()
    {
        var handler = HandlerIssuing();
        handler.EnqueueOk(SpecExamples.Tenant);
        var options = TestClients.ClientCredentialsOptions();
        options.Scope = "tenants:read identities:create";
        var client = TestClients.Create(handler, options);

        await client.Tenant.GetAsync();

        var token = Assert.Single(handler.TokenRequests);
        Assert.Equal(HttpMethod.Post, token.Method);
        Assert.Equal("http://auth.localhost:5000" + TokenPath, token.Uri.AbsoluteUri);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("AYYNcuOSpfqIf33JeegCzDIT:wWD4mPzdSecret"));
        Assert.Equal("Basic " + basic, token.Authorization);
        Assert.Equal("application/x-www-form-urlencoded", token.ContentType);
        Assert.Equal("grant_type=client_credentials&scope=tenants%3Aread+identities%3Acreate", token.Body);
        Assert.Equal("Bearer token-1", Assert.Single(handler.ApiRequests).Authorization);
    }

    [Fact]
    public async Task ClientCredentials_NoScope_OmitsScopeAndDefaultsAuthBaseToApiBase()
    {
        var handler = HandlerIssuing();
        handler.EnqueueOk(SpecExamples.Tenant);
        var options = TestClients.ClientCredentialsOptions();
        options.AuthBaseUrl = null;
        var client = TestClients.Create(handler, options);

        await client.Tenant.GetAsync();

        var token = Assert.Single(handler.TokenRequests);
        Assert.Equal("http://localhost:5000" + TokenPath, token.Uri.AbsoluteUri);
        Assert.Equal("grant_type=client_credentials", token.Body);
    }

    [Fact]
    public async Task ClientCredentials_ManyCalls_OneTokenRequest()
    {
        var handler = HandlerIssuing();
        for (var i = 0; i < 20; i++)
        {
            handler.EnqueueOk(SpecExamples.Tenant);
        }

        var gate = new TaskCompletionSource();
        handler.TokenGate = gate.Task;
        var client = TestClients.Create(handler, TestClients.ClientCredentialsOptions());

        // Ten callers arrive while the first token is still being fetched, then ten more after.
        var concurrent = Enumerable.Range(0, 10).Select(_ => Task.Run(() => client.Tenant.GetAsync())).ToList();
        while (handler.TokenRequests.Count == 0)
        {
            await Task.Yield();
        }

        gate.SetResult();
        await Task.WhenAll(concurrent);
        for (var i = 0; i < 10; i++)
        {
            await client.Tenant.GetAsync();
        }

        Assert.Single(handler.TokenRequests);
        Assert.Equal(20, handler.ApiRequests.Count);
        Assert.All(handler.ApiRequests, r => Assert.Equal("Bearer token-1", r.Authorization));
    }

    [Fact]
    public async Task ClientCredentials_BeforeRefreshMargin_KeepsToken_AfterIt_Refreshes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var handler = HandlerIssuing(expiresIn: 3600);
        for (var i = 0; i < 3; i++)
        {
            handler.EnqueueOk(SpecExamples.Tenant);
        }

        var client = TestClients.Create(handler, TestClients.ClientCredentialsOptions(), time);

        await client.Tenant.GetAsync();
        time.Advance(TimeSpan.FromSeconds(3600 - 61));
        await client.Tenant.GetAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        await client.Tenant.GetAsync();

        Assert.Equal(2, handler.TokenRequests.Count);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], handler.ApiRequests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task ClientCredentials_ShortLivedToken_RefreshesAtHalfLife()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var handler = HandlerIssuing(expiresIn: 60);
        for (var i = 0; i < 3; i++)
        {
            handler.EnqueueOk(SpecExamples.Tenant);
        }

        var client = TestClients.Create(handler, TestClients.ClientCredentialsOptions(), time);

        await client.Tenant.GetAsync();
        time.Advance(TimeSpan.FromSeconds(29));
        await client.Tenant.GetAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await client.Tenant.GetAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], handler.ApiRequests.Select(r => r.Authorization));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, """{"code":"unauthorized","message":"unauthorized"}""")]
    [InlineData(HttpStatusCode.Forbidden, """{"code":"forbidden","message":"forbidden"}""")]
    public async Task ClientCredentials_RejectedToken_RefreshesAndRetriesOnce(HttpStatusCode status, string body)
    {
        var handler = HandlerIssuing();
        handler.Enqueue(status, body);
        handler.EnqueueOk(SpecExamples.Identity);
        var client = TestClients.Create(handler, TestClients.ClientCredentialsOptions());

        var identity = await client.Identities.CreateAsync(
            new CreateIdentityRequest { DisplayName = "Test Identity", Traits = new IdentityTraits { Username = "test" } });

        Assert.Equal("e372db224c06e850", identity.Id);
        Assert.Equal(2, handler.TokenRequests.Count);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], handler.ApiRequests.Select(r => r.Authorization));
        Assert.Equal(handler.ApiRequests[0].Body, handler.ApiRequests[1].Body);
    }

    [Fact]
    public async Task ClientCredentials_RejectedTwice_ThrowsAfterOneRetry()
    {
        var handler = HandlerIssuing();
        handler.Enqueue(HttpStatusCode.Unauthorized, SpecExamples.Unauthorized);
        handler.Enqueue(HttpStatusCode.Unauthorized, SpecExamples.Unauthorized);
        var client = TestClients.Create(handler, TestClients.ClientCredentialsOptions());

        var ex = await Assert.ThrowsAsync<PassbindApiException>(() => client.Tenant.GetAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("unauthorized", ex.Code);
        Assert.Equal(2, handler.ApiRequests.Count);
        Assert.Equal(2, handler.TokenRequests.Count);
    }

    [Fact]
    public async Task StaticToken_Rejected_ThrowsWithoutRetry()
    {
        var handler = new FakeHttpMessageHandler();
        handler.Enqueue(HttpStatusCode.Unauthorized, SpecExamples.Unauthorized);
        var client = TestClients.Create(handler);

        var ex = await Assert.ThrowsAsync<PassbindApiException>(() => client.Tenant.GetAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ClientCredentials_TokenEndpointRefuses_ThrowsOAuthError()
    {
        var handler = new FakeHttpMessageHandler
        {
            TokenResponder = _ => (HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"client authentication failed"}"""),
        };
        var client = TestClients.Create(handler, TestClients.ClientCredentialsOptions());

        var ex = await Assert.ThrowsAsync<PassbindApiException>(() => client.Tenant.GetAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("invalid_client", ex.Code);
        Assert.Equal("client authentication failed", ex.Message);
        Assert.Empty(handler.ApiRequests);
    }
}
