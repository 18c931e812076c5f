using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Core.WebAuthn;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Features.Binding;
using Passbind.Server.Features.Credentials;
using Passbind.Server.Features.Identities;
using Passbind.Server.Features.RateLimits;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// The passkey half of a sign-in (docs/sign-in-protocol.md §4–5): assertion options bound to the transaction,
/// then the verified assertion, which completes the transaction, moves the credential's sign count and issues
/// the authorization code in one database transaction, so of any number of concurrent completions exactly one
/// earns a code.
/// </summary>
internal sealed class SignInCeremony(
    PassbindDbContext db,
    SignInTransactions transactions,
    AuthenticationVerifier verifier,
    RelyingParties relyingParties,
    ParsedConfigs parsedConfigs,
    SealedChallenges challenges,
    IOptions<WebAuthnOptions> options,
    RateLimiter limiter,
    IOptions<RateLimitOptions> limits,
    TimeProvider time,
    ILogger<SignInCeremony> logger)
{
    private const string FailuresPerIdentity = "sign-in-identity";

    /// <summary>The longest credential id WebAuthn allows (§5.1: 1023 bytes), in base64url characters.</summary>
    private const int MaxCredentialIdText = 1364;

    public async Task<(AuthenticationOptionsResponse? Options, ApiError? Error)> CreateOptionsAsync(
        TransactionAddress address, AuthenticationOptionsRequest request, CancellationToken cancellationToken)
    {
        var keyType = request.KeyType ?? KeyTypes.WebAuthn;
        if (KeyTypes.RequiredMethod(keyType) is not { } requiredMethod)
        {
            return (null, SignInErrors.InvalidField("key_type", "must be webauthn or subtle"));
        }

        byte[]? credentialId = null;
        if (request.CredentialId is not null)
        {
            if (request.CredentialId is not { Length: > 0 and <= MaxCredentialIdText } text || !Base64Url.IsValid(text))
            {
                return (null, SignInErrors.InvalidField("credential_id", "must be a base64url WebAuthn credential id"));
            }

            credentialId = Base64Url.DecodeFromChars(text);
        }

        var (opened, error) = await transactions.OpenAsync(address, request.Request, cancellationToken);
        if (opened is null)
        {
            return (null, error);
        }

        if (!parsedConfigs.For(opened.Config).Allows(requiredMethod))
        {
            return (null, SignInErrors.KeyTypeNotAllowed(keyType));
        }

        // NOTE: the credential id is echoed as sent, with no transports, whether or not it exists, so that the
        // answer says nothing about it (WebAuthn L3 §14.6.2). The challenge is sealed to the transaction, the key
        // type and that credential id (SealedChallenges): nothing is written.
        var timeout = options.Value.ChallengeTimeout;
        var created = AuthenticationOptionsFactory.Create(new AuthenticationOptionsParameters(
            relyingParties.RpId(opened.Config),
            credentialId is null ? [] : [credentialId],
            timeout,
            UserVerificationRequirement.Preferred)
        {
            Challenge = challenges.Create(ChallengePurpose.SignIn, opened.Transaction.Id, keyType, credentialId, time.GetUtcNow() + timeout),
        });

        return (new AuthenticationOptionsResponse(created.PublicKey), null);
    }

    public async Task<(CompleteAuthenticationResponse? Response, ApiError? Error)> CompleteAsync(
        TransactionAddress address, CompleteAuthenticationRequest request, CancellationToken cancellationToken)
    {
        if (request.Credential is not { ValueKind: JsonValueKind.Object } response)
        {
            return (null, SignInErrors.InvalidField("credential", "required: an AuthenticationResponseJSON object"));
        }

        var (opened, error) = await transactions.OpenAsync(address, request.Request, cancellationToken);
        if (opened is null)
        {
            return (null, error);
        }

        // Only what the server vouches for is trusted (WebAuthn L3 §13.4.3): the challenge the client echoes counts
        // only when its MAC says this server issued it for this transaction's sign-in, and the verifier then checks
        // the rest against it.
        var transaction = opened.Transaction;
        var now = time.GetUtcNow();
        var presented = BindingCeremony.ClientDataChallenge(response);
        if (presented is null && !HasClientDataText(response))
        {
            return (null, SignInErrors.InvalidField("credential.response.clientDataJSON", "malformed AuthenticationResponseJSON"));
        }

        var challenge = presented is null ? null : challenges.Open(presented, ChallengePurpose.SignIn, transaction.Id);
        if (challenge is null)
        {
            return (null, SignInErrors.ChallengeNotFound());
        }

        if (challenge.ExpireTime <= now)
        {
            return (null, SignInErrors.ChallengeExpired());
        }

        // 7.2 steps 5–6: the credential must be one this transaction may use: known, active, of this realm, of an
        // active identity, and the one the options named if they named one. Every other case is the same answer.
        if (!AuthenticationVerifier.TryReadCredentialId(response, out var rawId))
        {
            return (null, SignInErrors.InvalidField("credential.rawId", "malformed AuthenticationResponseJSON"));
        }

        var found = await FindCredentialAsync(rawId, cancellationToken);
        if (found is null
            || found.Credential.TenantId != transaction.TenantId
            || found.Credential.RealmId != transaction.RealmId
            || found.Credential.State != CredentialStates.Active
            || found.Identity.Status != IdentityStatuses.Active
            || !challenges.Allows(challenge, ChallengePurpose.SignIn, transaction.Id, found.Credential.CredentialId))
        {
            Log.AssertionRefused(logger, transaction.Id, "credential_not_allowed");
            return (null, SignInErrors.AuthenticationFailed("credential_not_allowed"));
        }

        // NIST SP 800-63B-4 §3.2.2: at most so many failed assertions for one identity (catalogue #53), whatever
        // address they come from; other identities are unaffected, and a success starts the count again.
        var (credential, identity) = found;
        var failures = new Counted(FailuresPerIdentity, identity.Id, limits.Value.AssertionFailuresPerIdentity);
        if (await limiter.RefusalAsync(db, [failures], cancellationToken) is { } retryAfter)
        {
            Log.AssertionRefused(logger, transaction.Id, "rate_limited");
            return (null, ApiError.RateLimited(retryAfter));
        }

        var expected = new ExpectedAssertion(
            challenge.Bytes,
            relyingParties.RpId(opened.Config),
            parsedConfigs.For(opened.Config).TrustedOrigins,
            UserVerificationRequired: false,
            challenge.NamesCredential ? [credential.CredentialId] : [],
            new CredentialRecord(credential.CredentialId, credential.PublicKey, (uint)credential.SignCount,
                credential.BackupEligible, credential.BackupState, identity.UserHandle));
        var result = await verifier.VerifyAsync(expected, response, cancellationToken);
        if (!result.Succeeded)
        {
            // A completion that lost a race reads the winner's new sign count and fails on it: what it must hear
            // is that the sign-in is complete.
            if (await transactions.CurrentUnusableReasonAsync(transaction.Id, now, cancellationToken) is { } unusable)
            {
                return (null, unusable);
            }

            Log.AssertionRefused(logger, transaction.Id, result.Failure.Code);
            await limiter.CountAsync(db, failures, cancellationToken);
            return (null, Refusal(result.Failure));
        }

        var assertion = result.Assertion;
        var redirectUrl = await ConsumeAndIssueAsync(opened, credential, assertion, now, cancellationToken);
        if (redirectUrl.Error is not null)
        {
            return (null, redirectUrl.Error);
        }

        await limiter.ResetAsync(db, failures, cancellationToken);
        Log.SignedIn(logger, identity.Id, credential.Id, transaction.ApplicationId);
        return (new CompleteAuthenticationResponse(
            redirectUrl.Url!,
            null,
            new SignedInCredential(credential.Id, identity.Id, credential.RealmId, credential.TenantId)), null);
    }

    /// <summary>
    /// One database transaction: the conditional update that completes the sign-in (it matches only while the
    /// transaction is open and unexpired, so one completion wins and every challenge of the transaction is spent
    /// with it), the credential's
    /// new sign count and last use (matched on the count read, so two assertions cannot both move it), and the code.
    /// </summary>
    private async Task<(string? Url, ApiError? Error)> ConsumeAndIssueAsync(
        OpenedTransaction opened, Credential credential, VerifiedAssertion assertion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transactionId = opened.Transaction.Id;
        await using var unit = await db.Database.BeginTransactionAsync(cancellationToken);
        var completed = await db.SignInTransactions
            .Where(t => t.Id == transactionId && t.CompleteTime == null && t.ExpireTime > now)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.CompleteTime, now), cancellationToken);
        if (completed == 0)
        {
            await unit.RollbackAsync(cancellationToken);
            return (null, await transactions.CurrentUnusableReasonAsync(transactionId, now, cancellationToken) ?? SignInErrors.ChallengeNotFound());
        }

        var storedCount = credential.SignCount;
        var updated = await db.Credentials
            .Where(c => c.Id == credential.Id && c.State == CredentialStates.Active && c.SignCount == storedCount)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.SignCount, (long)assertion.SignCount)
                .SetProperty(c => c.BackupState, assertion.BackupState)
                .SetProperty(c => c.LastUsedTime, now)
                .SetProperty(c => c.UpdateTime, now), cancellationToken);
        if (updated == 0)
        {
            // Revoked meanwhile, or another sign-in moved the counter first: either way this assertion is stale.
            await unit.RollbackAsync(cancellationToken);
            return (null, SignInErrors.AuthenticationFailed("credential_not_allowed"));
        }

        // RFC 8176: "pop" (proof of possession of a key); "user" when the authenticator verified the user.
        string[] amr = assertion.UserVerified ? ["pop", "user"] : ["pop"];
        var url = transactions.IssueCode(opened, credential.IdentityId, credential.Id, amr, now);
        await db.SaveChangesAsync(cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return (url, null);
    }

    private Task<FoundCredential?> FindCredentialAsync(byte[] credentialId, CancellationToken cancellationToken) => (
        from credential in db.Credentials.AsNoTracking()
        where credential.CredentialId == credentialId
        join identity in db.Identities.AsNoTracking() on credential.IdentityId equals identity.Id
        select new FoundCredential(credential, identity))
        .FirstOrDefaultAsync(cancellationToken);

    private static ApiError Refusal(AuthenticationFailure failure) => failure.Reason switch
    {
        AuthenticationFailureReason.InvalidRequest => SignInErrors.InvalidField(
            failure.Field.StartsWith("credential", StringComparison.Ordinal) ? failure.Field : $"credential.{failure.Field}", "malformed AuthenticationResponseJSON"),
        AuthenticationFailureReason.ChallengeMismatch => SignInErrors.ChallengeNotFound(),
        AuthenticationFailureReason.OriginNotAllowed => SignInErrors.OriginNotAllowed(),
        _ => SignInErrors.AuthenticationFailed(failure.Code),
    };

    /// <summary>Whether <c>response.clientDataJSON</c> is at least base64url text: else the request is malformed, not a wrong challenge.</summary>
    private static bool HasClientDataText(JsonElement response) =>
        response.TryGetProperty("response", out var inner) && inner.ValueKind == JsonValueKind.Object
        && inner.TryGetProperty("clientDataJSON", out var text) && text.ValueKind == JsonValueKind.String
        && Base64Url.IsValid(text.GetString());
}
