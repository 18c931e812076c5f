using System.Buffers.Binary;
using System.Buffers.Text;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Passbind.Sdk.Tests.Fakes;

namespace Passbind.Sdk.Tests;

/// <summary>
/// Sign-in with the .NET SDK against <see cref="FakeSignInServer"/>, which verifies every assertion with Fido2NetLib
/// against the passkey the SDK bound moments before.
/// </summary>
public sealed class EmbeddedAuthenticateTests : IDisposable
{
    private readonly TestDirectory _directory = new();
    private readonly FakeSignInServer _server = new();
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

    private async Task<(Embedded Embedded, Passkey Passkey)> BindAsync()
    {
        var embedded = await Embedded.InitializeAsync(Options());
        var bound = await embedded.BindPasskeyAsync(_server.Binding.Link());
        return (embedded, bound.Passkey);
    }

    private static uint SignCountOf(string credentialJson)
    {
        var authenticatorData = Base64Url.DecodeFromChars((string)JsonNode.Parse(credentialJson)!["response"]!["authenticatorData"]!);
        return BinaryPrimitives.ReadUInt32BigEndian(authenticatorData.AsSpan(33, 4));
    }

    [Fact]
    public async Task AuthenticateAsync_BoundPasskey_ServerVerifiesAssertionAndRedirectUrlIsReturned()
    {
        var (embedded, passkey) = await BindAsync();

        var response = await embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id);

