using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Passbind.Testing.WebAuthn;
using Passbind.Core.WebAuthn;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Binding;

/// <summary>
/// The ceremony over HTTP (docs/binding-protocol.md §2–4, issue 3): a known-good registration from the software
/// authenticator binds a passkey; then one field at a time is changed from it, each change expecting its one error
/// code, nothing stored, the link still usable, and no other identity named.
/// </summary>
public abstract class BindingCeremonyEndpointsTests(PassbindServer server)
{
    /// <summary>Every change from the known-good completion, by name.</summary>
    private static readonly Dictionary<string, Mutation> Mutations = new()
    {
        // 7.1 step 7: type.
        ["clientData.type webauthn.get"] = Failed("client_data_type", c => c.Authenticator.ClientData["type"] = "webauthn.get"),
        ["clientData.type empty"] = Failed("client_data_type", c => c.Authenticator.ClientData["type"] = ""),
        ["clientData.type absent"] = Failed("client_data_type", c => c.Authenticator.ClientData.Remove("type")),

        // 7.1 step 8: challenge; only server-stored challenges of this job count.
        ["clientData.challenge of another job"] = new(HttpStatusCode.BadRequest, "challenge_not_found", null, null, async c =>
        {
            var other = await c.Ceremony.CreateLinkAsync();
            var otherOptions = await c.Ceremony.GetOptionsAsync(other);
            c.Authenticator.ClientData["challenge"] = otherOptions.GetProperty("challenge").GetString();
            return c.Body();
        }),
        ["clientData.challenge never issued"] = Sync(HttpStatusCode.BadRequest, "challenge_not_found", null, null,
            c => c.Authenticator.ClientData["challenge"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))),
        ["clientData.challenge absent"] = Sync(HttpStatusCode.BadRequest, "challenge_not_found", null, null,
            c => c.Authenticator.ClientData.Remove("challenge")),

        // 7.1 step 9: origins compared as exact strings (§5), never normalised.
        ["origin https://evil.example"] = Origin("https://evil.example"),
        ["origin https://localhost"] = Origin("https://localhost"),
        ["origin http://localhost/"] = Origin("http://localhost/"),
        ["origin http://localhost:80"] = Origin("http://localhost:80"),
        ["origin http://localhost:443"] = Origin("http://localhost:443"),
        ["origin http://LOCALHOST"] = Origin("http://LOCALHOST"),
        ["origin http://sub.localhost"] = Origin("http://sub.localhost"),
        ["origin passbind-sdk://dotnet/"] = Origin("passbind-sdk://dotnet/"),
        ["origin null"] = Origin("null"),
        ["origin empty"] = Origin(""),

        // 7.1 step 10: never framed.
        ["clientData.crossOrigin true"] = Failed("cross_origin", c => c.Authenticator.ClientData["crossOrigin"] = true),
        ["clientData.topOrigin present"] = Failed("top_origin", c => c.Authenticator.ClientData["topOrigin"] = "http://localhost"),

        // 7.1 steps 13–16: authenticator data.
        ["rpIdHash of evil.example"] = Failed("rp_id_mismatch", c => c.Authenticator.RpIdHash = SHA256.HashData("evil.example"u8)),
        ["rpIdHash zero"] = Failed("rp_id_mismatch", c => c.Authenticator.RpIdHash = new byte[32]),
        ["flags UP=0"] = Failed("user_not_present", c => c.Authenticator.Flags &= ~AuthenticatorDataFlags.UserPresent),
        ["flags BS=1 BE=0"] = Failed("invalid_backup_flags", c => c.Authenticator.Flags |= AuthenticatorDataFlags.BackupState),

