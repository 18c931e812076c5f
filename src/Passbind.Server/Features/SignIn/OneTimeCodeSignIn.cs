using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Core.Validation;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Features.Credentials;
using Passbind.Server.Features.Identities;
using Passbind.Server.Http;
using Passbind.Server.Secrets;
using Passbind.Storage;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// Sign-in with an emailed one-time code (docs/sign-in-protocol.md §6). Asking for a code answers the same
/// whether or not the address belongs to anyone; a code works once, for five minutes, with at most five tries
/// per transaction, and redeeming it completes the transaction exactly as a verified assertion does.
/// </summary>
internal sealed class OneTimeCodeSignIn(
    PassbindDbContext db,
    SignInTransactions transactions,
    IOneTimeCodeEmailQueue emails,
    PasskeyBindingTokens bindingTokens,
    MasterKey masterKey,
    ParsedConfigs parsedConfigs,
    IOptions<SignInOptions> options,
    TimeProvider time,
    ILogger<OneTimeCodeSignIn> logger)
{
    private const string OneTimeCodeMethod = "email one-time code";

    public async Task<(AuthenticateOtpResponse? Response, ApiError? Error)> SendAsync(
        TransactionAddress address, AuthenticateOtpRequest request, CancellationToken cancellationToken)
    {
        if (FieldRules.EmailAddress(request.Email) is { } problem)
        {
            return (null, SignInErrors.InvalidField("email", problem));
        }

        var (opened, error) = await transactions.OpenAsync(address, request.Request, cancellationToken);
        if (opened is null)
        {
            return (null, error);
        }

        if (!AllowsOneTimeCodes(opened))
        {
            return (null, SignInErrors.KeyTypeNotAllowed(OneTimeCodeMethod));
        }

        var transaction = opened.Transaction;
        var email = request.Email!.ToLowerInvariant();
        // Addresses match without regard to case, as mail systems treat them.
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower() to SQL lower(); the culture-aware overloads do not translate.
        var identity = await db.Identities.AsNoTracking()
            .Where(i => i.TenantId == transaction.TenantId && i.RealmId == transaction.RealmId && i.Status == IdentityStatuses.Active
                && i.PrimaryEmailAddress != null && i.PrimaryEmailAddress.ToLower() == email)
            .OrderBy(i => i.CreateTime)
            .FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862

        // An inbox at its limit (catalogue #96) gets nothing more; the answer stays that of any address, so the
        // limit tells a stranger nothing about whether the address is known.
        if (identity is not null && await emails.RetryAfterAsync(db, identity, cancellationToken) is not null)
        {
            Log.OneTimeCodeWithheld(logger, transaction.Id, identity.Id);
            identity = null;
        }

        // An unknown address gets a code too, one that is never sent: the transaction, the timing and the answer
        // are those of a known one, and no code can redeem it.
        var code = OneTimeCodes.Create();
        var hash = OneTimeCodes.Hash(masterKey, transaction.Id, code);
        var now = time.GetUtcNow();
        var settings = options.Value;
        var expireTime = now + settings.OneTimeCodeLifetime;

        // A new code may replace the last only once the resend interval has passed since it was sent.
        var lastSentBefore = now + settings.OneTimeCodeLifetime - settings.OneTimeCodeResendInterval;
        await using var unit = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.SignInTransactions
            .Where(t => t.Id == transaction.Id && t.CompleteTime == null && t.ExpireTime > now
                && (t.OtpExpireTime == null || t.OtpExpireTime <= lastSentBefore))
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.OtpHash, hash)
                .SetProperty(t => t.OtpIdentityId, identity == null ? null : identity.Id)
                .SetProperty(t => t.OtpExpireTime, expireTime), cancellationToken);
        if (stored == 0)
        {
            await unit.RollbackAsync(cancellationToken);
            return (null, await transactions.CurrentUnusableReasonAsync(transaction.Id, now, cancellationToken) ?? SignInErrors.RateLimited());
        }

        if (identity is not null)
        {
            await emails.EnqueueAsync(db, identity, code, expireTime, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            Log.OneTimeCodeSent(logger, transaction.Id, identity.Id);
        }

        await unit.CommitAsync(cancellationToken);
        if (identity is not null)
        {
            await emails.CountAsync(db, identity, cancellationToken);
        }

        return (new AuthenticateOtpResponse(transactions.AuthenticateUrl(opened.Config, opened.Request)), null);
    }

    public async Task<(RedeemOtpResponse? Response, ApiError? Error)> RedeemAsync(
        TransactionAddress address, RedeemOtpRequest request, CancellationToken cancellationToken)
    {
        if (OneTimeCodes.Normalize(request.Otp) is not { } code)
        {
            return (null, SignInErrors.InvalidField("otp", $"must be the {OneTimeCodes.Digits}-digit code from the email"));
        }

        // A completed transaction used its code (or a passkey): either way no code of it works any more.
        var (opened, error) = await transactions.OpenAsync(address, request.Request, cancellationToken);
        if (opened is null)
        {
            return (null, error!.Code == SignInErrors.TransactionCompletedCode ? SignInErrors.OtpExpired() : error);
        }

        if (!AllowsOneTimeCodes(opened))
        {
            return (null, SignInErrors.KeyTypeNotAllowed(OneTimeCodeMethod));
        }

        // Every try counts before the code is compared, atomically, so that concurrent guesses cannot share one
        // try: the sixth finds no tries left.
        var transactionId = opened.Transaction.Id;
        var now = time.GetUtcNow();
        var maxAttempts = options.Value.OneTimeCodeMaxAttempts;
        var counted = await db.SignInTransactions
            .Where(t => t.Id == transactionId && t.CompleteTime == null && t.ExpireTime > now
                && t.OtpHash != null && t.OtpExpireTime > now && t.OtpAttempts < maxAttempts)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.OtpAttempts, t => t.OtpAttempts + 1), cancellationToken);
        if (counted == 0)
        {
            Log.OneTimeCodeRefused(logger, transactionId, "otp_expired");
            return (null, await transactions.CurrentUnusableReasonAsync(transactionId, now, cancellationToken) ?? SignInErrors.OtpExpired());
        }

        var sent = await db.SignInTransactions.AsNoTracking()
            .Where(t => t.Id == transactionId)
            .Select(t => new { t.OtpHash, t.OtpIdentityId })
            .FirstAsync(cancellationToken);
        var presented = OneTimeCodes.Hash(masterKey, transactionId, code);
        var identity = sent.OtpIdentityId is null
            ? null
            : await db.Identities.AsNoTracking().FirstOrDefaultAsync(
                i => i.Id == sent.OtpIdentityId && i.TenantId == opened.Transaction.TenantId && i.RealmId == opened.Transaction.RealmId && i.Status == IdentityStatuses.Active,
                cancellationToken);
        if (!OneTimeCodes.Matches(sent.OtpHash, presented) || identity is null)
        {
            Log.OneTimeCodeRefused(logger, transactionId, "otp_invalid");
            return (null, SignInErrors.OtpInvalid());
        }

        var hasPasskey = await db.Credentials.AnyAsync(c => c.IdentityId == identity.Id && c.State == CredentialStates.Active, cancellationToken);
        await using var unit = await db.Database.BeginTransactionAsync(cancellationToken);
        var completed = await db.SignInTransactions
            .Where(t => t.Id == transactionId && t.OtpHash == presented && t.CompleteTime == null && t.ExpireTime > now && t.OtpExpireTime > now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.CompleteTime, now)
                .SetProperty(t => t.OtpHash, (byte[]?)null), cancellationToken);
        if (completed == 0)
        {
            await unit.RollbackAsync(cancellationToken);
            return (null, await transactions.CurrentUnusableReasonAsync(transactionId, now, cancellationToken) ?? SignInErrors.OtpExpired());
        }

        var redirectUrl = transactions.IssueCode(opened, identity.Id, credentialId: null, ["otp"], now);
        await db.SaveChangesAsync(cancellationToken);
        await unit.CommitAsync(cancellationToken);

        Log.SignedInWithOneTimeCode(logger, identity.Id, opened.Transaction.ApplicationId);
        var bindingToken = hasPasskey
            ? null
            : await bindingTokens.IssueAsync(identity.TenantId, identity.RealmId, opened.Transaction.ApplicationId, identity.Id, cancellationToken);
        return (new RedeemOtpResponse(redirectUrl, null, bindingToken), null);
    }

    private bool AllowsOneTimeCodes(OpenedTransaction opened) => parsedConfigs.For(opened.Config).Allows(AuthenticatorConfigRules.EmailOneTimePassword);
}
