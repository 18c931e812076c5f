using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Testing.WebAuthn;
using Passbind.Core.WebAuthn;
using Passbind.Server.Features.Binding;
using Passbind.Server.Features.Oidc;
using Passbind.Server.Features.SignIn;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>
/// The passkey half of sign-in over HTTP (docs/sign-in-protocol.md §3–5, issue 11): a known-good assertion of a
/// bound passkey earns a code; then one field at a time is changed from it, each change expecting its one error,
/// nothing issued and the transaction still usable; and the credential cases (revoked, suspended, foreign,
/// unknown) all answer alike.
/// </summary>
public abstract class SignInCeremonyEndpointsTests(PassbindServer server)
{
    /// <summary>Every change from the known-good completion, by name.</summary>
    private static readonly Dictionary<string, Mutation> Mutations = new()
    {
        // 7.2 step 11: type.
        ["clientData.type webauthn.create"] = Failed("client_data_type", c => c.Assertion.ClientData["type"] = "webauthn.create"),
        ["clientData.type absent"] = Failed("client_data_type", c => c.Assertion.ClientData.Remove("type")),

        // 7.2 step 12: only the transaction's live challenge counts.
        ["clientData.challenge never issued"] = Sync(HttpStatusCode.BadRequest, "challenge_not_found", null,
            c => c.Assertion.ClientData["challenge"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))),
        ["clientData.challenge absent"] = Sync(HttpStatusCode.BadRequest, "challenge_not_found", null, c => c.Assertion.ClientData.Remove("challenge")),
        ["clientData.challenge of another transaction"] = new(HttpStatusCode.BadRequest, "challenge_not_found", null, null, async c =>
        {
            var other = await c.SignIn.StartAsync();
            var otherOptions = await c.SignIn.GetOptionsAsync(other);
            c.Assertion.ClientData["challenge"] = otherOptions.GetProperty("challenge").GetString();
            return c.Body();
        }),

        // 7.2 step 13: origins compared as exact strings, never normalised.
        ["origin https://evil.example"] = Origin("https://evil.example"),
        ["origin https://localhost"] = Origin("https://localhost"),
        ["origin http://localhost/"] = Origin("http://localhost/"),
        ["origin http://localhost:80"] = Origin("http://localhost:80"),
        ["origin http://LOCALHOST"] = Origin("http://LOCALHOST"),
        ["origin null"] = Origin("null"),

        // 7.2 steps 14–15: never framed.
        ["clientData.crossOrigin true"] = Failed("cross_origin", c => c.Assertion.ClientData["crossOrigin"] = true),
        ["clientData.topOrigin present"] = Failed("top_origin", c => c.Assertion.ClientData["topOrigin"] = "http://localhost"),

        // 7.2 steps 16–19: authenticator data.
        ["rpIdHash of evil.example"] = Failed("rp_id_mismatch", c => c.Assertion.RpIdHash = SHA256.HashData("evil.example"u8)),
        ["flags UP=0"] = Failed("user_not_present", c => c.Assertion.Flags &= ~AuthenticatorDataFlags.UserPresent),
        ["flags BS=1 BE=0"] = Failed("invalid_backup_flags", c => c.Assertion.Flags |= AuthenticatorDataFlags.BackupState),
        ["flags BE=1 on a BE=0 credential"] = Failed("invalid_backup_flags", c => c.Assertion.Flags |= AuthenticatorDataFlags.BackupEligible),

        // 7.2 step 21: the signature, with the stored key.
        ["signature corrupted"] = Failed("invalid_signature", c => c.Assertion.CorruptSignature = true),
        ["signed by another key"] = Failed("invalid_signature", c =>
        {
            using var other = new SoftwareAuthenticator([1]);
            c.Assertion.SignatureOverride = other.Sign([.. c.Assertion.BuildAuthenticatorData(), .. SHA256.HashData(c.Assertion.ClientDataJson)]);
        }),

        // 7.2 steps 5–6: the credential and its owner; every case is the same answer.
        ["userHandle absent"] = Failed("credential_not_allowed", c => c.Assertion.UserHandle = null),
        ["userHandle of another identity"] = Failed("credential_not_allowed", c => c.Assertion.UserHandle = RandomNumberGenerator.GetBytes(32)),
        ["credential id unknown"] = Failed("credential_not_allowed", c => c.Assertion.CredentialId = RandomNumberGenerator.GetBytes(16)),

