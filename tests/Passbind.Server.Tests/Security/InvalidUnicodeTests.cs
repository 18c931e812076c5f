using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Features.SignIn;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Issue 13 finding 5: every string field of every endpoint that reads JSON, and every member name, answers the
/// invalid-Unicode class (<see cref="InvalidUnicodeBodies.Strings"/>) with a 400 naming the field, never a 500, and
/// nothing is stored or consumed.
/// </summary>
public abstract class InvalidUnicodeTests(PassbindServer server)
{
    [Fact]
    public async Task ManagementEndpoints_InvalidUnicodeInAnyStringField_Return400NamingTheField()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        var identityPath = $"{access.RealmPath}/identities/{Wire.Id(identity)}";
        using var theme = await client.GetAsync($"{access.RealmPath}/themes/active");
        var themeId = Wire.Id(await Api.ReadJsonAsync(theme, expectedStatus: 200));
        var identitiesBefore = await Api.CountAsync(client, $"{access.RealmPath}/identities");

        var identityBody = JsonNode.Parse($$$"""
            {"identity":{"display_name":"Ada","status":"active","traits":{"type":"traits_v0","username":"{{{PassbindServer.NewUsername()}}}",
            "primary_email_address":"ada@example.com","secondary_email_address":"a2@example.com","external_id":"e-1","given_name":"Ada",
            "family_name":"Lovelace","locale":"en-GB"} } }
            """)!;
        var configBody = JsonNode.Parse("""
            {"authenticator_config":{"display_name":"Web","config":{"type":"embedded","invoke_url":"https://app.example.com",
            "invocation_type":"automatic","trusted_origins":["https://app.example.com","myapp://app"],
            "authentication_methods":[{"type":"webauthn_passkey"}]}}}
            """)!;
        var applicationBody = JsonNode.Parse($$$"""
            {"application":{"display_name":"Pets","description":"d","authenticator_config_id":"{{{access.AuthenticatorConfigId}}}",
            "protocol_config":{"type":"oidc","grant_type":["authorization_code","refresh_token"],"redirect_uris":["https://app.example.com/cb"],
            "confidentiality":"confidential","token_endpoint_auth_method":"client_secret_basic","pkce":"s256","allowed_scopes":["pets:read"],
            "token_format":"self_contained","token_configuration":{"subject_field":"id","token_signing_algorithm":"RS256"} } } }
            """)!;
        var applicationsBefore = await Api.CountAsync(client, $"{access.RealmPath}/applications");
        var cases = new (string Method, string Path, JsonNode Template)[]
        {
            ("POST", $"{access.RealmPath}/identities", identityBody),
            ("PATCH", identityPath, identityBody),
            ("POST", $"{identityPath}/credential-binding-jobs", JsonNode.Parse($$$"""
                {"job":{"delivery_method":"RETURN","authenticator_config_id":"{{{access.AuthenticatorConfigId}}}","post_binding_redirect_uri":"https://app.example.com/done"}}
                """)!),
            ("POST", $"{access.RealmPath}/authenticator-configs", configBody),
            ("PATCH", $"{access.RealmPath}/authenticator-configs/{access.AuthenticatorConfigId}", configBody),
            ("POST", $"/v1/tenants/{access.TenantId}/realms", JsonNode.Parse("""{"realm":{"display_name":"R","classification":"SECURE_CUSTOMER"}}""")!),
            ("PATCH", access.RealmPath, JsonNode.Parse("""{"realm":{"display_name":"R","classification":"SECURE_CUSTOMER"}}""")!),
            ("PATCH", $"/v1/tenants/{access.TenantId}", JsonNode.Parse("""{"tenant":{"display_name":"T"}}""")!),
            ("POST", $"{access.RealmPath}/applications", applicationBody),
            ("PATCH", $"{access.RealmPath}/applications/{access.ApplicationId}", JsonNode.Parse("""
                {"application":{"display_name":"Renamed","protocol_config":{"token_configuration":{"subject_field":"id"}}}}
                """)!),
            ("PATCH", $"{access.RealmPath}/themes/{themeId}", JsonNode.Parse("""
                {"theme":{"email_realm_name":"R","logo_url_light":"https://a.example/l.png","logo_url_dark":"https://a.example/d.png",
                "support_url":"https://a.example/help","button_color":"#112233","button_text_color":"#ffffff"}}
                """)!),
        };

        var failures = new List<string>();
        foreach (var (method, path, template) in cases)
        {
            failures.AddRange(await FuzzAsync(client, method, path, template, "bad_request"));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(identitiesBefore, await Api.CountAsync(client, $"{access.RealmPath}/identities"));
        Assert.Equal(applicationsBefore, await Api.CountAsync(client, $"{access.RealmPath}/applications"));
    }

