using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Hosting;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// The <c>request</c> JWT of an authenticate URL (docs/sign-in-protocol.md §2), in Beyond Identity's shape. It is
/// the capability for one sign-in transaction: RS256 with the realm's signing key, <c>kid</c> and <c>jku</c> in
/// its header, and the transaction it names in <c>authn.action.prove.transaction_id</c>.
/// </summary>
internal sealed class SignInRequestTokens(SigningKeyRing keys, PublicAddresses addresses, TimeProvider time)
{
    public const string Verb = "authenticate";

    /// <summary>Far more than a request JWT needs; anything longer is refused unread.</summary>
    private const int MaxLength = 8 * 1024;

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The application's issuer: <c>{auth}/v1/tenants/{t}/realms/{r}/applications/{app}</c>.</summary>
    public string Issuer(string tenantId, string realmId, string applicationId) =>
        $"{addresses.AuthBaseUrl}/v1/tenants/{tenantId}/realms/{realmId}/applications/{applicationId}";

    /// <summary>Signs the request JWT of <paramref name="transaction"/>; it expires with the transaction.</summary>
    public async Task<string> CreateAsync(SignInTransaction transaction, string clientId, string proofNonce, CancellationToken cancellationToken)
    {
        var issuer = Issuer(transaction.TenantId, transaction.RealmId, transaction.ApplicationId);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = issuer,
            ["sub"] = clientId,
            ["aud"] = new JsonArray(),
            ["exp"] = transaction.ExpireTime.ToUnixTimeSeconds(),
            ["nbf"] = now,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString(),
            ["verb"] = Verb,
            ["authn"] = new JsonObject
            {
                ["base_url"] = addresses.AuthBaseUrl,
                ["tid"] = transaction.TenantId,
                ["rid"] = transaction.RealmId,
                ["aid"] = transaction.ApplicationId,
                ["action"] = new JsonObject
                {
                    ["prove"] = new JsonObject { ["transaction_id"] = transaction.Id, ["nonce"] = proofNonce },
                },
                ["redirect_uri"] = transaction.RedirectUri,
                ["state"] = transaction.State,
            },
            ["origin"] = new JsonObject
            {
                ["ip"] = transaction.ClientIp ?? string.Empty,
                ["ua"] = transaction.UserAgent ?? string.Empty,
                ["geo"] = SignInTransactions.UnknownGeolocation,
                ["ref"] = transaction.Referer ?? string.Empty,
            },
        };

        var header = new Dictionary<string, object> { ["jku"] = $"{issuer}/.well-known/jwks.json" };
        var key = await keys.GetSigningKeyAsync(transaction.TenantId, transaction.RealmId, cancellationToken);
        return Handler.CreateToken(payload.ToJsonString(), new SigningCredentials(key.Key, SecurityAlgorithms.RsaSha256), header);
    }

    /// <summary>
    /// Verifies a request JWT: this server's signature and the authenticate verb. Null for anything else, so a
    /// forged or foreign JWT looks the same as an unknown transaction.
    /// </summary>
    /// <remarks>
    /// NOTE: <c>exp</c> is the transaction's own expire time, and the transaction is what is checked, so that an
    /// expired sign-in answers <c>transaction_expired</c> rather than looking unknown.
    /// </remarks>
    public async Task<SignInRequestClaims?> ReadAsync(string? jwt, CancellationToken cancellationToken)
    {
        if (await SignedJwt.OpenAsync(keys, jwt, MaxLength, cancellationToken) is not var (token, key))
        {
            return null;
        }

        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        if (!result.IsValid)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
            var root = payload.RootElement;
            if (!root.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String || verb.GetString() != Verb
                || !root.TryGetProperty("authn", out var authn) || authn.ValueKind != JsonValueKind.Object
                || !authn.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
                || !action.TryGetProperty("prove", out var prove) || prove.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var tenantId = Text(authn, "tid");
            var realmId = Text(authn, "rid");
            var applicationId = Text(authn, "aid");
            var transactionId = Text(prove, "transaction_id");
            return tenantId is null || realmId is null || applicationId is null || transactionId is null
                ? null
                : new SignInRequestClaims(tenantId, realmId, applicationId, transactionId);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