        // 7.1 step 19: only -7 and -257 are offered.
        ["alg -35 not offered"] = Failed("algorithm_not_allowed", c => c.Authenticator.CoseAlgorithm = -35),
        ["alg -8 not offered"] = Failed("algorithm_not_allowed", c => c.Authenticator.CredentialPublicKeyOverride = CoseKeys.Okp(alg: -8, crv: 6)),
        ["alg absent"] = Failed("algorithm_not_allowed", c => c.Authenticator.CoseAlgorithm = null),

        // 7.1 steps 21–24: attestation.
        ["fmt unknown"] = Failed("invalid_attestation", c => c.Authenticator.FormatOverride = "passbind-unknown"),
        ["fmt NONE"] = Failed("invalid_attestation", c => c.Authenticator.FormatOverride = "NONE"),
        ["packed self bad sig"] = Failed("invalid_attestation", c =>
        {
            c.Authenticator.Attestation = AttestationKind.PackedSelf;
            c.Authenticator.CorruptSignature = true;
        }),
        ["packed full bad sig"] = Failed("invalid_attestation", c =>
        {
            c.Authenticator.Attestation = AttestationKind.PackedFull;
            c.Authenticator.CorruptSignature = true;
        }),

        // §5.1 and 7.1 step 25: the credential id.
        ["id differs from rawId"] = new(HttpStatusCode.BadRequest, "registration_failed", "credential_id_mismatch", null, c =>
        {
            var response = c.Authenticator.CreateResponse();
            response["id"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            return Task.FromResult(c.Body(response));
        }),
        ["credential id 1024 bytes"] = Failed("credential_id_too_long", c => c.Authenticator.CredentialId = RandomNumberGenerator.GetBytes(1024)),

        // Malformed envelopes: 400 invalid_request naming the field.
        ["clientDataJSON not base64url"] = Envelope("credential.response.clientDataJSON", r => r["response"]!["clientDataJSON"] = "e30=+/"),
        ["rawId not base64url"] = Envelope("credential.rawId", r => r["rawId"] = "%%%"),
        ["attestationObject absent"] = Envelope("credential.response.attestationObject", r => r["response"]!.AsObject().Remove("attestationObject")),
        ["clientDataJSON absent"] = Envelope("credential.response.clientDataJSON", r => r["response"]!.AsObject().Remove("clientDataJSON")),
        ["rawId absent"] = Envelope("credential.rawId", r => r.Remove("rawId")),
        ["response absent"] = Envelope("credential.response", r => r.Remove("response")),
        ["type not public-key"] = Envelope("credential.type", r => r["type"] = "password"),
        ["rawId a number"] = Envelope("credential.rawId", r => r["rawId"] = 5),
        ["response a string"] = Envelope("credential.response", r => r["response"] = "x"),
        ["attestationObject an array"] = Envelope("credential.response.attestationObject", r => r["response"]!["attestationObject"] = new JsonArray()),
        ["credential absent"] = new(HttpStatusCode.BadRequest, "invalid_request", null, "credential", c => Task.FromResult($$"""{"token":"{{c.Link.Token}}"}""")),
        ["credential a string"] = new(HttpStatusCode.BadRequest, "invalid_request", null, "credential", c => Task.FromResult(BindingCeremonyClient.CompleteBody(c.Link.Token, "x"))),
        ["body not JSON"] = new(HttpStatusCode.BadRequest, "invalid_request", null, null, _ => Task.FromResult("{\"token\":")),
    };

    public static TheoryData<string> MutationNames => new(Mutations.Keys);

