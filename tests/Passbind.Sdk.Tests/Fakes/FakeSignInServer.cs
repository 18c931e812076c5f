using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fido2NetLib;

namespace Passbind.Sdk.Tests.Fakes;

/// <summary>
/// Plays the Passbind server's side of sign-in-protocol.md §3–§6 for one sign-in transaction, and verifies every
/// assertion with Fido2NetLib against the credential <see cref="Binding"/> registered, with the stored sign count, as
/// the real server does: an assertion only succeeds when its signature, client data and counter are right. Requests
/// that are not the transaction's go to <see cref="Binding"/>, so a test binds a passkey and then signs in with it.
/// </summary>
internal sealed class FakeSignInServer : HttpMessageHandler
{
    public const string TransactionId = "aCi8E47pTwzpXaH8wwL28Ma8X8cH2Byx";
    public const string ApplicationId = "919fb545-23cb-4563-adda-f33105a2243d";
    public const string RedirectUrl = "http://localhost:5080/signin-oidc?code=C0DE&state=st4te";
    public const string Otp = "123456";

    private readonly HttpMessageInvoker _binding;
    private readonly Lock _lock = new();
    private string? _optionsJson;

    public FakeSignInServer()
    {
        _binding = new HttpMessageInvoker(Binding, disposeHandler: false);
        Request = RequestJwt("http://localhost:5000", FakeBindingServer.TenantId, FakeBindingServer.RealmId);
    }

    public FakeBindingServer Binding { get; } = new();

    /// <summary>The request JWT the transaction accepts.</summary>
    public string Request { get; }

    /// <summary>The RP ID of the assertion options (and of the verification).</summary>
    public string RpId { get; set; } = "localhost";

    /// <summary>When set, the options' allowCredentials; otherwise the credential asked for, or none.</summary>
    public JsonArray? AllowCredentials { get; set; }

    /// <summary>The counter of the registered credential, as the server stores it.</summary>
    public uint StoredSignCount { get; private set; }

    /// <summary>When set and it answers non-null, replaces the server's answer (for error mapping).</summary>
    public Func<RecordedRequest, HttpResponseMessage?>? Override { get; set; }

    public List<RecordedRequest> Requests { get; } = [];

    public string? LastCredentialJson { get; private set; }

    public string AuthenticateUrl(string invokeUrl = "http://localhost:5080") => $"{invokeUrl}/bi-authenticate?request={Request}";

    /// <summary>A request JWT (sign-in-protocol.md §2); its signature is not checked by the SDK, so any bytes do.</summary>
    public static string RequestJwt(string? baseUrl, string? tenantId, string? realmId, string? transactionId = TransactionId)
    {
        var authn = new JsonObject
        {
            ["base_url"] = baseUrl,
            ["tid"] = tenantId,
            ["rid"] = realmId,
            ["aid"] = ApplicationId,
            ["action"] = new JsonObject { ["prove"] = new JsonObject { ["transaction_id"] = transactionId, ["nonce"] = "n0nce" } },
            ["redirect_uri"] = "http://localhost:5080/signin-oidc",
            ["state"] = "st4te",
        };
        return Jwt(new JsonObject
        {
            ["iss"] = $"{baseUrl}/v1/tenants/{tenantId}/realms/{realmId}/applications/{ApplicationId}",
            ["sub"] = "client1",
            ["aud"] = new JsonArray(),
            ["exp"] = 2000000000,
            ["verb"] = "authenticate",
            ["authn"] = authn,
            ["origin"] = new JsonObject { ["ip"] = "127.0.0.1", ["ua"] = "test", ["geo"] = "Unknown", ["ref"] = "" },
        });
    }