        // Malformed envelopes: 400 invalid_request naming the field.
        ["rawId not base64url"] = Envelope("credential.rawId", r => r["rawId"] = "%%%"),
        ["rawId absent"] = Envelope("credential.rawId", r => r.Remove("rawId")),
        ["signature absent"] = Envelope("credential.response.signature", r => r["response"]!.AsObject().Remove("signature")),
        ["clientDataJSON not base64url"] = Envelope("credential.response.clientDataJSON", r => r["response"]!["clientDataJSON"] = "e30=+/"),
        ["credential absent"] = new(HttpStatusCode.BadRequest, "invalid_request", null, "credential", c => Task.FromResult(
            new JsonObject { ["request"] = c.Link.Request }.ToJsonString())),
        ["credential a string"] = new(HttpStatusCode.BadRequest, "invalid_request", null, "credential", c => Task.FromResult(SignInClient.CompleteBody(c.Link, "x"))),
        ["body not JSON"] = new(HttpStatusCode.BadRequest, "invalid_request", null, null, _ => Task.FromResult("{\"request\":")),
    };

    public static TheoryData<string> MutationNames => new(Mutations.Keys);

    [Fact]
    public async Task Complete_KnownGoodAssertion_AnswersRedirectWithCodeAndUpdatesCredential()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link);
        var assertion = SignInClient.NewAssertion(passkey, options);
        assertion.SignCount = 7;

        using var response = await signIn.PostCompleteAsync(link, assertion);

        var body = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a sign-in answers a code, never a cookie");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("message").ValueKind);
        var code = signIn.CodeOf(body.GetProperty("redirect_url").GetString()!);
        var credential = body.GetProperty("credential");
        Assert.Equal(passkey.ServerCredentialId, credential.GetProperty("id").GetString());
        Assert.Equal(passkey.IdentityId, credential.GetProperty("identity_id").GetString());
        Assert.Equal(signIn.RealmId, credential.GetProperty("realm_id").GetString());
        Assert.Equal(signIn.TenantId, credential.GetProperty("tenant_id").GetString());

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var stored = await db.Credentials.AsNoTracking().SingleAsync(c => c.Id == passkey.ServerCredentialId);
        Assert.Equal(7, stored.SignCount);
        Assert.Equal(server.Time.GetUtcNow(), stored.LastUsedTime);
        var issued = await db.AuthorizationCodes.AsNoTracking().SingleAsync(c => c.CodeHash == AuthorizationCodes.Hash(code));
        Assert.Equal(signIn.Application.Id, issued.ApplicationId);
        Assert.Equal(passkey.IdentityId, issued.IdentityId);
        Assert.Equal(passkey.ServerCredentialId, issued.CredentialId);
        Assert.Equal(SignInClient.RedirectUri, issued.RedirectUri);
        Assert.Equal(SignInClient.CodeChallenge, issued.CodeChallenge);
        Assert.Equal("S256", issued.CodeChallengeMethod);
        Assert.Equal("n-0S6_WzA2Mj", issued.Nonce);
        Assert.Equal("openid", issued.Scope);
        Assert.Equal("pop user", issued.Amr);
        Assert.Equal(server.Time.GetUtcNow().AddSeconds(60), issued.ExpireTime);
        Assert.Null(issued.RedeemTime);
        var transaction = await db.SignInTransactions.AsNoTracking().SingleAsync(t => t.Id == link.TransactionId);
        Assert.Equal(server.Time.GetUtcNow(), transaction.CompleteTime);
    }

    [Fact]
    public async Task Complete_WithoutUserVerification_CodeSaysPopOnly()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var assertion = SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(link));
        assertion.Flags &= ~AuthenticatorDataFlags.UserVerified;

        using var response = await signIn.PostCompleteAsync(link, assertion);

        var code = signIn.CodeOf((await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("redirect_url").GetString()!);
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        Assert.Equal("pop", (await db.AuthorizationCodes.AsNoTracking().SingleAsync(c => c.CodeHash == AuthorizationCodes.Hash(code))).Amr);
    }

    [Theory]
    [MemberData(nameof(MutationNames))]
    public async Task Complete_OneFieldChanged_RefusedWithItsReasonAndTransactionStillUsable(string mutationName)
    {
        var mutation = Mutations[mutationName];
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link);
        var context = new MutationContext(signIn, link, SignInClient.NewAssertion(passkey, options));

        using var response = await signIn.PostAsync(link, "completeAuthentication", await mutation.Apply(context));

        var error = await Api.AssertErrorAsync(response, mutation.Status, mutation.Code, mutation.Field);
        if (mutation.Reason is not null)
        {
            Assert.Equal(mutation.Reason, error.GetProperty("details")[0].GetProperty("reason").GetString());
        }

        Assert.DoesNotContain(passkey.IdentityId, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(passkey.ServerCredentialId, error.ToString(), StringComparison.Ordinal);

        // Nothing was issued or moved: the same challenge still completes, with the counter at its first step.
        using var good = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options));
        await Api.ReadJsonAsync(good, expectedStatus: 200);
    }

    [Fact]
    public async Task Complete_SameBodyTwice_SecondIsTransactionCompleted()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var body = SignInClient.CompleteBody(link, SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(link)).CreateResponse());
        using var first = await signIn.PostAsync(link, "completeAuthentication", body);
        await Api.ReadJsonAsync(first, expectedStatus: 200);

        using var second = await signIn.PostAsync(link, "completeAuthentication", body);

        await Api.AssertErrorAsync(second, HttpStatusCode.Gone, "transaction_completed");
        Assert.Equal(1, await CountCodesAsync(passkey.IdentityId));
    }

    [Fact]
    public async Task Complete_SignCountNotAboveStored_RefusedAsRegressedAndCountKept()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var first = await signIn.StartAsync();
        var firstAssertion = SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(first));
        firstAssertion.SignCount = 10;
        using (var response = await signIn.PostCompleteAsync(first, firstAssertion))
        {
            await Api.ReadJsonAsync(response, expectedStatus: 200);
        }

        foreach (var count in new uint[] { 10, 7, 0 })
        {
            var link = await signIn.StartAsync();
            var assertion = SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(link));
            assertion.SignCount = count;

            using var response = await signIn.PostCompleteAsync(link, assertion);

            var error = await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "authentication_failed");
            Assert.Equal("sign_count_regressed", error.GetProperty("details")[0].GetProperty("reason").GetString());
        }

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        Assert.Equal(10, (await db.Credentials.AsNoTracking().SingleAsync(c => c.Id == passkey.ServerCredentialId)).SignCount);
    }

    [Fact]
    public async Task Complete_CounterAlwaysZero_SignsInEachTime()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        for (var i = 0; i < 3; i++)
        {
            var link = await signIn.StartAsync();
            var assertion = SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(link));
            assertion.SignCount = 0;
            using var response = await signIn.PostCompleteAsync(link, assertion);
            await Api.ReadJsonAsync(response, expectedStatus: 200);
        }
    }

    /// <summary>Catalogue #46: a revoked credential, a suspended identity, another realm's credential and an unknown one answer alike.</summary>
    [Fact]
    public async Task Complete_CredentialNotUsable_EveryCaseAnswersTheSame()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var revoked = await signIn.BindPasskeyAsync();
        await signIn.RevokeAsync(revoked);

        var suspended = await signIn.BindPasskeyAsync();
        using (var suspend = await signIn.Binding.Management.PatchAsync($"{signIn.RealmPath}/identities/{suspended.IdentityId}",
            Api.Json("""{"identity":{"status":"suspended"}}""")))
        {
            Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        }

        using var otherRealm = await SignInClient.ForNewTenantAsync(server);
        var foreign = await otherRealm.BindPasskeyAsync();

        var bodies = new List<string>();
        foreach (var passkey in new[] { revoked, suspended, foreign })
        {
            var link = await signIn.StartAsync();
            using var response = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(link)));
            var error = await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "authentication_failed");
            bodies.Add(error.ToString());
            Assert.Equal(0, await CountCodesAsync(passkey.IdentityId));
        }

        var unknownLink = await signIn.StartAsync();
        var unknown = SignInClient.NewAssertion(revoked, await signIn.GetOptionsAsync(unknownLink));
        unknown.CredentialId = RandomNumberGenerator.GetBytes(16);
        using (var response = await signIn.PostCompleteAsync(unknownLink, unknown))
        {
            bodies.Add((await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "authentication_failed")).ToString());
        }

        Assert.Single(bodies.Distinct());
        Assert.Contains("credential_not_allowed", bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_OtherPasskeyThanOptionsNamed_CredentialNotAllowed()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var named = await signIn.BindPasskeyAsync();
        var other = await signIn.BindPasskeyAsync(named.IdentityId);
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link, credentialId: Base64Url.EncodeToString(named.CredentialId));

        using var response = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(other, options));

        var error = await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "authentication_failed");
        Assert.Equal("credential_not_allowed", error.GetProperty("details")[0].GetProperty("reason").GetString());
        using var good = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(named, options));
        await Api.ReadJsonAsync(good, expectedStatus: 200);
    }

    [Fact]
    public async Task Options_Discoverable_AnswersRequestOptionsWithEmptyAllowCredentials()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var link = await signIn.StartAsync();

        var options = await signIn.GetOptionsAsync(link);

        Assert.Equal(SignInClient.RpId, options.GetProperty("rpId").GetString());
        Assert.Equal(SealedChallenges.Size, Base64Url.DecodeFromChars(options.GetProperty("challenge").GetString()).Length);
        Assert.Equal(300_000, options.GetProperty("timeout").GetInt64());
        Assert.Equal("preferred", options.GetProperty("userVerification").GetString());
        Assert.Equal(0, options.GetProperty("allowCredentials").GetArrayLength());
    }

    [Fact]
    public async Task Options_NamedCredential_SameAnswerWhetherOrNotItExists()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var existing = Base64Url.EncodeToString(passkey.CredentialId);
        var unknown = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

        var forExisting = await signIn.GetOptionsAsync(await signIn.StartAsync(), credentialId: existing);
        var forUnknown = await signIn.GetOptionsAsync(await signIn.StartAsync(), credentialId: unknown);

        Assert.Equal($$"""[{"type":"public-key","id":"{{existing}}"}]""", forExisting.GetProperty("allowCredentials").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal($$"""[{"type":"public-key","id":"{{unknown}}"}]""", forUnknown.GetProperty("allowCredentials").GetRawText().Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_Again_EitherChallengeCompletesTheTransactionOnce()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var first = await signIn.GetOptionsAsync(link);
        var second = await signIn.GetOptionsAsync(link);
        Assert.NotEqual(first.GetProperty("challenge").GetString(), second.GetProperty("challenge").GetString());

        using var earlier = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, first));
        await Api.ReadJsonAsync(earlier, expectedStatus: 200);

        using var later = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, second));
        await Api.AssertErrorAsync(later, HttpStatusCode.Gone, "transaction_completed");
    }

    [Fact]
    public async Task Options_KeyTypeTheConfigDoesNotAllow_Forbidden()
    {
        using var management = server.CreateClient();
        var body = """{"authenticator_config":{"display_name":"WebAuthn only","config":{"type":"embedded","invoke_url":"http://localhost","trusted_origins":["http://localhost"],"authentication_methods":[{"type":"webauthn_passkey"}]}}}""";
        using var created = await management.PostAsync($"{server.Bootstrap.RealmPath}/authenticator-configs", Api.Json(body));
        var configId = (await Api.ReadJsonAsync(created, expectedStatus: 200)).GetProperty("id").GetString()!;
        using var signIn = await SignInClient.ForBootstrapAsync(server, a => a.AuthenticatorConfigId = configId);
        var link = await signIn.StartAsync();

        using var response = await signIn.PostOptionsAsync(link, keyType: "subtle");

        await Api.AssertErrorAsync(response, HttpStatusCode.Forbidden, "key_type_not_allowed");
    }

    [Fact]
    public async Task Options_BadFields_InvalidRequestNamingThem()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var link = await signIn.StartAsync();

        using var keyType = await signIn.PostOptionsAsync(link, keyType: "platform");
        await Api.AssertErrorAsync(keyType, HttpStatusCode.BadRequest, "invalid_request", "key_type");
        using var credentialId = await signIn.PostOptionsAsync(link, credentialId: "not base64url!");
        await Api.AssertErrorAsync(credentialId, HttpStatusCode.BadRequest, "invalid_request", "credential_id");
    }

    [Fact]
    public async Task Complete_ChallengeExpired_RefusedThenNewOptionsWork()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link);
        server.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        using var expired = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options));
        await Api.AssertErrorAsync(expired, HttpStatusCode.BadRequest, "challenge_expired");

        using var fresh = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(link)));
        await Api.ReadJsonAsync(fresh, expectedStatus: 200);
    }

    [Fact]
    public async Task Calls_AfterTransactionExpired_TransactionExpired()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        server.Time.Advance(TimeSpan.FromMinutes(9));
        var options = await signIn.GetOptionsAsync(link);
        server.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        using var complete = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options));
        await Api.AssertErrorAsync(complete, HttpStatusCode.Gone, "transaction_expired");
        using var context = await signIn.PostAsync(link, "authenticationContext", new JsonObject { ["request"] = link.Request });
        await Api.AssertErrorAsync(context, HttpStatusCode.Gone, "transaction_expired");
    }

    [Fact]
    public async Task Calls_RequestJwtNotThisTransactions_TransactionNotFound()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var link = await signIn.StartAsync();
        var other = await signIn.StartAsync();
        var parts = link.Request.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{parts[2][..^2]}{(parts[2][^2] == 'A' ? 'B' : 'A')}{parts[2][^1]}";
        var unsigned = $"{Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8)}.{parts[1]}.";

        foreach (var request in new string?[] { other.Request, tampered, unsigned, "not-a-jwt", null })
        {
            using var response = await signIn.PostAsync(link, "authenticationContext", new JsonObject { ["request"] = request });
            await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "transaction_not_found");
        }

        using var otherRealm = await signIn.Browser.PostAsync(
            $"/v1/tenants/{link.TenantId}/realms/{server.Bootstrap.RealmId}x/transactions/{link.TransactionId}:authenticationContext",
            Api.Json(new JsonObject { ["request"] = link.Request }.ToJsonString()));
        await Api.AssertErrorAsync(otherRealm, HttpStatusCode.NotFound, "transaction_not_found");
    }

    [Fact]
    public async Task Context_OpenTransaction_DescribesApplicationOriginAndMethods()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var parameters = signIn.AuthorizeParameters();
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{signIn.ApplicationPath}/authorize?{string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"))}");
        request.Headers.UserAgent.ParseAdd("PetBrowser/1.0");
        request.Headers.Referrer = new Uri("https://app.example.com/login");
        using var authorize = await signIn.Browser.SendAsync(request);
        var link = AuthenticateLink.Parse(authorize.Headers.Location!.ToString());

        var context = await signIn.CallAsync(link, "authenticationContext", new JsonObject { ["request"] = link.Request });

        Assert.Equal(link.Url, context.GetProperty("auth_url").GetString());
        Assert.Equal(["webauthn_passkey", "software_passkey", "email_one_time_password"],
            context.GetProperty("auth_methods").EnumerateArray().Select(m => m.GetProperty("type").GetString()));
        Assert.Equal(signIn.Application.Id, context.GetProperty("application").GetProperty("id").GetString());
        Assert.Equal("Pet Application", context.GetProperty("application").GetProperty("display_name").GetString());
        var origin = context.GetProperty("origin");
        Assert.Equal("PetBrowser/1.0", origin.GetProperty("user_agent").GetString());
        Assert.Equal("https://app.example.com/login", origin.GetProperty("referer").GetString());
        Assert.Equal("Unknown", origin.GetProperty("geolocation").GetString());
    }

    [Fact]
    public async Task Cors_TransactionCalls_AllowOnlyTheConfigsTrustedOrigins()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var link = await signIn.StartAsync();

        foreach (var (origin, allowed) in new[] { (SignInClient.PageOrigin, true), ("https://evil.example", false) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{link.TransactionPath}:completeAuthentication");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
            using var response = await signIn.Browser.SendAsync(preflight);
            Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
        }
    }

    private async Task<int> CountCodesAsync(string identityId)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        return await db.AuthorizationCodes.CountAsync(c => c.IdentityId == identityId);
    }

    private static Mutation Failed(string reason, Action<MutationContext> change) =>
        Sync(HttpStatusCode.BadRequest, "authentication_failed", reason, change);

    private static Mutation Origin(string origin) =>
        Sync(HttpStatusCode.Forbidden, "origin_not_allowed", null, c => c.Assertion.ClientData["origin"] = origin);

    private static Mutation Envelope(string field, Action<JsonObject> change) => new(HttpStatusCode.BadRequest, "invalid_request", null, field, c =>
    {
        var response = c.Assertion.CreateResponse();
        change(response);
        return Task.FromResult(c.Body(response));
    });

    private static Mutation Sync(HttpStatusCode status, string code, string? reason, Action<MutationContext> change) => new(status, code, reason, null, c =>
    {
        change(c);
        return Task.FromResult(c.Body());
    });

    private sealed record Mutation(HttpStatusCode Status, string Code, string? Reason, string? Field, Func<MutationContext, Task<string>> Apply);

    private sealed record MutationContext(SignInClient SignIn, AuthenticateLink Link, SoftwareAssertion Assertion)
    {
        public string Body() => Body(Assertion.CreateResponse());

        public string Body(JsonNode credential) => SignInClient.CompleteBody(Link, credential);
    }

    public sealed class Sqlite(SqliteServer server) : SignInCeremonyEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : SignInCeremonyEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