    [Fact]
    public async Task SignInEndpoints_InvalidUnicodeInAnyStringField_Return400NamingTheFieldAndKeepTheTransaction()
    {
        using var signIn = await SignInClient.ForNewTenantAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var browser = signIn.Browser;
        string Call(string method) => $"{link.TransactionPath}:{method}";
        var failures = new List<string>();
        failures.AddRange(await FuzzAsync(browser, "POST", Call("authenticationContext"), new JsonObject { ["request"] = link.Request }, "invalid_request"));
        failures.AddRange(await FuzzAsync(browser, "POST", Call("authenticationOptions"),
            new JsonObject { ["request"] = link.Request, ["key_type"] = "webauthn", ["credential_id"] = Base64Url.EncodeToString(passkey.Authenticator.CredentialId) },
            "invalid_request"));
        failures.AddRange(await FuzzAsync(browser, "POST", Call("authenticateOtp"), new JsonObject { ["request"] = link.Request, ["email"] = "someone@example.com" }, "invalid_request"));
        failures.AddRange(await FuzzAsync(browser, "POST", Call("redeemOtp"), new JsonObject { ["request"] = link.Request, ["otp"] = "123456" }, "invalid_request"));

        var options = await signIn.GetOptionsAsync(link);
        var assertion = SignInClient.NewAssertion(passkey, options);
        failures.AddRange(await FuzzAsync(browser, "POST", Call("completeAuthentication"), JsonNode.Parse(SignInClient.CompleteBody(link, assertion.CreateResponse()))!, "invalid_request"));

        // Inside clientDataJSON: each of its strings made invalid in turn.
        foreach (var member in InvalidUnicodeBodies.StringFields(assertion.ClientData))
        {
            foreach (var (name, literal) in InvalidUnicodeBodies.Strings)
            {
                var broken = SignInClient.NewAssertion(passkey, options);
                broken.ClientDataJsonOverride = InvalidUnicodeBodies.WithString(broken.ClientData, member, literal);
                using var response = await signIn.PostCompleteAsync(link, broken);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"clientDataJSON.{member} ({name}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        using var signedIn = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options));
        await Api.ReadJsonAsync(signedIn, expectedStatus: 200);
    }

    [Fact]
    public async Task CeremonyEndpoints_InvalidUnicodeInAnyStringField_Return400NamingTheFieldAndKeepTheLink()
    {
        using var ceremony = await BindingCeremonyClient.ForNewTenantAsync(server);
        var link = await ceremony.CreateLinkAsync();
        var options = JsonNode.Parse(JsonSerializer.Serialize(new { token = link.Token, key_type = "webauthn" }))!;
        var failures = await FuzzAsync(ceremony.Anonymous, "POST", link.OptionsPath, options, "invalid_request");

        var publicKey = await ceremony.GetOptionsAsync(link);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(publicKey);
        var complete = JsonNode.Parse(BindingCeremonyClient.CompleteBody(link.Token, authenticator.CreateResponse()))!;
        failures.AddRange(await FuzzAsync(ceremony.Anonymous, "POST", link.CompletePath, complete, "invalid_request"));

        // Inside clientDataJSON (base64url on the wire): each of its strings made invalid in turn.
        foreach (var member in InvalidUnicodeBodies.StringFields(authenticator.ClientData))
        {
            foreach (var (name, literal) in InvalidUnicodeBodies.Strings)
            {
                using var broken = BindingCeremonyClient.NewAuthenticator(publicKey);
                broken.ClientDataJsonOverride = InvalidUnicodeBodies.WithString(broken.ClientData, member, literal);
                using var response = await ceremony.PostCompleteAsync(link, broken);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"clientDataJSON.{member} ({name}): {(int)response.StatusCode} {body}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        await ceremony.CompleteAsync(link, publicKey);
    }

    /// <summary>Sends <paramref name="template"/> with each string field, then each object's member names, made invalid in each way; returns what went wrong.</summary>
    private static async Task<List<string>> FuzzAsync(HttpClient client, string method, string path, JsonNode template, string code)
    {
        var failures = new List<string>();
        var fields = InvalidUnicodeBodies.StringFields(template);
        Assert.NotEmpty(fields);
        foreach (var field in fields)
        {
            foreach (var (name, literal) in InvalidUnicodeBodies.Strings)
            {
                failures.AddRange(await SendAsync(client, method, path, InvalidUnicodeBodies.WithString(template, field, literal), code, field, $"{field} ({name})"));
            }
        }

        // A member name that is not Unicode text names the object that holds it.
        foreach (var holder in ObjectPaths(template))
        {
            var (name, literal) = InvalidUnicodeBodies.Strings[0];
            var expected = holder.Length == 0 ? "body" : holder;
            failures.AddRange(await SendAsync(client, method, path, InvalidUnicodeBodies.WithMemberName(template, holder, literal), code, expected, $"member name in '{expected}' ({name})"));
        }

        return failures;
    }

    private static async Task<IEnumerable<string>> SendAsync(HttpClient client, string method, string path, byte[] body, string code, string field, string what)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = InvalidUnicodeBodies.Content(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return [$"{method} {path} {what}: {(int)response.StatusCode} {text}"];
        }

        using var error = JsonDocument.Parse(text);
        var named = error.RootElement.GetProperty("code").GetString() == code
            && error.RootElement.TryGetProperty("details", out var details)
            && details.EnumerateArray().Any(d => d.TryGetProperty("field_violations", out var violations)
                && violations.EnumerateArray().Any(v => v.GetProperty("field").GetString() == field));
        return named ? [] : [$"{method} {path} {what}: 400 without code {code} naming {field}: {text}"];
    }

    private static IEnumerable<string> ObjectPaths(JsonNode node, string path = "")
    {
        if (node is JsonObject obj)
        {
            yield return path;
            foreach (var (name, child) in obj)
            {
                if (child is not null)
                {
                    foreach (var inner in ObjectPaths(child, path.Length == 0 ? name : $"{path}.{name}"))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } child)
                {
                    foreach (var inner in ObjectPaths(child, $"{path}[{i}]"))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    public sealed class Sqlite(SqliteServer server) : InvalidUnicodeTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : InvalidUnicodeTests(server), IClassFixture<PostgreSqlServer>;
}
