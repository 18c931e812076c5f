using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Features.Oidc;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// Sign-in transactions (docs/sign-in-protocol.md §1–3): started by an authorize request, opened by every later
/// call with the request JWT, and ended by the one call that earns an authorization code.
/// </summary>
internal sealed class SignInTransactions(
    PassbindDbContext db,
    SignInRequestTokens tokens,
    AuthorizationCodes codes,
    PublicAddresses addresses,
    ParsedConfigs parsedConfigs,
    IOptions<SignInOptions> options,
    TimeProvider time)
{
    /// <summary>Passbind looks up no geolocation; Beyond Identity's field says so in its own words.</summary>
    public const string UnknownGeolocation = "Unknown";

    private const int IdLength = 32;
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int MaxUserAgentLength = 512;
    private const int MaxRefererLength = 1024;

    /// <summary>Stores a new transaction for a validated authorize request and answers its authenticate URL.</summary>
    public async Task<string> StartAsync(Application application, AuthenticatorConfig config, AuthorizeRequest request, HttpRequest http, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var transaction = new SignInTransaction
        {
            Id = RandomNumberGenerator.GetString(IdAlphabet, IdLength),
            TenantId = application.TenantId,
            RealmId = application.RealmId,
            ApplicationId = application.Id,
            AuthenticatorConfigId = config.Id,
            RedirectUri = request.RedirectUri,
            State = request.State,
            Nonce = request.Nonce,
            Scope = request.Scope,
            CodeChallenge = request.CodeChallenge,
            CodeChallengeMethod = request.CodeChallengeMethod,
            ClientIp = http.HttpContext.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(http.Headers.UserAgent.ToString(), MaxUserAgentLength),
            Referer = Truncate(http.Headers.Referer.ToString(), MaxRefererLength),
            CreateTime = now,
            ExpireTime = now + options.Value.TransactionLifetime,
        };
        db.SignInTransactions.Add(transaction);
        await db.SaveChangesAsync(cancellationToken);

        var jwt = await tokens.CreateAsync(transaction, application.ClientId, RandomNumberGenerator.GetString(IdAlphabet, IdLength), cancellationToken);
        return AuthenticateUrl(config, jwt);
    }

    /// <summary>
    /// <c>{invoke_url}/bi-authenticate?request=…</c>. A hosted_web config has no invoke URL of its own: the server's
    /// hosted page serves it. An app scheme without a path (<c>myapp://</c>) gets <c>myapp://bi-authenticate</c>.
    /// </summary>
    public string AuthenticateUrl(AuthenticatorConfig config, string request)
    {
        var invokeUrl = config.InvokeUrl ?? addresses.AuthBaseUrl;
        var page = invokeUrl.EndsWith("://", StringComparison.Ordinal) ? $"{invokeUrl}bi-authenticate" : $"{invokeUrl.TrimEnd('/')}/bi-authenticate";
        return $"{page}?request={Uri.EscapeDataString(request)}";
    }

    /// <summary>
    /// Verifies the request JWT, checks it names this transaction, and loads the transaction if it is still open.
    /// A bad JWT, another transaction's JWT and an unknown transaction all answer <c>transaction_not_found</c>.
    /// </summary>
    public async Task<(OpenedTransaction? Transaction, ApiError? Error)> OpenAsync(TransactionAddress address, string? request, CancellationToken cancellationToken)
    {
        var claims = await tokens.ReadAsync(request, cancellationToken);
        if (claims is null || claims.TransactionId != address.TransactionId || claims.TenantId != address.TenantId || claims.RealmId != address.RealmId)
        {
            return (null, SignInErrors.TransactionNotFound());
        }

        var found = await (
            from transaction in db.SignInTransactions.AsNoTracking()
            where transaction.Id == address.TransactionId && transaction.TenantId == address.TenantId && transaction.RealmId == address.RealmId
                && transaction.ApplicationId == claims.ApplicationId
            join application in db.Applications.AsNoTracking() on transaction.ApplicationId equals application.Id
            join config in db.AuthenticatorConfigs.AsNoTracking() on transaction.AuthenticatorConfigId equals config.Id
            select new { transaction, application, config })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (null, SignInErrors.TransactionNotFound());
        }

        return UnusableReason(found.transaction, time.GetUtcNow()) is { } unusable
            ? (null, unusable)
            : (new OpenedTransaction(found.transaction, found.application, found.config, request!), null);
    }

    /// <summary>Why a transaction can no longer complete, or null while it can.</summary>
    public static ApiError? UnusableReason(SignInTransaction transaction, DateTimeOffset now) =>
        transaction.CompleteTime is not null ? SignInErrors.TransactionCompleted()
        : transaction.ExpireTime <= now ? SignInErrors.TransactionExpired()
        : null;

    /// <summary>Why a transaction that a conditional update no longer matched cannot complete, read afresh.</summary>
    public async Task<ApiError?> CurrentUnusableReasonAsync(string transactionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await db.SignInTransactions.AsNoTracking().FirstAsync(t => t.Id == transactionId, cancellationToken);
        return UnusableReason(current, now);
    }

    /// <summary>The transaction's context (§3): what the user is signing in to, from where, and with what.</summary>
    public AuthenticationContextResponse Describe(OpenedTransaction opened)
    {
        var (transaction, application, config, request) = opened;
        return new AuthenticationContextResponse(
            AuthenticateUrl(config, request),
            parsedConfigs.For(config).AuthenticationMethods.Select(m => new AuthenticationMethodResponse(m)).ToList(),
            new ContextApplication(application.Id, application.DisplayName),
            new ContextOrigin(transaction.ClientIp, transaction.UserAgent, UnknownGeolocation, transaction.Referer));
    }

    /// <summary>
    /// Adds the authorization code the completed transaction earned to the caller's unit of work (so it commits
    /// with the transaction's completion, or not at all) and answers the client's redirect URL.
    /// </summary>
    public string IssueCode(OpenedTransaction opened, string identityId, string? credentialId, IReadOnlyList<string> amr, DateTimeOffset authTime)
    {
        var transaction = opened.Transaction;
        var code = codes.Add(db, new AuthorizationCodeContent(
            transaction.TenantId, transaction.RealmId, transaction.ApplicationId, identityId, credentialId, transaction.RedirectUri,
            transaction.CodeChallenge, transaction.CodeChallengeMethod, transaction.Nonce, transaction.Scope, authTime, amr));
        var issuer = tokens.Issuer(transaction.TenantId, transaction.RealmId, transaction.ApplicationId);

        // RFC 9207: the issuer travels with the code, so a client talking to several servers cannot be mixed up.
        return ClientRedirect.Build(transaction.RedirectUri, ("code", code), ("state", transaction.State), ("iss", issuer));
    }

    /// <summary>The application's issuer, which signs its request JWTs and goes back with every authorization response.</summary>
    public string Issuer(Application application) => tokens.Issuer(application.TenantId, application.RealmId, application.Id);

    private static string? Truncate(string value, int length) => value.Length == 0 ? null : value.Length <= length ? value : value[..length];
}
