using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Binding;

/// <summary>
/// What a binding link answers in each of its states (docs/binding-protocol.md §1–4, issue 3, issue 5's GET):
/// unknown, opened, options fetched, consumed, revoked, expired; the options' contents (catalogue #37); key types;
/// and credential ids already registered to anyone.
/// </summary>
public abstract class BindingLinkStateTests(PassbindServer server)
{
    [Fact]
    public async Task OptionsAndComplete_WrongToken_Answer404IdenticalToUnknownJob()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        var flipped = (link.Token[0] == 'A' ? "B" : "A") + link.Token[1..];
        var unknownJob = link with { JobId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        var credential = authenticator.CreateResponse();

        var answers = new List<(string Case, HttpStatusCode Status, string Body)>();
        foreach (var (name, target, token) in new[]
        {
            ("flipped token", link, flipped),
            ("truncated token", link, link.Token[..^1]),
            ("extended token", link, link.Token + "A"),
            ("another link's token", link, (await ceremony.CreateLinkAsync()).Token),
            ("unknown job", unknownJob, link.Token),
        })
        {
            using var optionsResponse = await ceremony.PostOptionsAsync(target, token: token);
            answers.Add(($"options, {name}", optionsResponse.StatusCode, await optionsResponse.Content.ReadAsStringAsync()));
            using var completeResponse = await ceremony.PostCompleteAsync(target, BindingCeremonyClient.CompleteBody(token, credential.DeepClone()));
            answers.Add(($"complete, {name}", completeResponse.StatusCode, await completeResponse.Content.ReadAsStringAsync()));
        }

        foreach (var (name, status, body) in answers)
        {
            Assert.True(status == HttpStatusCode.NotFound, $"{name}: {(int)status} {body}");
            using var error = JsonDocument.Parse(body);
            Assert.Equal("link_not_found", error.RootElement.GetProperty("code").GetString());
            Assert.Equal(answers[0].Body, body);
        }

        Assert.Equal("REQUEST_DELIVERED", (await ceremony.GetJobAsync(link)).GetProperty("state").GetString());
        await ceremony.CompleteAsync(link, options);
    }

    [Fact]
    public async Task OptionsAndComplete_ConsumedLink_Answer410LinkConsumed()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        await ceremony.CompleteAsync(link, options);
        var before = await ceremony.CountCredentialsAsync();

        using var optionsResponse = await ceremony.PostOptionsAsync(link);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        using var completeResponse = await ceremony.PostCompleteAsync(link, authenticator);