        Assert.Equal(FakeSignInServer.RedirectUrl, response.RedirectUrl);
        Assert.Null(response.Message);
        Assert.Equal(passkey, response.Passkey);
        Assert.Null(response.PasskeyBindingToken);
        Assert.Equal(1u, _server.StoredSignCount);                // Fido2NetLib accepted it and took its counter
    }

    [Fact]
    public async Task AuthenticateAsync_Always_SendsOptionsThenCompletionWithTheRequestAndTheCredentialId()
    {
        var (embedded, passkey) = await BindAsync();

        await embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id);

        var credentialId = Base64Url.EncodeToString(_server.Binding.Registered!.Id);
        var prefix = $"/v1/tenants/{FakeBindingServer.TenantId}/realms/{FakeBindingServer.RealmId}/transactions/{FakeSignInServer.TransactionId}:";
        Assert.Collection(
            _server.Requests,
            r =>
            {
                Assert.Equal(prefix + "authenticationOptions", r.Url.AbsolutePath);
                var body = JsonNode.Parse(r.Body)!;
                Assert.Equal(_server.Request, (string?)body["request"]);
                Assert.Equal("subtle", (string?)body["key_type"]);
                Assert.Equal(credentialId, (string?)body["credential_id"]);
            },
            r =>
            {
                Assert.Equal(prefix + "completeAuthentication", r.Url.AbsolutePath);
                var body = JsonNode.Parse(r.Body)!;
                Assert.Equal(_server.Request, (string?)body["request"]);
                Assert.Equal(credentialId, (string?)body["credential"]!["id"]);
            });
    }

    [Fact]
    public async Task AuthenticateAsync_Always_SendsLevel3AuthenticationResponseJson()
    {
        var (embedded, passkey) = await BindAsync();

        await embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id);

        var credential = JsonNode.Parse(_server.LastCredentialJson!)!;
        Assert.Equal((string?)credential["id"], (string?)credential["rawId"]);
        Assert.Equal("public-key", (string?)credential["type"]);
        Assert.Equal("platform", (string?)credential["authenticatorAttachment"]);
        Assert.Equal("{}", credential["clientExtensionResults"]!.ToJsonString());
        var clientData = JsonNode.Parse(Base64Url.DecodeFromChars((string)credential["response"]!["clientDataJSON"]!))!;
        Assert.Equal("webauthn.get", (string?)clientData["type"]);
        Assert.Equal(EmbeddedOptions.DefaultOrigin, (string?)clientData["origin"]);
        Assert.False((bool)clientData["crossOrigin"]!);
        var authenticatorData = Base64Url.DecodeFromChars((string)credential["response"]!["authenticatorData"]!);
        Assert.Equal(37, authenticatorData.Length);
        Assert.Equal(0x05, authenticatorData[32]);                  // UP|UV, no BE/BS, no AT/ED
        Assert.Equal(0x30, Base64Url.DecodeFromChars((string)credential["response"]!["signature"]!)[0]); // DER
        var userHandle = JsonNode.Parse(_server.Binding.LastOptionsJson!)!["user"]!["id"]!;
        Assert.Equal((string?)userHandle, (string?)credential["response"]!["userHandle"]);
    }

    [Fact]
    public async Task AuthenticateAsync_Repeated_SignCountRisesAndSurvivesANewInstance()
    {
        var (embedded, passkey) = await BindAsync();

        await embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id);
        await embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id);
        var again = await Embedded.InitializeAsync(Options());
        await again.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id);

        Assert.Equal(3u, _server.StoredSignCount);
        Assert.Equal(3u, SignCountOf(_server.LastCredentialJson!));
    }

    [Fact]
    public async Task AuthenticateAsync_ServerAsksForAnotherCredential_PasskeyNotFoundAndNothingSigned()
    {
        var (embedded, passkey) = await BindAsync();
        _server.AllowCredentials = [new JsonObject { ["type"] = "public-key", ["id"] = "c29tZW9uZS1lbHNl" }];

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id));

        Assert.Equal(PassbindErrorCodes.PasskeyNotFound, error.Code);
        Assert.Single(_server.Requests);                            // options only, no completion
        _server.AllowCredentials = null;
        await embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id);
        Assert.Equal(1u, SignCountOf(_server.LastCredentialJson!)); // the refused request used up no count
    }

    [Fact]
    public async Task AuthenticateAsync_OptionsForAForeignRpId_RpIdNotAllowed()
    {
        var (embedded, passkey) = await BindAsync();
        _server.RpId = "example.com";

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id));

        Assert.Equal(PassbindErrorCodes.RpIdNotAllowed, error.Code);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownPasskeyId_PasskeyNotFoundBeforeAnyRequest()
    {
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(
            () => embedded.AuthenticateAsync(_server.AuthenticateUrl(), new string('a', 64)));

        Assert.Equal(PassbindErrorCodes.PasskeyNotFound, error.Code);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task AuthenticateAsync_PasskeyOfAnotherRealm_PasskeyNotFoundBeforeAnyRequest()
    {
        var (embedded, passkey) = await BindAsync();
        var url = "http://localhost:5080/bi-authenticate?request="
            + FakeSignInServer.RequestJwt("http://localhost:5000", FakeBindingServer.TenantId, "otherrealm");

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.AuthenticateAsync(url, passkey.Id));

        Assert.Equal(PassbindErrorCodes.PasskeyNotFound, error.Code);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("http://localhost:5000/v1/tenants/t/realms/r/identities/i/credential-binding-jobs/j:invokeAuthenticator?token=x")]
    [InlineData("https://auth-us.beyondidentity.com/bi-authenticate?request=0123456789ABCDEF")]
    public async Task SignInMethods_NotAnAuthenticateUrl_InvalidUrlBeforeAnyRequest(string url)
    {
        var (embedded, passkey) = await BindAsync();

        foreach (var call in SignInCalls(embedded, url, passkey.Id))
        {
            Assert.Equal(PassbindErrorCodes.InvalidUrl, (await Assert.ThrowsAsync<PassbindException>(call)).Code);
        }

        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(null, FakeBindingServer.TenantId, FakeBindingServer.RealmId)]
    [InlineData("javascript:alert(1)", FakeBindingServer.TenantId, FakeBindingServer.RealmId)]
    [InlineData("http://localhost:5000", null, FakeBindingServer.RealmId)]
    [InlineData("http://localhost:5000", FakeBindingServer.TenantId, "a/b")]
    public async Task SignInMethods_RequestNamesNoServerTenantOrRealm_InvalidUrl(string? baseUrl, string? tenantId, string? realmId)
    {
        var (embedded, passkey) = await BindAsync();
        var url = "http://localhost:5080/bi-authenticate?request=" + FakeSignInServer.RequestJwt(baseUrl, tenantId, realmId);

        Assert.True(embedded.IsAuthenticateUrl(url));             // the shape is right; it just cannot be used
        foreach (var call in SignInCalls(embedded, url, passkey.Id))
        {
            Assert.Equal(PassbindErrorCodes.InvalidUrl, (await Assert.ThrowsAsync<PassbindException>(call)).Code);
        }

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SignInMethods_BaseUrlNotAllowed_DomainNotAllowedAndTheRequestGoesNowhere()
    {
        var (embedded, passkey) = await BindAsync();
        var url = "http://localhost:5080/bi-authenticate?request="
            + FakeSignInServer.RequestJwt("https://evil.example.net", FakeBindingServer.TenantId, FakeBindingServer.RealmId);

        foreach (var call in SignInCalls(embedded, url, passkey.Id))
        {
            Assert.Equal(PassbindErrorCodes.DomainNotAllowed, (await Assert.ThrowsAsync<PassbindException>(call)).Code);
        }

        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("authenticationOptions", HttpStatusCode.NotFound, "transaction_not_found", null)]
    [InlineData("authenticationOptions", HttpStatusCode.Gone, "transaction_expired", null)]
    [InlineData("authenticationOptions", HttpStatusCode.Gone, "transaction_completed", null)]
    [InlineData("completeAuthentication", HttpStatusCode.BadRequest, "authentication_failed", "credential_not_allowed")]
    [InlineData("completeAuthentication", HttpStatusCode.BadRequest, "challenge_expired", null)]
    [InlineData("completeAuthentication", (HttpStatusCode)429, "rate_limited", null)]
    public async Task AuthenticateAsync_ServerError_PassesCodeStatusAndReasonThrough(
        string step, HttpStatusCode status, string code, string? reason)
    {
        var (embedded, passkey) = await BindAsync();
        _server.Override = r => r.Url.AbsolutePath.EndsWith(":" + step, StringComparison.Ordinal)
            ? FakeBindingServer.Error(status, code, $"server says {code}", reason)
            : null;

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id));

        Assert.Equal(code, error.Code);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal($"server says {code}", error.Message);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_CompletionWithoutRedirectUrl_ServerError()
    {
        var (embedded, passkey) = await BindAsync();
        _server.Override = r => r.Url.AbsolutePath.EndsWith(":completeAuthentication", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"message":null}""") }
            : null;

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkey.Id));

        Assert.Equal(PassbindErrorCodes.ServerError, error.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_EmptyPasskeyId_ThrowsArgumentException()
    {
        var embedded = await Embedded.InitializeAsync(Options());

        await Assert.ThrowsAsync<ArgumentException>(() => embedded.AuthenticateAsync(_server.AuthenticateUrl(), ""));
    }

    [Fact]
    public async Task AuthenticateAsync_NoPasskeyIdAndOnePasskeyOfTheRealm_SignsWithIt()
    {
        var (embedded, passkey) = await BindAsync();

        var response = await embedded.AuthenticateAsync(_server.AuthenticateUrl(), passkeyId: null);

        Assert.Equal(passkey, response.Passkey);
        Assert.Equal(1u, _server.StoredSignCount);
    }

    [Fact]
    public async Task AuthenticateAsync_NoPasskeyIdAndNoneOfTheRealm_PasskeyNotFoundBeforeAnyRequest()
    {
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.AuthenticateAsync(_server.AuthenticateUrl(), null));

        Assert.Equal(PassbindErrorCodes.PasskeyNotFound, error.Code);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task AuthenticateAsync_NoPasskeyIdAndTwoOfTheRealm_PasskeyAmbiguousBeforeAnyRequest()
    {
        var (embedded, _) = await BindAsync();
        _server.Binding.Consumed = false;
        await embedded.BindPasskeyAsync(_server.Binding.Link());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.AuthenticateAsync(_server.AuthenticateUrl(), null));

        Assert.Equal(PassbindErrorCodes.PasskeyAmbiguous, error.Code);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task GetAuthenticationContextAsync_Always_MapsTheServersAnswer()
    {
        var embedded = await Embedded.InitializeAsync(Options());

        var context = await embedded.GetAuthenticationContextAsync(_server.AuthenticateUrl());

        Assert.Equal($"http://localhost:5000/bi-authenticate?request={_server.Request}", context.AuthUrl);
        Assert.Equal([new AuthenticationMethod("software_passkey"), new AuthenticationMethod("email_one_time_password")], context.AuthMethods);
        Assert.Equal(new AuthenticationApplication(FakeSignInServer.ApplicationId, "Pet App"), context.Application);
        Assert.Equal(new AuthenticationOrigin("203.0.113.9", "curl/8", "Unknown", "https://pets.example/"), context.Origin);
        Assert.Equal(_server.Request, (string?)JsonNode.Parse(Assert.Single(_server.Requests).Body)!["request"]);
    }

    [Fact]
    public async Task GetAuthenticationContextAsync_NoAuthUrl_KeepsTheUrlGiven()
    {
        var embedded = await Embedded.InitializeAsync(Options());
        _server.Override = _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"application":{"id":"app1"}}"""),
        };

        var context = await embedded.GetAuthenticationContextAsync(_server.AuthenticateUrl());

        Assert.Equal(_server.AuthenticateUrl(), context.AuthUrl);
        Assert.Empty(context.AuthMethods);
        Assert.Equal(new AuthenticationApplication("app1", null), context.Application);
        Assert.Equal(new AuthenticationOrigin(null, null, null, null), context.Origin);
    }

    [Fact]
    public async Task AuthenticateOtpThenRedeemOtp_RightCode_RedirectUrlAndBindingToken()
    {
        var embedded = await Embedded.InitializeAsync(Options());

        var started = await embedded.AuthenticateOtpAsync(_server.AuthenticateUrl(), " alice@example.com ");
        var response = await embedded.RedeemOtpAsync(started.Url, FakeSignInServer.Otp);

        Assert.True(embedded.IsAuthenticateUrl(started.Url));
        Assert.Equal(FakeSignInServer.RedirectUrl, response.RedirectUrl);
        Assert.Null(response.Passkey);
        Assert.Equal("pbt-1", response.PasskeyBindingToken);
        Assert.Equal("alice@example.com", (string?)JsonNode.Parse(_server.Requests[0].Body)!["email"]);
        Assert.Equal(FakeSignInServer.Otp, (string?)JsonNode.Parse(_server.Requests[1].Body)!["otp"]);
    }

    [Fact]
    public async Task RedeemOtpAsync_WrongCode_OtpInvalid()
    {
        var embedded = await Embedded.InitializeAsync(Options());

        var error = await Assert.ThrowsAsync<PassbindException>(() => embedded.RedeemOtpAsync(_server.AuthenticateUrl(), "000000"));

        Assert.Equal(PassbindErrorCodes.OtpInvalid, error.Code);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task OtpMethods_BlankArguments_ThrowArgumentExceptionBeforeAnyRequest()
    {
        var embedded = await Embedded.InitializeAsync(Options());

        await Assert.ThrowsAsync<ArgumentException>(() => embedded.AuthenticateOtpAsync(_server.AuthenticateUrl(), "  "));
        await Assert.ThrowsAsync<ArgumentException>(() => embedded.RedeemOtpAsync(_server.AuthenticateUrl(), ""));
        Assert.Empty(_server.Requests);
    }

    private static Func<Task>[] SignInCalls(Embedded embedded, string url, string passkeyId) =>
    [
        () => embedded.AuthenticateAsync(url, passkeyId),
        () => embedded.GetAuthenticationContextAsync(url),
        () => embedded.AuthenticateOtpAsync(url, "alice@example.com"),
        () => embedded.RedeemOtpAsync(url, "123456"),
    ];
}
