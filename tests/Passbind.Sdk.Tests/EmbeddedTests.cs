using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Passbind.Sdk.Tests.Fakes;

namespace Passbind.Sdk.Tests;

public sealed class EmbeddedTests : IDisposable
{
    private readonly TestDirectory _directory = new();
    private readonly FakeBindingServer _server = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _server.Dispose();
        _directory.Dispose();
    }

    private EmbeddedOptions Options(params string[] allowedDomains) => new()
    {
        StoreDirectory = _directory.StoreDirectory,
        StoreKeyFile = _directory.StoreKeyFile,
        HttpMessageHandler = _server,
        TimeProvider = _time,
        AllowedDomains = allowedDomains.Length == 0 ? ["localhost"] : allowedDomains,
    };

    [Fact]
    public async Task BindPasskeyAsync_InvokeLink_BindsVerifiedPasskeyAndReturnsRedirect()
    {
        var embedded = await Embedded.InitializeAsync(Options());

        var result = await embedded.BindPasskeyAsync(_server.Link());

        Assert.NotNull(_server.Registered);                      // Fido2NetLib accepted the attestation
        Assert.Equal("http://example.com", result.PostBindRedirect);
        var passkey = result.Passkey;
        Assert.Matches("^[0-9a-f]{64}$", passkey.Id);
        Assert.Equal(FakeBindingServer.ServerCredentialId, passkey.PasskeyId);
        Assert.Equal(PasskeyState.Active, passkey.State);
        Assert.Equal("subtle", passkey.KeyType);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, 123, 456, TimeSpan.Zero), passkey.Created);
        Assert.Equal(new PasskeyTenant(FakeBindingServer.TenantId, "Acme"), passkey.Tenant);
        Assert.Equal(new PasskeyRealm(FakeBindingServer.RealmId, "Customers"), passkey.Realm);
        Assert.Equal(
            new PasskeyIdentity(FakeBindingServer.IdentityId, "alice", "Alice", "alice@example.com", null),
            passkey.Identity);
        Assert.Equal(
            new PasskeyTheme("https://example.com/light.png", "https://example.com/dark.png", "https://example.com/support"),
            passkey.Theme);
        Assert.Equal([passkey], await embedded.GetPasskeysAsync());
    }

    [Fact]
    public async Task BindPasskeyAsync_Always_SendsTheProtocolsTwoCallsWithSubtleKeyType()
    {
        var embedded = await Embedded.InitializeAsync(Options());

        await embedded.BindPasskeyAsync(_server.Link());

        Assert.Collection(
            _server.Requests,
            r =>
            {
                Assert.EndsWith($"/credential-binding-jobs/{FakeBindingServer.JobId}:registrationOptions", r.Url.AbsolutePath, StringComparison.Ordinal);
                var body = JsonNode.Parse(r.Body)!;
                Assert.Equal(_server.Token, (string?)body["token"]);
                Assert.Equal("subtle", (string?)body["key_type"]);
            },
            r =>
            {
                Assert.EndsWith(":completeRegistration", r.Url.AbsolutePath, StringComparison.Ordinal);
                var body = JsonNode.Parse(r.Body)!;
                Assert.Equal(_server.Token, (string?)body["token"]);
                Assert.Equal("public-key", (string?)body["credential"]!["type"]);
            });
    }

    [Fact]
    public async Task BindPasskeyAsync_BindFormLink_TalksToApiBaseUrl()
    {
        var embedded = await Embedded.InitializeAsync(Options());
        var link = FakeBindingServer.LinkB("myapp:/", "http://localhost:5000", _server.Token);

        var result = await embedded.BindPasskeyAsync(link);

        Assert.Equal(FakeBindingServer.ServerCredentialId, result.Passkey.PasskeyId);
        Assert.All(_server.Requests, r => Assert.Equal("localhost", r.Url.Host));
    }

    [Fact]
    public async Task BindPasskeyAsync_CustomOrigin_PresentsIt()
    {
        _server.TrustedOrigins.Clear();
        _server.TrustedOrigins.Add("https://desktop.example.com");
        var options = Options();
        options.Origin = "https://desktop.example.com";
        var embedded = await Embedded.InitializeAsync(options);

        await embedded.BindPasskeyAsync(_server.Link());

        Assert.NotNull(_server.Registered);
    }

    [Fact]
    public async Task BindPasskeyAsync_OriginNotTrusted_PassesServerCodeThrough()
    {
        _server.TrustedOrigins.Clear();
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(_server.Link()));

        Assert.Equal(PassbindErrorCodes.OriginNotAllowed, error.Code);
        Assert.Equal(403, error.StatusCode);
        Assert.Empty(await embedded.GetPasskeysAsync());
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("http://localhost.evil.com:5000")]
    [InlineData("http://127.0.0.1:5000")]
    public async Task BindPasskeyAsync_HostNotAllowed_RefusesBeforeAnyRequest(string baseUrl)
    {
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(_server.Link(baseUrl)));

        Assert.Equal(PassbindErrorCodes.DomainNotAllowed, error.Code);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task BindPasskeyAsync_BindFormWithApiBaseUrlNotAllowed_RefusesBeforeAnyRequest()
    {
        // The invoke URL's host is the app's; what counts is the host the token would be sent to.
        var embedded = await Embedded.InitializeAsync(Options());
        var link = FakeBindingServer.LinkB("http://localhost:3000", "https://evil.example.com", _server.Token);

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(link));

        Assert.Equal(PassbindErrorCodes.DomainNotAllowed, error.Code);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task BindPasskeyAsync_DefaultOptions_AllowLocalhostOnly()
    {
        var defaults = new EmbeddedOptions();
        Assert.Equal(["localhost"], defaults.AllowedDomains);
        Assert.Equal("passbind-sdk://dotnet", defaults.Origin);

        var options = Options();
        options.AllowedDomains = defaults.AllowedDomains;
        var embedded = await Embedded.InitializeAsync(options);

        var error = await Assert.ThrowsAsync<PassbindException>(
            () => embedded.BindPasskeyAsync(_server.Link("https://passbind.example.com")));
        Assert.Equal(PassbindErrorCodes.DomainNotAllowed, error.Code);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task BindPasskeyAsync_SubdomainOfAllowedDomain_IsAllowed()
    {
        _server.RpId = "example.com";
        var embedded = await Embedded.InitializeAsync(Options("example.com"));

        await embedded.BindPasskeyAsync(_server.Link("https://auth.example.com"));

        Assert.NotNull(_server.Registered);
    }

    [Fact]
    public async Task BindPasskeyAsync_ParentDomainRpIdOfServer_IsAllowed()
    {
        _server.RpId = "example.com";
        var embedded = await Embedded.InitializeAsync(Options("auth.example.com"));

        await embedded.BindPasskeyAsync(_server.Link("https://auth.example.com"));

        Assert.NotNull(_server.Registered);
    }

    [Fact]
    public async Task BindPasskeyAsync_RpIdOfAnotherSite_ThrowsRpIdNotAllowedWithoutCompleting()
    {
        _server.RpId = "bank.example.net";
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(_server.Link()));

        Assert.Equal(PassbindErrorCodes.RpIdNotAllowed, error.Code);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task BindPasskeyAsync_InvalidUrl_ThrowsInvalidUrl()
    {
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync("https://localhost/bi-authenticate?request=x"));

        Assert.Equal(PassbindErrorCodes.InvalidUrl, error.Code);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task BindPasskeyAsync_LinkUsedTwice_SecondThrowsLinkConsumed()
    {
        var embedded = await Embedded.InitializeAsync(Options());
        await embedded.BindPasskeyAsync(_server.Link());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(_server.Link()));

        Assert.Equal(PassbindErrorCodes.LinkConsumed, error.Code);
        Assert.Equal(410, error.StatusCode);
        Assert.Single(await embedded.GetPasskeysAsync());
    }

    [Theory]
    [InlineData(HttpStatusCode.Gone, "link_consumed")]
    [InlineData(HttpStatusCode.Gone, "link_expired")]
    [InlineData(HttpStatusCode.Gone, "link_revoked")]
    [InlineData(HttpStatusCode.NotFound, "link_not_found")]
    [InlineData(HttpStatusCode.Forbidden, "key_type_not_allowed")]
    [InlineData(HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData(HttpStatusCode.InternalServerError, "internal_server_error")]
    public async Task BindPasskeyAsync_ServerError_PassesCodeAndMessageThrough(HttpStatusCode status, string code)
    {
        _server.Override = _ => FakeBindingServer.Error(status, code, "the server's words");
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(_server.Link()));

        Assert.Equal(code, error.Code);
        Assert.Equal("the server's words", error.Message);
        Assert.Equal((int)status, error.StatusCode);
    }

    [Fact]
    public async Task BindPasskeyAsync_RegistrationFailed_CarriesReason()
    {
        _server.Override = r => r.Url.AbsolutePath.EndsWith(":completeRegistration", StringComparison.Ordinal)
            ? FakeBindingServer.Error(HttpStatusCode.BadRequest, "registration_failed", "rp id mismatch", "rp_id_mismatch")
            : null;
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(_server.Link()));

        Assert.Equal(PassbindErrorCodes.RegistrationFailed, error.Code);
        Assert.Equal("rp_id_mismatch", error.Reason);
        Assert.Empty(await embedded.GetPasskeysAsync());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html>bad gateway</html>")]
    [InlineData(HttpStatusCode.InternalServerError, "")]
    [InlineData(HttpStatusCode.Found, "")]
    [InlineData(HttpStatusCode.OK, "{not json")]
    [InlineData(HttpStatusCode.OK, "{}")]
    public async Task BindPasskeyAsync_UnusableAnswer_ThrowsServerError(HttpStatusCode status, string body)
    {
        _server.Override = _ => new HttpResponseMessage(status) { Content = new StringContent(body) };
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(_server.Link()));

        Assert.Equal(PassbindErrorCodes.ServerError, error.Code);
    }

    [Fact]
    public async Task BindPasskeyAsync_ServerUnreachable_ThrowsNetworkError()
    {
        _server.Override = _ => throw new HttpRequestException("connection refused");
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(_server.Link()));

        Assert.Equal(PassbindErrorCodes.NetworkError, error.Code);
    }

    [Fact]
    public async Task BindPasskeyAsync_ExcludedCredentialHeldHere_ThrowsCredentialExcludedWithoutCompleting()
    {
        var embedded = await Embedded.InitializeAsync(Options());
        await embedded.BindPasskeyAsync(_server.Link());
        var credentialId = (string)JsonNode.Parse(_server.LastCredentialJson!)!["id"]!;
        _server.Consumed = false;
        _server.Requests.Clear();
        _server.ExcludeCredentials.Add(credentialId);

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(_server.Link()));

        Assert.Equal(PassbindErrorCodes.CredentialExcluded, error.Code);
        Assert.Single(_server.Requests);
        Assert.Single(await embedded.GetPasskeysAsync());
    }

    [Fact]
    public async Task BindPasskeyAsync_ExcludedCredentialNotHeldHere_Binds()
    {
        _server.ExcludeCredentials.Add("c29tZW9uZS1lbHNlcy1jcmVkZW50aWFs");
        var embedded = await Embedded.InitializeAsync(Options());

        await embedded.BindPasskeyAsync(_server.Link());

        Assert.NotNull(_server.Registered);
    }

    [Fact]
    public async Task GetPasskeysAsync_SeveralBinds_ReturnsOldestFirst()
    {
        var embedded = await Embedded.InitializeAsync(Options());
        var first = await embedded.BindPasskeyAsync(_server.Link());
        _server.Consumed = false;
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await embedded.BindPasskeyAsync(_server.Link());

        var passkeys = await embedded.GetPasskeysAsync();

        Assert.Equal([first.Passkey.Id, second.Passkey.Id], passkeys.Select(p => p.Id));
    }

    [Fact]
    public async Task GetPasskeysAsync_NewInstanceOnSameStore_SeesBoundPasskey()
    {
        var bound = await (await Embedded.InitializeAsync(Options())).BindPasskeyAsync(_server.Link());

        var again = await Embedded.InitializeAsync(Options());

        Assert.Equal([bound.Passkey], await again.GetPasskeysAsync());
    }

    [Fact]
    public async Task DeletePasskeyAsync_BoundPasskey_RemovesItLocallyOnly()
    {
        var embedded = await Embedded.InitializeAsync(Options());
        var bound = await embedded.BindPasskeyAsync(_server.Link());
        var requests = _server.Requests.Count;

        await embedded.DeletePasskeyAsync(bound.Passkey.Id);

        Assert.Empty(await embedded.GetPasskeysAsync());
        Assert.Equal(requests, _server.Requests.Count);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("no-such-id")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public async Task DeletePasskeyAsync_MissingId_IsNotAnError(string id)
    {
        var embedded = await Embedded.InitializeAsync(Options());
        var bound = await embedded.BindPasskeyAsync(_server.Link());

        await embedded.DeletePasskeyAsync(id);

        Assert.Equal([bound.Passkey], await embedded.GetPasskeysAsync());
    }

    [Fact]
    public async Task InitializeAsync_AllowedDomainWithScheme_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Embedded.InitializeAsync(Options("https://example.com")));
    }

    [Fact]
    public async Task InitializeAsync_KeyFileInsideStoreDirectory_ThrowsArgumentException()
    {
        var options = Options();
        options.StoreKeyFile = Path.Combine(options.StoreDirectory, "store.key");

        await Assert.ThrowsAsync<ArgumentException>(() => Embedded.InitializeAsync(options));
    }

    [Fact]
    public async Task InitializeAsync_ReplacementStore_IsUsedInsteadOfFiles()
    {
        var store = new InMemoryPasskeyStore();
        var options = Options();
        options.PasskeyStore = store;
        var embedded = await Embedded.InitializeAsync(options);

        var bound = await embedded.BindPasskeyAsync(_server.Link());

        Assert.Equal(bound.Passkey, Assert.Single(store.Entries.Values).Passkey.Passkey);
        Assert.False(Directory.Exists(_directory.StoreDirectory));
    }
}