    [Theory]
    [InlineData(BindingCeremonyClient.PageOrigin, AttestationKind.None)]
    [InlineData(BindingCeremonyClient.SdkOrigin, AttestationKind.PackedSelf)]
    [InlineData(BindingCeremonyClient.PageOrigin, AttestationKind.PackedFull)]
    public async Task Complete_KnownGoodResponse_BindsPasskeyAndCompletesJob(string origin, AttestationKind attestation)
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var identity = await ceremony.CreateIdentityAsync();
        var identityId = identity.GetProperty("id").GetString()!;
        var link = await ceremony.CreateLinkAsync(identityId);
        var options = await ceremony.GetOptionsAsync(link);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options, origin, attestation);

        using var response = await ceremony.PostCompleteAsync(link, authenticator);

        var bound = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.False(response.Headers.Contains("Set-Cookie"), "completing a binding must not set a cookie");
        AssertNoSignInMaterial(bound, link.Token);
        var credential = bound.GetProperty("credential");
        var credentialId = credential.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{16}$", credentialId);
        Assert.Equal(identityId, credential.GetProperty("identity_id").GetString());
        Assert.Equal(link.RealmId, credential.GetProperty("realm_id").GetString());
        Assert.Equal(link.TenantId, credential.GetProperty("tenant_id").GetString());
        Assert.Equal("ACTIVE", credential.GetProperty("state").GetString());
        Assert.Equal("WEBAUTHN", credential.GetProperty("csr_type").GetString());
        AssertJwkOf(authenticator, credential);
        Assert.Equal(link.TenantId, bound.GetProperty("tenant").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(bound.GetProperty("tenant").GetProperty("display_name").GetString()));
        Assert.Equal(link.RealmId, bound.GetProperty("realm").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(bound.GetProperty("realm").GetProperty("display_name").GetString()));
        var boundIdentity = bound.GetProperty("identity");
        Assert.Equal(identityId, boundIdentity.GetProperty("id").GetString());
        Assert.Equal(identity.GetProperty("traits").GetProperty("username").GetString(), boundIdentity.GetProperty("username").GetString());
        Assert.Equal(identity.GetProperty("display_name").GetString(), boundIdentity.GetProperty("display_name").GetString());
        Assert.Equal(identity.GetProperty("traits").GetProperty("primary_email_address").GetString(), boundIdentity.GetProperty("primary_email_address").GetString());
        Assert.True(bound.TryGetProperty("theme", out var theme) && theme.ValueKind == JsonValueKind.Object, $"no theme object in {bound}");
        Assert.Equal(BindingCeremonyClient.PostBindingRedirectUri, bound.GetProperty("post_binding_redirect_uri").GetString());

        var job = await ceremony.GetJobAsync(link);
        Assert.Equal("COMPLETE", job.GetProperty("state").GetString());
        Assert.Equal(credentialId, job.GetProperty("credential_id").GetString());

        var stored = await ceremony.GetCredentialAsync(identityId, credentialId);
        Assert.Equal("ACTIVE", stored.GetProperty("state").GetString());
        Assert.Equal(credential.GetProperty("jwk_json").GetString(), stored.GetProperty("jwk_json").GetString());
        Assert.Equal(credential.GetProperty("jwk_thumbprint").GetString(), stored.GetProperty("jwk_thumbprint").GetString());
        AssertJwkOf(authenticator, stored);
        Assert.False(string.IsNullOrEmpty(stored.GetProperty("create_time").GetString()));
        Assert.False(string.IsNullOrEmpty(stored.GetProperty("update_time").GetString()));
        Assert.Equal(1, await ceremony.CountCredentialsAsync(identityId));
        Assert.Equal("ENROLLED", (await ceremony.GetIdentityAsync(identityId)).GetProperty("enrollment_status").GetString());
    }

    [Fact]
    public async Task Revoke_BoundCredential_KeepsRowRevokedAndUnenrollsIdentity()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var credentialId = (await ceremony.BindAsync(link)).GetProperty("credential").GetProperty("id").GetString()!;
        Assert.Equal("ENROLLED", (await ceremony.GetIdentityAsync(link.IdentityId)).GetProperty("enrollment_status").GetString());

        using var revoked = await ceremony.Management.PostAsync($"{link.IdentityPath}/credentials/{credentialId}:revoke", Api.Json("{}"));

        await Api.ReadJsonAsync(revoked, expectedStatus: 200);
        var stored = await ceremony.GetCredentialAsync(link.IdentityId, credentialId);
        Assert.Equal("REVOKED", stored.GetProperty("state").GetString());
        Assert.Equal(1, await ceremony.CountCredentialsAsync(link.IdentityId));
        Assert.Equal("UNENROLLED", (await ceremony.GetIdentityAsync(link.IdentityId)).GetProperty("enrollment_status").GetString());
        Assert.Equal("COMPLETE", (await ceremony.GetJobAsync(link)).GetProperty("state").GetString());
    }

    [Theory]
    [MemberData(nameof(MutationNames))]
    public async Task Complete_OneFieldChanged_AnswersItsErrorStoresNothingAndLinkStillBinds(string name)
    {
        var mutation = Mutations[name];
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var neighbour = await BindNeighbourAsync(ceremony);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        var body = await mutation.Body(new MutationContext(ceremony, link, authenticator));
        var before = await ceremony.CountCredentialsAsync();

        using var response = await ceremony.PostCompleteAsync(link, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == mutation.Status, $"{name}: answered {(int)response.StatusCode}, expected {(int)mutation.Status}: {text}");
        using var error = JsonDocument.Parse(text);
        var reason = error.RootElement.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array
            ? details.EnumerateArray().Select(d => d.TryGetProperty("reason", out var r) ? r.GetString() : null).FirstOrDefault(r => r is not null)
            : null;
        Assert.Equal(mutation.Reason, reason);
        if (mutation.Field is not null)
        {
            Assert.Contains($"\"{mutation.Field}\"", text, StringComparison.Ordinal);
        }

        foreach (var secret in neighbour)
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(before, await ceremony.CountCredentialsAsync());
        Assert.Equal("REQUEST_DELIVERED", (await ceremony.GetJobAsync(link)).GetProperty("state").GetString());
        await ceremony.CompleteAsync(link, options);
        Assert.Equal("COMPLETE", (await ceremony.GetJobAsync(link)).GetProperty("state").GetString());

        // Last, so that the checks above run whatever the code: binding-protocol.md §4 names each one.
        Assert.Equal(mutation.Code, error.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Complete_EveryFailureInTurnOnOneLink_StoresNothingAndLinkStillBinds()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        var before = await ceremony.CountCredentialsAsync();

        foreach (var (name, mutation) in Mutations)
        {
            using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
            var body = await mutation.Body(new MutationContext(ceremony, link, authenticator));
            using var response = await ceremony.PostCompleteAsync(link, body);
            Assert.True(response.StatusCode == mutation.Status, $"{name}: answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(before, await ceremony.CountCredentialsAsync());
        var bound = await ceremony.CompleteAsync(link, options);
        Assert.Equal(before + 1, await ceremony.CountCredentialsAsync());
        Assert.Equal(bound.GetProperty("credential").GetProperty("id").GetString(), (await ceremony.GetJobAsync(link)).GetProperty("credential_id").GetString());
    }

    [Fact]
    public async Task Complete_UserVerifiedClearWhenPreferred_Binds()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        authenticator.Flags &= ~AuthenticatorDataFlags.UserVerified;

        using var response = await ceremony.PostCompleteAsync(link, authenticator);

        await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    [Fact]
    public async Task Complete_CredentialId1023Bytes_Binds()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        authenticator.CredentialId = RandomNumberGenerator.GetBytes(1023);

        using var response = await ceremony.PostCompleteAsync(link, authenticator);

        await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    /// <summary>Another identity of the realm with a passkey; returns what must never appear in this test's errors.</summary>
    private static async Task<string[]> BindNeighbourAsync(BindingCeremonyClient ceremony)
    {
        var identity = await ceremony.CreateIdentityAsync();
        var identityId = identity.GetProperty("id").GetString()!;
        var link = await ceremony.CreateLinkAsync(identityId);
        var options = await ceremony.GetOptionsAsync(link);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        using var response = await ceremony.PostCompleteAsync(link, authenticator);
        var bound = await Api.ReadJsonAsync(response, expectedStatus: 200);
        return
        [
            identityId,
            identity.GetProperty("traits").GetProperty("username").GetString()!,
            identity.GetProperty("traits").GetProperty("primary_email_address").GetString()!,
            bound.GetProperty("credential").GetProperty("id").GetString()!,
            Base64Url.EncodeToString(authenticator.CredentialId),
            link.Token,
        ];
    }

    /// <summary><c>jwk_json</c> is a JSON string holding the credential key's EC JWK, and the thumbprint is its RFC 7638 SHA-256.</summary>
    private static void AssertJwkOf(SoftwareAuthenticator authenticator, JsonElement credential)
    {
        Assert.Equal(JsonValueKind.String, credential.GetProperty("jwk_json").ValueKind);
        using var jwk = JsonDocument.Parse(credential.GetProperty("jwk_json").GetString()!);
        var key = authenticator.CredentialKey.ExportParameters(includePrivateParameters: false);
        Assert.Equal("EC", jwk.RootElement.GetProperty("kty").GetString());
        Assert.Equal("P-256", jwk.RootElement.GetProperty("crv").GetString());
        Assert.Equal(Base64Url.EncodeToString(key.Q.X), jwk.RootElement.GetProperty("x").GetString());
        Assert.Equal(Base64Url.EncodeToString(key.Q.Y), jwk.RootElement.GetProperty("y").GetString());
        Assert.False(jwk.RootElement.TryGetProperty("d", out _), "the JWK must hold no private part");
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{Base64Url.EncodeToString(key.Q.X)}}","y":"{{Base64Url.EncodeToString(key.Q.Y)}}"}""";
        var thumbprint = credential.GetProperty("jwk_thumbprint").GetString();
        Assert.Contains(thumbprint, new[]
        {
            Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))),
        });
    }

    /// <summary>Completing a binding signs no one in (catalogue #14): no token, code or session in the answer.</summary>
    private static void AssertNoSignInMaterial(JsonElement body, string linkToken)
    {
        var text = body.GetRawText();
        Assert.DoesNotContain(linkToken, text, StringComparison.Ordinal);
        foreach (var name in new[] { "\"access_token\"", "\"id_token\"", "\"refresh_token\"", "\"token\"", "\"code\"", "\"session\"" })
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        }
    }

    private static Mutation Failed(string reason, Action<MutationContext> change) =>
        Sync(HttpStatusCode.BadRequest, "registration_failed", reason, null, change);

    private static Mutation Origin(string origin) =>
        Sync(HttpStatusCode.Forbidden, "origin_not_allowed", null, null, c => c.Authenticator.ClientData["origin"] = origin);

    private static Mutation Envelope(string field, Action<JsonObject> change) => new(HttpStatusCode.BadRequest, "invalid_request", null, field, c =>
    {
        var response = c.Authenticator.CreateResponse();
        change(response);
        return Task.FromResult(c.Body(response));
    });

    private static Mutation Sync(HttpStatusCode status, string code, string? reason, string? field, Action<MutationContext> change) =>
        new(status, code, reason, field, c =>
        {
            change(c);
            return Task.FromResult(c.Body());
        });

    /// <summary>One change from the known-good completion and the error it must answer (status, code, reason, field named).</summary>
    private sealed record Mutation(HttpStatusCode Status, string Code, string? Reason, string? Field, Func<MutationContext, Task<string>> Body);

    private sealed record MutationContext(BindingCeremonyClient Ceremony, BindingLink Link, SoftwareAuthenticator Authenticator)
    {
        public string Body(JsonNode? credential = null) =>
            BindingCeremonyClient.CompleteBody(Link.Token, credential ?? Authenticator.CreateResponse());
    }

    public sealed class Sqlite(SqliteServer server) : BindingCeremonyEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : BindingCeremonyEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
