using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Passbind.Server.Features.Applications;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// Checks an authorize request in two steps. First the client and its exact redirect URI (RFC 6749 §4.1.2.1,
/// RFC 9700 §2.1): until both are known good nothing may be sent to the redirect URI, so a failure there is an
/// error page. Then everything else, whose failures go back to the client.
/// </summary>
internal static class AuthorizeRequestValidator
{
    public const string S256 = "S256";
    public const string Plain = "plain";

    /// <summary>The OpenID Connect scopes every oidc application may ask for besides its own.</summary>
    private static readonly string[] OpenIdScopes = ["openid", "profile", "email", "offline_access"];

    /// <summary>Long enough for any real state or nonce; longer ones would only bloat the request JWT and the code.</summary>
    private const int MaxValueLength = 512;

    /// <summary>
    /// The redirect URI the client may be sent back to, or why not (shown on the error page). Each parameter may
    /// appear once (RFC 6749 §3.1); the redirect URI must be sent and match a registered one exactly.
    /// </summary>
    public static (string? RedirectUri, string? Problem) ValidateClient(IQueryCollection query, Application? application)
    {
        if (query["client_id"].Count != 1 || query["redirect_uri"].Count > 1)
        {
            return (null, "The request must name client_id and redirect_uri once each.");
        }

        if (application is null || application.ClientId != query["client_id"].ToString() || !HasGrant(application, ApplicationValues.AuthorizationCodeGrant))
        {
            return (null, "The application is unknown, or does not sign users in.");
        }

        var redirectUri = query["redirect_uri"].ToString();
        if (redirectUri.Length == 0)
        {
            return (null, "The request has no redirect_uri.");
        }

        var registered = JsonSerializer.Deserialize<string[]>(application.RedirectUrisJson) ?? [];
        return registered.Contains(redirectUri, StringComparer.Ordinal)
            ? (redirectUri, null)
            : (null, "The redirect_uri is not one the application registered.");
    }

    /// <summary>The rest of the request, for a client whose redirect URI is known good.</summary>
    public static (AuthorizeRequest? Request, AuthorizeError? Error) Validate(IQueryCollection query, Application application, string redirectUri)
    {
        foreach (var (name, values) in query)
        {
            if (values.Count > 1)
            {
                return (null, AuthorizeError.InvalidRequest($"{name} must not be repeated"));
            }
        }

        // Only the code flow: no implicit or hybrid responses (RFC 9700 §2.1.2).
        var responseType = Single(query, "response_type");
        if (responseType is null)
        {
            return (null, AuthorizeError.InvalidRequest("response_type is required"));
        }

        if (responseType != "code")
        {
            return (null, new AuthorizeError("unsupported_response_type", "only response_type=code is supported"));
        }

        if (Single(query, "response_mode") is { } responseMode && responseMode != "query")
        {
            return (null, AuthorizeError.InvalidRequest("only response_mode=query is supported"));
        }

        if (query.ContainsKey("request"))
        {
            return (null, new AuthorizeError("request_not_supported", "request objects are not supported"));
        }

        if (query.ContainsKey("request_uri"))
        {
            return (null, new AuthorizeError("request_uri_not_supported", "request_uri is not supported"));
        }

        // There is no session to sign in silently with: every sign-in proves a passkey.
        if (Single(query, "prompt") is { } prompt && prompt.Split(' ').Contains("none", StringComparer.Ordinal))
        {
            return (null, new AuthorizeError("login_required", "the user must authenticate"));
        }

        var state = Single(query, "state");
        var nonce = Single(query, "nonce");
        if (state?.Length > MaxValueLength || nonce?.Length > MaxValueLength)
        {
            return (null, AuthorizeError.InvalidRequest($"state and nonce must be at most {MaxValueLength} characters"));
        }

        var (scope, scopeError) = ValidateScope(Single(query, "scope"), application);
        if (scopeError is not null)
        {
            return (null, scopeError);
        }

        var (challenge, method, pkceError) = ValidatePkce(Single(query, "code_challenge"), Single(query, "code_challenge_method"), application);
        return pkceError is not null
            ? (null, pkceError)
            : (new AuthorizeRequest(redirectUri, scope!, state, nonce, challenge, method), null);
    }

    private static (string? Scope, AuthorizeError? Error) ValidateScope(string? requested, Application application)
    {
        var scopes = (requested ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var oidc = application.ProtocolType == ApplicationValues.ProtocolOidc;
        if (oidc && !scopes.Contains("openid", StringComparer.Ordinal))
        {
            return (null, new AuthorizeError("invalid_scope", "an OpenID Connect application's scope must include openid"));
        }

        var own = application.AllowedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var unknown = scopes.FirstOrDefault(s => !own.Contains(s, StringComparer.Ordinal) && !(oidc && OpenIdScopes.Contains(s, StringComparer.Ordinal)));
        return unknown is null
            ? (string.Join(' ', scopes), null)
            : (null, new AuthorizeError("invalid_scope", $"the application may not ask for the scope {unknown}"));
    }

    /// <summary>
    /// RFC 7636, as the application requires it: <c>s256</c> (and every public client) needs an S256 challenge;
    /// <c>plain</c> needs a challenge and allows the plain method; <c>disabled</c> takes an S256 challenge if sent.
    /// A method defaults to plain (RFC 7636 §4.3), so a challenge without one is plain.
    /// </summary>
    private static (string? Challenge, string? Method, AuthorizeError? Error) ValidatePkce(string? challenge, string? method, Application application)
    {
        var required = application.Confidentiality == ApplicationValues.Public ? ApplicationValues.PkceS256 : application.Pkce;
        if (challenge is null)
        {
            return method is not null
                ? (null, null, AuthorizeError.InvalidRequest("code_challenge_method without code_challenge"))
                : required == ApplicationValues.PkceDisabled
                    ? (null, null, null)
                    : (null, null, AuthorizeError.InvalidRequest("code_challenge is required"));
        }

        method ??= Plain;
        if (method is not (S256 or Plain))
        {
            return (null, null, AuthorizeError.InvalidRequest("code_challenge_method must be S256"));
        }

        if (method == Plain && required != ApplicationValues.PkcePlain)
        {
            return (null, null, AuthorizeError.InvalidRequest("code_challenge_method must be S256"));
        }

        // RFC 7636 §4.2: 43–128 unreserved characters; an S256 challenge is base64url of 32 bytes, exactly 43.
        var wellFormed = method == S256
            ? challenge.Length == 43 && challenge.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            : challenge.Length is >= 43 and <= 128 && challenge.All(IsUnreserved);
        return wellFormed
            ? (challenge, method, null)
            : (null, null, AuthorizeError.InvalidRequest("code_challenge is malformed"));
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out StringValues values) && values.Count == 1 && values[0] is { Length: > 0 } value ? value : null;

    private static bool HasGrant(Application application, string grant) =>
        (JsonSerializer.Deserialize<string[]>(application.GrantTypesJson) ?? []).Contains(grant, StringComparer.Ordinal);
}
