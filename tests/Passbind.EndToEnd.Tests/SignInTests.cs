using Passbind.Client;
using Passbind.Sdk;

namespace Passbind.EndToEnd.Tests;

/// <summary>
/// Sign-in as a .NET app does it (issue 11, "Done when"): the server started as a real process, a passkey bound with the
/// .NET SDK, an OIDC application made with the management API; authorize answers the authenticate URL, the SDK signs,
/// and the relying party's code exchange yields an id_token for that identity.
/// </summary>
public sealed class SignInTests : IClassFixture<SignInServerFixture>, IDisposable
{
    private readonly ServerProcess _server;
    private readonly PassbindClient _client;
    private readonly DirectoryInfo _device = Directory.CreateTempSubdirectory("passbind-device-");

    public SignInTests(SignInServerFixture fixture)
    {
        _server = fixture.Server;
        _client = new PassbindClient(PassbindClientOptions.FromBootstrapFile(_server.BootstrapPath));
    }

    [Fact]
    public async Task AuthenticateAsync_BoundPasskey_CodeExchangesForIdTokenOfThatIdentity()
    {
        var (embedded, identity, passkey) = await BindAsync();
        var application = await SignInApplication.CreateAsync(_server);
        var (attempt, authenticateUrl) = await application.AuthorizeAsync();
        Assert.True(embedded.IsAuthenticateUrl(authenticateUrl), authenticateUrl);

        var context = await embedded.GetAuthenticationContextAsync(authenticateUrl);
        var response = await embedded.AuthenticateAsync(authenticateUrl, passkey.Id);
        var (tokens, idToken) = await application.ExchangeAsync(attempt, response.RedirectUrl);

        Assert.Equal(application.Id, context.Application.Id);
        Assert.Contains(context.AuthMethods, m => m.Type == "software_passkey");
        Assert.Equal(passkey, response.Passkey);
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString(), ignoreCase: true);
        Assert.Equal(identity.Id, idToken.GetProperty("sub").GetString());
        Assert.Equal(application.Issuer, idToken.GetProperty("iss").GetString());
        Assert.Equal(attempt.Nonce, idToken.GetProperty("nonce").GetString());
        Assert.Contains(application.ClientId, AudienceOf(idToken));
        Assert.Contains("pop", idToken.GetProperty("amr").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task AuthenticateAsync_TwoSignIns_BothSucceedWithARisingCounter()
    {
        var (embedded, identity, passkey) = await BindAsync();
        var application = await SignInApplication.CreateAsync(_server, confidential: false);

        foreach (var _ in new[] { 1, 2 })
        {
            var (attempt, authenticateUrl) = await application.AuthorizeAsync();
            var response = await embedded.AuthenticateAsync(authenticateUrl, passkeyId: null);
            var (_, idToken) = await application.ExchangeAsync(attempt, response.RedirectUrl);
            Assert.Equal(identity.Id, idToken.GetProperty("sub").GetString());
        }

        Assert.Equal(passkey, Assert.Single(await embedded.GetPasskeysAsync()));
    }

    [Fact]
    public async Task AuthenticateAsync_CompletedTransaction_TransactionCompletedAndNoSecondCode()
    {
        var (embedded, _, passkey) = await BindAsync();
        var application = await SignInApplication.CreateAsync(_server);
        var (_, authenticateUrl) = await application.AuthorizeAsync();
        await embedded.AuthenticateAsync(authenticateUrl, passkey.Id);

        var again = await Assert.ThrowsAsync<PassbindException>(() => embedded.AuthenticateAsync(authenticateUrl, passkey.Id));

        Assert.Equal(PassbindErrorCodes.TransactionCompleted, again.Code);
        Assert.Equal(410, again.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_RevokedPasskey_AuthenticationFailedCredentialNotAllowed()
    {
        var (embedded, identity, passkey) = await BindAsync();
        await _client.Credentials.RevokeAsync(identity.Id, passkey.PasskeyId);
        var application = await SignInApplication.CreateAsync(_server);
        var (_, authenticateUrl) = await application.AuthorizeAsync();

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.AuthenticateAsync(authenticateUrl, passkey.Id));

        Assert.Equal(PassbindErrorCodes.AuthenticationFailed, error.Code);
        Assert.Equal("credential_not_allowed", error.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_OriginTheConfigDoesNotTrust_OriginNotAllowed()
    {
        var (_, _, passkey) = await BindAsync();
        var application = await SignInApplication.CreateAsync(_server);
        var (_, authenticateUrl) = await application.AuthorizeAsync();
        var elsewhere = await InitializeSdkAsync(origin: "passbind-sdk://not.trusted");

        var error = await Assert.ThrowsAsync<PassbindException>(() => elsewhere.AuthenticateAsync(authenticateUrl, passkey.Id));

        Assert.Equal(PassbindErrorCodes.OriginNotAllowed, error.Code);
    }

    public void Dispose()
    {
        try
        {
            _device.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder: left for the OS.
        }
    }

    private static IEnumerable<string?> AudienceOf(System.Text.Json.JsonElement idToken)
    {
        var aud = idToken.GetProperty("aud");
        return aud.ValueKind == System.Text.Json.JsonValueKind.Array ? aud.EnumerateArray().Select(a => a.GetString()) : [aud.GetString()];
    }

    /// <summary>A new identity, and a software passkey bound to it into this test's device store.</summary>
    private async Task<(Embedded Embedded, Identity Identity, Passkey Passkey)> BindAsync()
    {
        var username = $"signin-{Guid.NewGuid():N}"[..20];
        var identity = await _client.Identities.CreateAsync(new CreateIdentityRequest
        {
            DisplayName = username,
            Traits = new IdentityTraits { Username = username, PrimaryEmailAddress = $"{username}@example.com" },
        });
        var link = (await _client.CredentialBindingJobs.CreateLinkAsync(identity.Id, "https://app.example.com/bound")).CredentialBindingLink!;
        var embedded = await InitializeSdkAsync();
        var bound = await embedded.BindPasskeyAsync(link);
        return (embedded, identity, bound.Passkey);
    }

    /// <summary>The SDK as an app on this device sets it up: a store in a temporary folder, only the server's host allowed.</summary>
    private Task<Embedded> InitializeSdkAsync(string? origin = null) => Embedded.InitializeAsync(new EmbeddedOptions
    {
        StoreDirectory = Path.Combine(_device.FullName, "passkeys"),
        StoreKeyFile = Path.Combine(_device.FullName, "keys", "store.key"),
        AllowedDomains = [new Uri(_server.BaseUrl).Host],
        Origin = origin ?? EmbeddedOptions.DefaultOrigin,
    });
}