    public static string Jwt(JsonNode payload) =>
        Base64Url.EncodeToString("""{"typ":"JWT","alg":"RS256","kid":"k1"}"""u8)
        + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))
        + "." + Base64Url.EncodeToString("signature"u8);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (!path.Contains("/transactions/", StringComparison.Ordinal))
        {
            return await _binding.SendAsync(request, cancellationToken);
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri, body);
        lock (_lock)
        {
            Requests.Add(recorded);
        }

        var response = Override?.Invoke(recorded) ?? await AnswerAsync(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _binding.Dispose();
            Binding.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<HttpResponseMessage> AnswerAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        var prefix = $"/v1/tenants/{FakeBindingServer.TenantId}/realms/{FakeBindingServer.RealmId}/transactions/{TransactionId}:";
        var path = request.Url.AbsolutePath;
        var json = JsonNode.Parse(request.Body)!.AsObject();
        if (request.Method != HttpMethod.Post || !path.StartsWith(prefix, StringComparison.Ordinal) || (string?)json["request"] != Request)
        {
            return FakeBindingServer.Error(HttpStatusCode.NotFound, "transaction_not_found", "transaction not found");
        }

        return path[prefix.Length..] switch
        {
            "authenticationContext" => Json(new JsonObject
            {
                ["auth_url"] = $"http://localhost:5000/bi-authenticate?request={Request}",
                ["auth_methods"] = new JsonArray(
                    new JsonObject { ["type"] = "software_passkey" },
                    new JsonObject { ["type"] = "email_one_time_password" },
                    new JsonObject { ["nope"] = 1 }),
                ["application"] = new JsonObject { ["id"] = ApplicationId, ["display_name"] = "Pet App" },
                ["origin"] = new JsonObject
                {
                    ["source_ip"] = "203.0.113.9",
                    ["user_agent"] = "curl/8",
                    ["geolocation"] = "Unknown",
                    ["referer"] = "https://pets.example/",
                },
            }),
            "authenticationOptions" => AuthenticationOptions(json),
            "completeAuthentication" => await CompleteAuthenticationAsync(json, cancellationToken),
            "authenticateOtp" => Json(new JsonObject { ["url"] = $"http://localhost:5000/bi-authenticate?request={Request}" }),
            "redeemOtp" => (string?)json["otp"] == Otp
                ? Json(new JsonObject { ["redirect_url"] = RedirectUrl, ["message"] = null, ["passkey_binding_token"] = "pbt-1" })
                : FakeBindingServer.Error(HttpStatusCode.BadRequest, "otp_invalid", "The code is not right."),
            _ => FakeBindingServer.Error(HttpStatusCode.NotFound, "not_found", "The requested resource was not found."),
        };
    }

    private HttpResponseMessage AuthenticationOptions(JsonObject body)
    {
        if ((string?)body["key_type"] != "subtle")
        {
            return FakeBindingServer.Error(HttpStatusCode.Forbidden, "key_type_not_allowed", "software passkeys only");
        }

        var credentialId = (string?)body["credential_id"];
        var options = new JsonObject
        {
            ["challenge"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
            ["timeout"] = 60000,
            ["rpId"] = RpId,
            ["allowCredentials"] = AllowCredentials?.DeepClone() ?? (credentialId is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["type"] = "public-key", ["id"] = credentialId })),
            ["userVerification"] = "preferred",
        };
        lock (_lock)
        {
            _optionsJson = options.ToJsonString();
        }

        return Json(new JsonObject { ["public_key"] = options });
    }

    private async Task<HttpResponseMessage> CompleteAuthenticationAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var credentialJson = body["credential"]!.ToJsonString();
        LastCredentialJson = credentialJson;
        var registered = Binding.Registered;
        if (_optionsJson is null || registered is null
            || (string?)body["credential"]!["id"] != Base64Url.EncodeToString(registered.Id))
        {
            return FakeBindingServer.Error(
                HttpStatusCode.BadRequest, "authentication_failed", "credential not allowed", "credential_not_allowed");
        }

        try
        {
            var fido2 = new Fido2(new Fido2Configuration
            {
                RPID = RpId,
                RPName = "Passbind",
                Origins = Binding.TrustedOrigins,
            });
            var result = await fido2.MakeAssertionAsync(
                new MakeAssertionParams
                {
                    AssertionResponse = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(credentialJson)!,
                    OriginalOptions = AssertionOptions.FromJson(_optionsJson),
                    StoredPublicKey = registered.PublicKey,
                    StoredSignatureCounter = StoredSignCount,
                    IsUserHandleOwnerOfCredentialIdCallback = (_, _) => Task.FromResult(true),
                },
                cancellationToken);
            StoredSignCount = result.SignCount;
        }
        catch (Fido2VerificationException e)
        {
            return FakeBindingServer.Error(HttpStatusCode.BadRequest, "authentication_failed", e.Message, "invalid_signature");
        }

        _optionsJson = null; // single use
        return Json(new JsonObject
        {
            ["redirect_url"] = RedirectUrl,
            ["message"] = null,
            ["credential"] = new JsonObject
            {
                ["id"] = FakeBindingServer.ServerCredentialId,
                ["identity_id"] = FakeBindingServer.IdentityId,
                ["realm_id"] = FakeBindingServer.RealmId,
                ["tenant_id"] = FakeBindingServer.TenantId,
            },
        });
    }

    private static HttpResponseMessage Json(JsonNode body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    };
}
