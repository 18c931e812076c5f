using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Features.SignIn;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;
using Passbind.Testing.WebAuthn;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Issue 13 finding 6, at the server's default limits: guessing client secrets or link tokens, burning a link with
/// failed completions, flooding an inbox with links and piling up passkeys all meet a limit; a 429 carries
/// <c>Retry-After</c> and <c>{code, message}</c>; and the limit is counted in the database, so a second node sees it.
/// </summary>
public abstract class RateLimitTests(PassbindServer server)
{
    private static int _addresses;

    [Fact]
    public async Task TokenEndpoint_TenWrongSecrets_ThenEvenTheRightOneGets429UntilTheWindowPasses()
    {
        var access = await server.CreateTenantAsync();
        var other = await server.CreateTenantAsync();
        var address = NewAddress();
        for (var i = 0; i < 10; i++)
        {
            using var wrong = await PostTokenAsync(access, "wrong-secret-" + i, address);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = await PostTokenAsync(access, access.ClientSecret, address);
        using var elsewhere = await PostTokenAsync(access, access.ClientSecret, NewAddress());
        using var otherClient = await PostTokenAsync(other, other.ClientSecret, address);

        await AssertLimitedAsync(limited);
        Assert.Equal(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);

        server.Time.Advance(TimeSpan.FromMinutes(5));
        using var later = await PostTokenAsync(access, access.ClientSecret, address);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task WrongSecrets_AtRevocationAndIntrospection_CountLikeAtTheTokenEndpoint()
    {
        var access = await server.CreateTenantAsync();
        foreach (var endpoint in new[] { "revoke", "introspect" })
        {
            for (var i = 0; i < 5; i++)
            {
                using var wrong = await PostClientAsync($"{access.RealmPath}/applications/{access.ApplicationId}/{endpoint}", access.ClientId, "wrong-secret", NewAddress(),
                    new Dictionary<string, string> { ["token"] = "anything" });
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }
        }

        using var limited = await PostTokenAsync(access, access.ClientSecret, NewAddress());

        await AssertLimitedAsync(limited);
    }

    [Fact]
    public async Task UnknownLinkTokens_FromOneAddress_Get429AndAnotherAddressStillBinds()
    {
        using var ceremony = await BindingCeremonyClient.ForNewTenantAsync(server);
        var link = await ceremony.CreateLinkAsync();
        var guesser = NewAddress();
        for (var i = 0; i < 20; i++)
        {
            using var guess = await SendAsync(ceremony.Anonymous, HttpMethod.Get, $"{link.JobPath}:invokeAuthenticator?token=guess{i}", guesser);
            Assert.Equal(HttpStatusCode.NotFound, guess.StatusCode);
        }

        using var blockedGet = await SendAsync(ceremony.Anonymous, HttpMethod.Get, $"{link.InvokePathAndQuery}", guesser);
        using var blockedOptions = await SendAsync(ceremony.Anonymous, HttpMethod.Post, link.OptionsPath, guesser, JsonSerializer.Serialize(new { token = link.Token }));

        Assert.Equal(HttpStatusCode.TooManyRequests, blockedGet.StatusCode);
        await AssertLimitedAsync(blockedOptions);
        await ceremony.BindAsync(link);
    }

    [Fact]
    public async Task FailedCompletions_FiveRefused_RevokeTheLink()
    {
        using var ceremony = await BindingCeremonyClient.ForNewTenantAsync(server);
        var link = await ceremony.CreateLinkAsync();
        for (var i = 0; i < 5; i++)
        {
            var publicKey = await ceremony.GetOptionsAsync(link);
            using var authenticator = BindingCeremonyClient.NewAuthenticator(publicKey, attestation: AttestationKind.PackedSelf);
            authenticator.CorruptSignature = true;
            using var refused = await ceremony.PostCompleteAsync(link, authenticator);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var after = await ceremony.PostOptionsAsync(link);

        await Api.AssertErrorAsync(after, HttpStatusCode.Gone, "link_revoked");
        Assert.Equal("REVOKED", (await ceremony.GetJobAsync(link)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task FailedCompletions_WithWrongTokens_NeverBurnTheLink()
    {
        using var ceremony = await BindingCeremonyClient.ForNewTenantAsync(server);
        var link = await ceremony.CreateLinkAsync();
        var publicKey = await ceremony.GetOptionsAsync(link);
        for (var i = 0; i < 10; i++)
        {
            using var authenticator = BindingCeremonyClient.NewAuthenticator(publicKey);
            using var stranger = await SendAsync(ceremony.Anonymous, HttpMethod.Post, link.CompletePath, NewAddress(),
                BindingCeremonyClient.CompleteBody(new string('A', link.Token.Length), authenticator.CreateResponse()));
            Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        }

        await ceremony.CompleteAsync(link, publicKey);
    }

    [Fact]
    public async Task EmailLinks_EleventhToOneIdentityWithinAnHour_Gets429()
    {
        using var client = server.CreateClient();
        var identity = await server.CreateIdentityAsync();
        var path = $"{server.Bootstrap.RealmPath}/identities/{Wire.Id(identity)}/credential-binding-jobs";
        var body = JsonSerializer.Serialize(new { job = new { delivery_method = "EMAIL", authenticator_config_id = server.Bootstrap.AuthenticatorConfigId } });
        for (var i = 0; i < 10; i++)
        {
            using var sent = await client.PostAsync(path, Api.Json(body));
            await Api.ReadJsonAsync(sent, expectedStatus: 200);
        }

        using var eleventh = await client.PostAsync(path, Api.Json(body));
        var returned = JsonSerializer.Serialize(new { job = new { delivery_method = "RETURN", authenticator_config_id = server.Bootstrap.AuthenticatorConfigId } });
        using var notEmailed = await client.PostAsync(path, Api.Json(returned));

        await AssertLimitedAsync(eleventh);
        Assert.Equal(HttpStatusCode.OK, notEmailed.StatusCode);
        Assert.Equal(11, await Api.CountAsync(client, path));
    }

    [Fact]
    public async Task Passkeys_IdentityAtTheCap_GetsNoMoreOptions()
    {
        using var ceremony = await BindingCeremonyClient.ForNewTenantAsync(server);
        var identityId = Wire.Id(await ceremony.CreateIdentityAsync());
        var tenant = ceremony.RealmPath.Split('/');
        for (var i = 0; i < 20; i++)
        {
            await server.InsertCredentialAsync(tenant[3], tenant[5], identityId);
        }

        var link = await ceremony.CreateLinkAsync(identityId);
        using var refused = await ceremony.PostOptionsAsync(link);

        await Api.AssertErrorAsync(refused, HttpStatusCode.Conflict, "passkey_limit_reached");
        Assert.Equal(20, await ceremony.CountCredentialsAsync(identityId));
    }

    [Fact]
    public async Task SignIn_ForgedTransactionsFromOneAddress_Get429AndAnotherAddressSignsIn()
    {
        using var signIn = await SignInClient.ForNewTenantAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var guesser = NewAddress();
        for (var i = 0; i < 30; i++)
        {
            using var forged = await SendAsync(signIn.Browser, HttpMethod.Post, $"{link.TransactionPath}:authenticationContext", guesser,
                JsonSerializer.Serialize(new { request = link.Request + "x" }));
            await Api.AssertErrorAsync(forged, HttpStatusCode.NotFound, "transaction_not_found");
        }

        using var blocked = await SendAsync(signIn.Browser, HttpMethod.Post, $"{link.TransactionPath}:authenticationContext", guesser,
            JsonSerializer.Serialize(new { request = link.Request }));

        await AssertLimitedAsync(blocked);
        var signedIn = await signIn.AuthenticateAsync(link, passkey);
        Assert.StartsWith(SignInClient.RedirectUri, signedIn.GetProperty("redirect_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RefusedAssertionsForOneIdentity_CountFromEveryAddressAndASuccessStartsAgain()
    {
        using var signIn = await SignInClient.ForNewTenantAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var other = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link);
        await RefuseAsync(99);
        using (var signedIn = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options)))
        {
            await Api.ReadJsonAsync(signedIn, expectedStatus: 200);
        }

        link = await signIn.StartAsync();
        options = await signIn.GetOptionsAsync(link);
        await RefuseAsync(100);
        using var limited = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options));
        var otherIdentity = await signIn.AuthenticateAsync(await signIn.StartAsync(), other);

        await AssertLimitedAsync(limited);
        Assert.Equal(other.IdentityId, otherIdentity.GetProperty("credential").GetProperty("identity_id").GetString());
        server.Time.Advance(TimeSpan.FromHours(1));
        var later = await signIn.StartAsync();
        var laterAssertion = SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(later));
        laterAssertion.SignCount = 2;
        using var afterTheWindow = await signIn.PostCompleteAsync(later, laterAssertion);
        await Api.ReadJsonAsync(afterTheWindow, expectedStatus: 200);

        async Task RefuseAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var forged = SignInClient.NewAssertion(passkey, options);
                forged.CorruptSignature = true;
                using var refused = await SendAsync(signIn.Browser, HttpMethod.Post, $"{link.TransactionPath}:completeAuthentication", NewAddress(),
                    SignInClient.CompleteBody(link, forged.CreateResponse()));
                await Api.AssertErrorAsync(refused, HttpStatusCode.BadRequest, "authentication_failed");
            }
        }
    }

    [Fact]
    public async Task OneTimeCodes_InboxAtItsLimit_GetsNoCodeButTheSameAnswer()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var identity = await signIn.Binding.CreateIdentityAsync();
        var email = identity.GetProperty("traits").GetProperty("primary_email_address").GetString()!;
        var path = $"{signIn.RealmPath}/identities/{Wire.Id(identity)}/credential-binding-jobs";
        var body = JsonSerializer.Serialize(new { job = new { delivery_method = "EMAIL", authenticator_config_id = signIn.AuthenticatorConfigId } });
        for (var i = 0; i < 10; i++)
        {
            using var sent = await signIn.Binding.Management.PostAsync(path, Api.Json(body));
            await Api.ReadJsonAsync(sent, expectedStatus: 200);
        }

        var link = await signIn.StartAsync();
        var known = await signIn.CallAsync(link, "authenticateOtp", new JsonObject { ["request"] = link.Request, ["email"] = email });
        var unknownLink = await signIn.StartAsync();
        var unknown = await signIn.CallAsync(unknownLink, "authenticateOtp", new JsonObject { ["request"] = unknownLink.Request, ["email"] = "nobody@example.test" });

        Assert.Equal(unknown.EnumerateObject().Select(p => p.Name), known.EnumerateObject().Select(p => p.Name));
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Recipient == email && m.Kind == "sign_in_code"));
        Assert.Equal(10, await db.OutboxMessages.CountAsync(m => m.Recipient == email));
    }

    [Fact]
    public async Task ManagementRequests_OneApplicationPastItsRate_Gets429AndAnotherApplicationDoesNot()
    {
        var busy = await server.CreateTenantAsync();
        var quiet = await server.CreateTenantAsync();
        var settings = new Dictionary<string, string?>(RateLimitedSettings.Defaults)
        {
            ["Passbind:RateLimits:RequestsPerApplication:Limit"] = "50",
            ["Passbind:RateLimits:RequestsPerApplication:Window"] = "00:01:00",
        };
        await using var node = new PassbindServerFactory(server.Storage, server.Time, settings: settings);
        using var busyClient = node.CreateApiClient(busy.AccessToken);
        using var quietClient = node.CreateApiClient(quiet.AccessToken);
        for (var i = 0; i < 50; i++)
        {
            using var allowed = await busyClient.GetAsync($"{busy.RealmPath}/identities");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await busyClient.GetAsync($"{busy.RealmPath}/identities");
        using var other = await quietClient.GetAsync($"{quiet.RealmPath}/identities");

        await AssertLimitedAsync(limited);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Limit_CountedInTheDatabase_HoldsOnASecondNode()
    {
        var access = await server.CreateTenantAsync();
        var address = NewAddress();
        await using var secondNode = new PassbindServerFactory(server.Storage, server.Time, settings: RateLimitedSettings.Defaults);
        using var second = secondNode.CreateApiClient(accessToken: null);
        for (var i = 0; i < 10; i++)
        {
            using var wrong = await PostTokenAsync(access, "wrong", address, i % 2 == 0 ? null : second);
        }

        using var onFirst = await PostTokenAsync(access, access.ClientSecret, address);
        using var onSecond = await PostTokenAsync(access, access.ClientSecret, address, second);

        Assert.Equal(HttpStatusCode.TooManyRequests, onFirst.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, onSecond.StatusCode);
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        await Api.AssertErrorAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { } delta && delta > TimeSpan.Zero && delta <= TimeSpan.FromHours(1), $"Retry-After was {retryAfter}");
    }

    private Task<HttpResponseMessage> PostTokenAsync(TenantAccess access, string secret, string address, HttpClient? via = null) =>
        PostClientAsync(access.TokenPath, access.ClientId, secret, address, new Dictionary<string, string> { ["grant_type"] = "client_credentials" }, via);

    /// <summary>A form POST authenticated with the client's id and <paramref name="secret"/> (Basic), from <paramref name="address"/>.</summary>
    private async Task<HttpResponseMessage> PostClientAsync(
        string path, string clientId, string secret, string address, Dictionary<string, string> form, HttpClient? via = null)
    {
        using var own = via is null ? server.CreateClient(accessToken: null) : null;
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        request.Headers.Add(CapturedLogs.FromAddressHeader, address);
        request.Content = new FormUrlEncodedContent(form);
        return await (via ?? own!).SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string address, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(CapturedLogs.FromAddressHeader, address);
        if (json is not null)
        {
            request.Content = Api.Json(json);
        }

        return await client.SendAsync(request);
    }

    /// <summary>A documentation address (RFC 5737 TEST-NET-2) of its own, so that tests sharing the server do not share a count.</summary>
    private static string NewAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"198.51.{100 + (n / 250)}.{1 + (n % 250)}";
    }

    public sealed class Sqlite(RateLimitedSqliteServer server) : RateLimitTests(server), IClassFixture<RateLimitedSqliteServer>;

    public sealed class PostgreSql(RateLimitedPostgreSqlServer server) : RateLimitTests(server), IClassFixture<RateLimitedPostgreSqlServer>;
}
