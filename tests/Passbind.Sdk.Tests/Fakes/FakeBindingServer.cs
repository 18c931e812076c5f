using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fido2NetLib;
using Fido2NetLib.Objects;

namespace Passbind.Sdk.Tests.Fakes;

/// <summary>
/// Plays the Passbind server's side of binding-protocol.md §2–§4 for one binding job, and verifies every
/// registration with Fido2NetLib exactly as the real server does, so a bind only succeeds with a valid attestation.
/// </summary>
internal sealed class FakeBindingServer : HttpMessageHandler
{
    public const string TenantId = "0001e3214d99f585";
    public const string RealmId = "8c4223d484c685db";
    public const string IdentityId = "534f87b7c4ec9367";
    public const string JobId = "7b9727cd4d8c525d";
    public const string ServerCredentialId = "81490afab171aef0";

    private readonly Lock _lock = new();
    private readonly List<string> _challenges = [];

    public string Token { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48));

    public string RpId { get; set; } = "localhost";

    /// <summary>The origins the authenticator config trusts.</summary>
    public HashSet<string> TrustedOrigins { get; } = ["passbind-sdk://dotnet"];

    public JsonArray PubKeyCredParams { get; set; } = new(
        new JsonObject { ["type"] = "public-key", ["alg"] = -7 },
        new JsonObject { ["type"] = "public-key", ["alg"] = -257 });

    public List<string> ExcludeCredentials { get; } = [];

    public string? PostBindingRedirectUri { get; set; } = "http://example.com";

    public bool Consumed { get; set; }

    /// <summary>When set and it answers non-null, replaces the server's answer (for error mapping).</summary>
    public Func<RecordedRequest, HttpResponseMessage?>? Override { get; set; }

    public List<RecordedRequest> Requests { get; } = [];

    public string? LastOptionsJson { get; private set; }

    public string? LastCredentialJson { get; private set; }

    public RegisteredPublicKeyCredential? Registered { get; private set; }

    public static string LinkA(string baseUrl = "http://localhost:5000", string token = "TOKEN") =>
        $"{baseUrl}/v1/tenants/{TenantId}/realms/{RealmId}/identities/{IdentityId}/credential-binding-jobs/{JobId}:invokeAuthenticator?token={token}";

    public static string LinkB(string invokeUrl, string apiBaseUrl, string token) =>
        $"{invokeUrl}/bind?api_base_url={Uri.EscapeDataString(apiBaseUrl)}&tenant_id={TenantId}&realm_id={RealmId}"
        + $"&identity_id={IdentityId}&job_id={JobId}&token={token}";

    public string Link(string baseUrl = "http://localhost:5000") => LinkA(baseUrl, Token);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, body);
        lock (_lock)
        {
            Requests.Add(recorded);
        }

        if (Override?.Invoke(recorded) is { } overridden)
        {
            overridden.RequestMessage = request;
            return overridden;
        }

        var response = await AnswerAsync(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    private async Task<HttpResponseMessage> AnswerAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        var jobPath = $"/v1/tenants/{TenantId}/realms/{RealmId}/identities/{IdentityId}/credential-binding-jobs/{JobId}";
        var path = request.Url.AbsolutePath;
        if (request.Method != HttpMethod.Post || !path.StartsWith(jobPath + ":", StringComparison.Ordinal))
        {
            return Error(HttpStatusCode.NotFound, "not_found", "The requested resource was not found.");
        }

        var json = JsonNode.Parse(request.Body)!.AsObject();
        if ((string?)json["token"] != Token)
        {
            return Error(HttpStatusCode.NotFound, "link_not_found", "binding link not found");
        }

        if (Consumed)
        {
            return Error(HttpStatusCode.Gone, "link_consumed", "a passkey was already bound with this link");
        }

        return path[(jobPath.Length + 1)..] switch
        {
            "registrationOptions" => RegistrationOptions(json),
            "completeRegistration" => await CompleteRegistrationAsync(json, cancellationToken),
            _ => Error(HttpStatusCode.NotFound, "not_found", "The requested resource was not found."),
        };
    }

    private HttpResponseMessage RegistrationOptions(JsonObject body)
    {
        if ((string?)body["key_type"] != "subtle")
        {
            return Error(HttpStatusCode.Forbidden, "key_type_not_allowed", "this test server allows software passkeys only");
        }

        var challenge = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var options = new JsonObject
        {
            ["rp"] = new JsonObject { ["id"] = RpId, ["name"] = "Passbind" },
            ["user"] = new JsonObject
            {
                ["id"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
                ["name"] = "alice",
                ["displayName"] = "Alice",
            },
            ["challenge"] = challenge,
            ["pubKeyCredParams"] = PubKeyCredParams.DeepClone(),
            ["timeout"] = 300000,
            ["excludeCredentials"] = new JsonArray(ExcludeCredentials
                .Select(id => (JsonNode)new JsonObject { ["type"] = "public-key", ["id"] = id }).ToArray()),
            ["authenticatorSelection"] = new JsonObject
            {
                ["residentKey"] = "required",
                ["requireResidentKey"] = true,
                ["userVerification"] = "preferred",
            },
            ["attestation"] = "none",
            ["extensions"] = new JsonObject { ["credProps"] = true },
        };
        lock (_lock)
        {
            _challenges.Add(challenge);
            LastOptionsJson = options.ToJsonString();
        }

        return Json(HttpStatusCode.OK, new JsonObject { ["public_key"] = options });
    }

    private async Task<HttpResponseMessage> CompleteRegistrationAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var credentialJson = body["credential"]!.ToJsonString();
        LastCredentialJson = credentialJson;

        // Find the options whose challenge the client answered, as the server finds the stored challenge.
        var clientData = JsonNode.Parse(Base64Url.DecodeFromChars((string)body["credential"]!["response"]!["clientDataJSON"]!))!;
        if (!_challenges.Contains((string)clientData["challenge"]!))
        {
            return Error(HttpStatusCode.BadRequest, "challenge_not_found", "challenge not found");
        }

        if (!TrustedOrigins.Contains((string)clientData["origin"]!))
        {
            return Error(HttpStatusCode.Forbidden, "origin_not_allowed", "origin not allowed");
        }

        try
        {
            Registered = await VerifyAsync(LastOptionsJson!, credentialJson, RpId, TrustedOrigins, cancellationToken);
        }
        catch (Fido2VerificationException e)
        {
            return Error(HttpStatusCode.BadRequest, "registration_failed", e.Message, reason: "invalid_attestation");
        }

        Consumed = true;
        return Json(HttpStatusCode.OK, new JsonObject
        {
            ["credential"] = new JsonObject
            {
                ["id"] = ServerCredentialId,
                ["identity_id"] = IdentityId,
                ["realm_id"] = RealmId,
                ["tenant_id"] = TenantId,
                ["state"] = "ACTIVE",
                ["csr_type"] = "WEBAUTHN",
                ["create_time"] = "2025-01-02T03:04:05.123456Z",
                ["update_time"] = "2025-01-02T03:04:05.123456Z",
            },
            ["tenant"] = new JsonObject { ["id"] = TenantId, ["display_name"] = "Acme" },
            ["realm"] = new JsonObject { ["id"] = RealmId, ["display_name"] = "Customers" },
            ["identity"] = new JsonObject
            {
                ["id"] = IdentityId,
                ["username"] = "alice",
                ["display_name"] = "Alice",
                ["primary_email_address"] = "alice@example.com",
                ["external_id"] = null,
            },
            ["theme"] = new JsonObject
            {
                ["logo_url_light"] = "https://example.com/light.png",
                ["logo_url_dark"] = "https://example.com/dark.png",
                ["support_url"] = "https://example.com/support",
            },
            ["post_binding_redirect_uri"] = PostBindingRedirectUri,
        });
    }

    /// <summary>Verifies a <c>RegistrationResponseJSON</c> against the options it answers, with Fido2NetLib.</summary>
    public static async Task<RegisteredPublicKeyCredential> VerifyAsync(
        string optionsJson, string credentialJson, string rpId, IEnumerable<string> origins, CancellationToken cancellationToken)
    {
        var fido2 = new Fido2(new Fido2Configuration
        {
            RPID = rpId,
            RPName = "Passbind",
            Origins = origins.ToHashSet(),
        });
        var options = CredentialCreateOptions.FromJson(optionsJson);
        var response = JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(credentialJson)!;
        return await fido2.MakeNewCredentialAsync(
            new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = options,
                IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(true),
            },
            cancellationToken);
    }

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string message, string? reason = null)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (reason is not null)
        {
            body["details"] = new JsonArray(new JsonObject { ["type"] = "RegistrationFailure", ["reason"] = reason });
        }

        return Json(status, body);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) => new(status)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    };
}