        await Api.AssertErrorAsync(optionsResponse, HttpStatusCode.Gone, "link_consumed");
        await Api.AssertErrorAsync(completeResponse, HttpStatusCode.Gone, "link_consumed");
        Assert.Equal(before, await ceremony.CountCredentialsAsync());
    }

    [Fact]
    public async Task OptionsAndComplete_RevokedJob_Answer410LinkRevoked()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        using (var revoke = await ceremony.Management.PostAsync($"{link.JobPath}:revoke", Api.Json("{}")))
        {
            await Api.ReadJsonAsync(revoke, expectedStatus: 200);
        }

        using var optionsResponse = await ceremony.PostOptionsAsync(link);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        using var completeResponse = await ceremony.PostCompleteAsync(link, authenticator);

        await Api.AssertErrorAsync(optionsResponse, HttpStatusCode.Gone, "link_revoked");
        await Api.AssertErrorAsync(completeResponse, HttpStatusCode.Gone, "link_revoked");
        Assert.Equal(0, await ceremony.CountCredentialsAsync(link.IdentityId));
    }

    [Fact]
    public async Task OptionsAndComplete_SuspendedIdentity_Answer410LinkRevoked()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        using (var suspend = await ceremony.Management.PatchAsync(link.IdentityPath, Api.Json("""{"identity":{"status":"suspended"}}""")))
        {
            await Api.ReadJsonAsync(suspend, expectedStatus: 200);
        }

        using var optionsResponse = await ceremony.PostOptionsAsync(link);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        using var completeResponse = await ceremony.PostCompleteAsync(link, authenticator);

        await Api.AssertErrorAsync(optionsResponse, HttpStatusCode.Gone, "link_revoked");
        await Api.AssertErrorAsync(completeResponse, HttpStatusCode.Gone, "link_revoked");
        Assert.Equal(0, await ceremony.CountCredentialsAsync(link.IdentityId));
        Assert.NotEqual("COMPLETE", (await ceremony.GetJobAsync(link)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Complete_OptionsBeforeExpiryCompletionAfter_Answers410LinkExpired()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        var expireTime = DateTimeOffset.Parse((await ceremony.GetJobAsync(link)).GetProperty("expire_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        var body = BindingCeremonyClient.CompleteBody(link.Token, authenticator.CreateResponse());
        server.Time.Advance(expireTime - server.Time.GetUtcNow() + TimeSpan.FromSeconds(1));

        using var completeResponse = await ceremony.PostCompleteAsync(link, body);
        using var optionsResponse = await ceremony.PostOptionsAsync(link);

        await Api.AssertErrorAsync(completeResponse, HttpStatusCode.Gone, "link_expired");
        await Api.AssertErrorAsync(optionsResponse, HttpStatusCode.Gone, "link_expired");
        Assert.Equal(0, await ceremony.CountCredentialsAsync(link.IdentityId));
        Assert.NotEqual("COMPLETE", (await ceremony.GetJobAsync(link)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Complete_OneSecondBeforeExpiry_Binds()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var expireTime = DateTimeOffset.Parse((await ceremony.GetJobAsync(link)).GetProperty("expire_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        server.Time.Advance(expireTime - server.Time.GetUtcNow() - TimeSpan.FromSeconds(5));

        await ceremony.BindAsync(link);

        Assert.Equal("COMPLETE", (await ceremony.GetJobAsync(link)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Complete_ChallengeExpiredLinkValid_Answers400ChallengeExpiredAndNewOptionsBind()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        var timeout = TimeSpan.FromMilliseconds(options.GetProperty("timeout").GetInt32());
        server.Time.Advance(timeout + TimeSpan.FromSeconds(1));
        var expireTime = DateTimeOffset.Parse((await ceremony.GetJobAsync(link)).GetProperty("expire_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expireTime > server.Time.GetUtcNow(), "the link must still be valid for this test");
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);

        using var response = await ceremony.PostCompleteAsync(link, authenticator);

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "challenge_expired");
        Assert.Equal(0, await ceremony.CountCredentialsAsync(link.IdentityId));
        await ceremony.BindAsync(link);
    }

    [Fact]
    public async Task Options_SoftwareKeyTypeNotAllowedByConfig_Answers403KeyTypeNotAllowed()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var webAuthnOnly = await CreateConfigAsync(ceremony, "webauthn_passkey");
        var softwareOnly = await CreateConfigAsync(ceremony, "software_passkey");
        var webAuthnLink = await ceremony.CreateLinkAsync(authenticatorConfigId: webAuthnOnly);
        var softwareLink = await ceremony.CreateLinkAsync(authenticatorConfigId: softwareOnly);

        using var subtle = await ceremony.PostOptionsAsync(webAuthnLink, keyType: "subtle");
        using var webAuthn = await ceremony.PostOptionsAsync(softwareLink, keyType: "webauthn");
        using var defaulted = await ceremony.PostOptionsAsync(softwareLink, keyType: null);

        await Api.AssertErrorAsync(subtle, HttpStatusCode.Forbidden, "key_type_not_allowed");
        await Api.AssertErrorAsync(webAuthn, HttpStatusCode.Forbidden, "key_type_not_allowed");
        await Api.AssertErrorAsync(defaulted, HttpStatusCode.Forbidden, "key_type_not_allowed");
        Assert.Equal("LINK_SENT", (await ceremony.GetJobAsync(webAuthnLink)).GetProperty("state").GetString());

        // Each link still binds with the kind its config allows.
        await ceremony.CompleteAsync(webAuthnLink, await ceremony.GetOptionsAsync(webAuthnLink, "webauthn"));
        await ceremony.CompleteAsync(softwareLink, await ceremony.GetOptionsAsync(softwareLink, "subtle"));
    }

    [Fact]
    public async Task Complete_CredentialIdBoundToAnotherIdentity_Answers409AndLeavesBothUntouched()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        using var otherTenant = await BindingCeremonyClient.ForNewTenantAsync(server);
        var firstLink = await ceremony.CreateLinkAsync();
        var firstOptions = await ceremony.GetOptionsAsync(firstLink);
        using var first = BindingCeremonyClient.NewAuthenticator(firstOptions);
        using (var bound = await ceremony.PostCompleteAsync(firstLink, first))
        {
            await Api.ReadJsonAsync(bound, expectedStatus: 200);
        }

        var firstCredentialId = (await ceremony.GetJobAsync(firstLink)).GetProperty("credential_id").GetString()!;
        var firstCredential = await ceremony.GetCredentialAsync(firstLink.IdentityId, firstCredentialId);

        foreach (var target in new[] { ceremony, otherTenant })
        {
            var link = await target.CreateLinkAsync();
            var options = await target.GetOptionsAsync(link);
            using var copy = BindingCeremonyClient.NewAuthenticator(options);
            copy.CredentialId = first.CredentialId;

            using var response = await target.PostCompleteAsync(link, copy);

            var error = await Api.AssertErrorAsync(response, HttpStatusCode.Conflict, "credential_exists");
            Assert.DoesNotContain(firstLink.IdentityId, error.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(firstCredentialId, error.GetRawText(), StringComparison.Ordinal);
            Assert.Equal(0, await target.CountCredentialsAsync(link.IdentityId));
            Assert.Equal("REQUEST_DELIVERED", (await target.GetJobAsync(link)).GetProperty("state").GetString());
            Assert.Equal(firstCredential.GetRawText(), (await ceremony.GetCredentialAsync(firstLink.IdentityId, firstCredentialId)).GetRawText());

            // The link was not consumed: a passkey of its own still binds.
            await target.CompleteAsync(link, options);
        }
    }

    [Fact]
    public async Task Get_UsableLink_Redirects302ToInvokeUrlBindAndRecordsLinkOpened()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        using var configResponse = await ceremony.Management.GetAsync($"{link.RealmPath}/authenticator-configs/{ceremony.AuthenticatorConfigId}");
        var invokeUrl = (await Api.ReadJsonAsync(configResponse, expectedStatus: 200)).GetProperty("config").GetProperty("invoke_url").GetString()!;

        using var response = await ceremony.Anonymous.GetAsync(link.InvokePathAndQuery);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var location = response.Headers.Location!;
        Assert.Equal($"{invokeUrl.TrimEnd('/')}/bind", location.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("api_base_url,tenant_id,realm_id,identity_id,job_id,token", string.Join(',', query.AllKeys));
        Assert.Equal(PassbindServerFactory.PublicBaseUrl, query["api_base_url"]);
        Assert.Equal(link.TenantId, query["tenant_id"]);
        Assert.Equal(link.RealmId, query["realm_id"]);
        Assert.Equal(link.IdentityId, query["identity_id"]);
        Assert.Equal(link.JobId, query["job_id"]);
        Assert.Equal(link.Token, query["token"]);
        Assert.Equal("LINK_OPENED", (await ceremony.GetJobAsync(link)).GetProperty("state").GetString());

        // Opening it again changes nothing, and it still binds.
        using var again = await ceremony.Anonymous.GetAsync(link.InvokePathAndQuery);
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        await ceremony.BindAsync(link);
    }

    [Fact]
    public async Task Head_UsableLink_ChangesNothing()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var before = (await ceremony.GetJobAsync(link)).GetRawText();

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, link.InvokePathAndQuery);
            using var response = await ceremony.Anonymous.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.OK, $"HEAD answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, (await ceremony.GetJobAsync(link)).GetRawText());
        await ceremony.BindAsync(link);
    }

    [Theory]
    [InlineData("consumed")]
    [InlineData("expired")]
    [InlineData("revoked")]
    public async Task Get_UnusableLink_Answers410PlainPageNotRedirect(string state)
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        switch (state)
        {
            case "consumed":
                await ceremony.BindAsync(link);
                break;
            case "revoked":
                using (var revoke = await ceremony.Management.PostAsync($"{link.JobPath}:revoke", Api.Json("{}")))
                {
                    await Api.ReadJsonAsync(revoke, expectedStatus: 200);
                }

                break;
            default:
                server.Time.Advance(TimeSpan.FromDays(1));
                break;
        }

        var job = (await ceremony.GetJobAsync(link)).GetRawText();

        using var response = await ceremony.Anonymous.GetAsync(link.InvokePathAndQuery);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(link.Token, page, StringComparison.Ordinal);
        Assert.Equal(job, (await ceremony.GetJobAsync(link)).GetRawText());
    }

    [Fact]
    public async Task Options_TwoCalls_AnswerFreshChallengesAndWhatCatalogue37Asks()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var identity = await ceremony.CreateIdentityAsync();
        var identityId = identity.GetProperty("id").GetString()!;
        var username = identity.GetProperty("traits").GetProperty("username").GetString()!;
        var existingLink = await ceremony.CreateLinkAsync(identityId);
        using var existing = BindingCeremonyClient.NewAuthenticator(await ceremony.GetOptionsAsync(existingLink));
        using (var bound = await ceremony.PostCompleteAsync(existingLink, existing))
        {
            await Api.ReadJsonAsync(bound, expectedStatus: 200);
        }

        var link = await ceremony.CreateLinkAsync(identityId);

        var first = await ceremony.GetOptionsAsync(link);
        Assert.Equal("REQUEST_DELIVERED", (await ceremony.GetJobAsync(link)).GetProperty("state").GetString());
        var second = await ceremony.GetOptionsAsync(link);

        var firstChallenge = BindingCeremonyClient.Challenge(first);
        var secondChallenge = BindingCeremonyClient.Challenge(second);
        Assert.True(firstChallenge.Length >= 32, $"challenge of {firstChallenge.Length} bytes");
        Assert.True(secondChallenge.Length >= 32, $"challenge of {secondChallenge.Length} bytes");
        Assert.NotEqual(firstChallenge, secondChallenge);
        foreach (var options in new[] { first, second })
        {
            var timeout = options.GetProperty("timeout").GetInt32();
            Assert.InRange(timeout, 60_000, 600_000);
            Assert.Equal(BindingCeremonyClient.RpId, options.GetProperty("rp").GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(options.GetProperty("rp").GetProperty("name").GetString()));
            var userHandle = Base64Url.DecodeFromChars(options.GetProperty("user").GetProperty("id").GetString());
            Assert.InRange(userHandle.Length, 1, 64);
            Assert.DoesNotContain(username, Encoding.UTF8.GetString(userHandle), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(identityId, Encoding.UTF8.GetString(userHandle), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(username, options.GetProperty("user").GetProperty("name").GetString());
            var algorithms = options.GetProperty("pubKeyCredParams").EnumerateArray().Select(p => p.GetProperty("alg").GetInt32()).ToList();
            Assert.Contains(-7, algorithms);
            Assert.Contains(-257, algorithms);
            Assert.Equal("none", options.GetProperty("attestation").GetString());
            var excluded = Assert.Single(options.GetProperty("excludeCredentials").EnumerateArray());
            Assert.Equal("public-key", excluded.GetProperty("type").GetString());
            Assert.Equal(Base64Url.EncodeToString(existing.CredentialId), excluded.GetProperty("id").GetString());
        }

        Assert.Equal(first.GetProperty("user").GetProperty("id").GetString(), second.GetProperty("user").GetProperty("id").GetString());

        // The earlier challenge stays valid until it expires.
        await ceremony.CompleteAsync(link, first);
    }

    [Fact]
    public async Task Options_IdentityWithPasskey_ExcludesItsCredentialId()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var identityId = (await ceremony.CreateIdentityAsync()).GetProperty("id").GetString()!;
        var firstLink = await ceremony.CreateLinkAsync(identityId);
        var firstOptions = await ceremony.GetOptionsAsync(firstLink);
        Assert.Empty(firstOptions.GetProperty("excludeCredentials").EnumerateArray());
        using var authenticator = BindingCeremonyClient.NewAuthenticator(firstOptions);
        using (var bound = await ceremony.PostCompleteAsync(firstLink, authenticator))
        {
            await Api.ReadJsonAsync(bound, expectedStatus: 200);
        }

        var options = await ceremony.GetOptionsAsync(await ceremony.CreateLinkAsync(identityId));

        var excluded = Assert.Single(options.GetProperty("excludeCredentials").EnumerateArray());
        Assert.Equal(Base64Url.EncodeToString(authenticator.CredentialId), excluded.GetProperty("id").GetString());
    }

    private static async Task<string> CreateConfigAsync(BindingCeremonyClient ceremony, string method)
    {
        var body = JsonSerializer.Serialize(new
        {
            authenticator_config = new
            {
                display_name = $"Only {method}",
                config = new
                {
                    type = "embedded",
                    invoke_url = PassbindServerFactory.PublicBaseUrl,
                    invocation_type = "automatic",
                    trusted_origins = new[] { BindingCeremonyClient.PageOrigin },
                    authentication_methods = new[] { new { type = method } },
                },
            },
        });
        using var response = await ceremony.Management.PostAsync($"{ceremony.RealmPath}/authenticator-configs", Api.Json(body));
        return (await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("id").GetString()!;
    }

    public sealed class Sqlite(SqliteServer server) : BindingLinkStateTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : BindingLinkStateTests(server), IClassFixture<PostgreSqlServer>;
}
