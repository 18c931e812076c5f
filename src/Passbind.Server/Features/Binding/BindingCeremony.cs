using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Core.Identifiers;
using Passbind.Core.Links;
using Passbind.Core.WebAuthn;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Credentials;
using Passbind.Server.Features.Email;
using Passbind.Server.Features.Identities;
using Passbind.Server.Features.RateLimits;
using Passbind.Server.Features.Themes;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Binding;

/// <summary>
/// The binding ceremony (docs/binding-protocol.md): registration options for a link, then the verified
/// registration, stored in the same transaction that consumes the link, so of any number of concurrent
/// completions exactly one wins.
/// </summary>
internal sealed class BindingCeremony(
    PassbindDbContext db,
    BindingQueries queries,
    RegistrationVerifier verifier,
    RelyingParties relyingParties,
    ParsedConfigs parsedConfigs,
    SealedChallenges challenges,
    IOptions<WebAuthnOptions> options,
    INotificationQueue notifications,
    RateLimiter limiter,
    IOptions<RateLimitOptions> limits,
    IOptions<BindingLinkOptions> linkOptions,
    TimeProvider time,
    ILogger<BindingCeremony> logger)
{
    private const string FailedCompletionsCounter = "link-failures";

    /// <summary>
    /// Finds the job a link names, with its authenticator config, identity and realm, and checks that the link
    /// can still bind, expiry included.
    /// </summary>
    public async Task<(OpenedLink? Link, ApiError? Error)> OpenLinkAsync(LinkAddress link, string? token, CancellationToken cancellationToken)
    {
        var found = ResourceId.IsWellFormed(link.JobId)
            ? await queries.FindLink(db, link.JobId, link.TenantId, link.RealmId, link.IdentityId, cancellationToken)
            : null;

        // An unknown job and a wrong token look the same, so links cannot be probed.
        if (found is null || !LinkToken.Matches(token, found.Job.TokenHash))
        {
            return (null, BindingErrors.LinkNotFound());
        }

        if (UnusableReason(found.Job, time.GetUtcNow()) is { } unusable)
        {
            return (null, unusable);
        }

        // A config deleted after the link was made takes its trusted origins with it: the link is dead.
        return found.Config is null
            ? (null, BindingErrors.LinkRevoked())
            : (new OpenedLink(found.Job, found.Config, found.Identity, found.Realm), null);
    }

    /// <summary>A link opened in a browser moves its job from LINK_SENT to LINK_OPENED, and no further.</summary>
    public async Task RecordOpenedAsync(CredentialBindingJob job, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.CredentialBindingJobs
            .Where(j => j.Id == job.Id && j.State == JobStates.LinkSent)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, JobStates.LinkOpened).SetProperty(j => j.UpdateTime, now), cancellationToken);
    }

    public async Task<(RegistrationOptionsResponse? Options, ApiError? Error)> CreateOptionsAsync(LinkAddress link, RegistrationOptionsRequest request, CancellationToken cancellationToken)
    {
        var keyType = request.KeyType ?? KeyTypes.WebAuthn;
        if (KeyTypes.RequiredMethod(keyType) is not { } requiredMethod)
        {
            return (null, BindingErrors.Malformed(ApiError.InvalidField("key_type", "must be webauthn or subtle")));
        }

        var (opened, error) = await OpenLinkAsync(link, request.Token, cancellationToken);
        if (opened is null)
        {
            return (null, error);
        }

        var (job, config, identity, _) = opened;
        if (!parsedConfigs.For(config).Allows(requiredMethod))
        {
            return (null, BindingErrors.KeyTypeNotAllowed(keyType));
        }

        if (identity.Status != IdentityStatuses.Active)
        {
            return (null, BindingErrors.LinkRevoked());
        }

        var existing = new List<ReadOnlyMemory<byte>>();
        await foreach (var credentialId in queries.ExistingCredentialIds(db, identity.Id).WithCancellation(cancellationToken))
        {
            existing.Add(credentialId);
        }

        // A cap on passkeys per identity (catalogue #75), checked where a ceremony starts.
        var maxPasskeys = limits.Value.MaxPasskeysPerIdentity;
        if (maxPasskeys > 0 && existing.Count >= maxPasskeys)
        {
            return (null, BindingErrors.PasskeyLimitReached(maxPasskeys));
        }

        // The challenge is sealed (SealedChallenges): it needs no row, so the only write here is the job's first move
        // to REQUEST_DELIVERED, and asking for options again writes nothing.
        var webAuthn = options.Value;
        var now = time.GetUtcNow();
        var created = RegistrationOptionsFactory.Create(new RegistrationOptionsParameters(
            relyingParties.RpId(config), webAuthn.RpName, identity.UserHandle, identity.Username, identity.DisplayName,
            existing, webAuthn.ChallengeTimeout, UserVerificationRequirement.Preferred)
        {
            Challenge = challenges.Create(ChallengePurpose.Binding, job.Id, keyType, [], now + webAuthn.ChallengeTimeout),
        });

        if (job.State is JobStates.LinkSent or JobStates.LinkOpened)
        {
            await db.CredentialBindingJobs
                .Where(j => j.Id == job.Id && (j.State == JobStates.LinkSent || j.State == JobStates.LinkOpened))
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, JobStates.RequestDelivered).SetProperty(j => j.UpdateTime, now), cancellationToken);
        }

        return (new RegistrationOptionsResponse(created.PublicKey), null);
    }

    public async Task<(CompleteRegistrationResponse? Response, ApiError? Error)> CompleteAsync(LinkAddress link, CompleteRegistrationRequest request, CancellationToken cancellationToken)
    {
        if (request.Credential is not { ValueKind: JsonValueKind.Object } response)
        {
            return (null, BindingErrors.Malformed(ApiError.InvalidField("credential", "required: a RegistrationResponseJSON object")));
        }

        var (opened, error) = await OpenLinkAsync(link, request.Token, cancellationToken);
        if (opened is null)
        {
            return (null, error);
        }

        var (job, config, identity, _) = opened;
        if (identity.Status != IdentityStatuses.Active)
        {
            return (null, BindingErrors.LinkRevoked());
        }

        // Only what the server vouches for is trusted (WebAuthn L3 §13.4.3): the challenge the client echoes counts
        // only when its MAC says this server issued it for this job's binding, and the verifier then compares them.
        var now = time.GetUtcNow();
        var presented = ClientDataChallenge(response);
        var challenge = presented is null ? null : challenges.Open(presented, ChallengePurpose.Binding, job.Id);
        if (challenge is not null && challenge.ExpireTime <= now)
        {
            return (null, BindingErrors.ChallengeExpired());
        }

        var expected = new ExpectedRegistration(
            challenge is null ? RandomNumberGenerator.GetBytes(RegistrationOptionsFactory.ChallengeSize) : challenge.Bytes,
            relyingParties.RpId(config),
            parsedConfigs.For(config).TrustedOrigins,
            UserVerificationRequired: false,
            CoseAlgorithms.Offered.ToArray(),
            identity.UserHandle);
        var result = await verifier.VerifyAsync(expected, response, cancellationToken);
        if (!result.Succeeded)
        {
            // A completion that lost a race, or a replay after the link was used, must hear that the link was
            // consumed, not why its assertion failed.
            var current = await db.CredentialBindingJobs.AsNoTracking().FirstAsync(j => j.Id == job.Id, cancellationToken);
            if (UnusableReason(current, now) is { } unusable)
            {
                return (null, unusable);
            }

            Log.RegistrationRefused(logger, job.Id, result.Failure.Code);
            await CountFailureAsync(job, now, cancellationToken);
            return (null, BindingErrors.From(result.Failure));
        }

        var registration = result.Registration;
        var credential = new Credential
        {
            Id = ResourceId.NewHexId(),
            TenantId = job.TenantId,
            RealmId = job.RealmId,
            IdentityId = job.IdentityId,
            CredentialId = registration.CredentialId.ToArray(),
            PublicKey = registration.CredentialPublicKey.ToArray(),
            JwkJson = registration.JwkJson,
            JwkThumbprint = registration.JwkThumbprint,
            SignCount = registration.SignCount,
            BackupEligible = registration.BackupEligible,
            BackupState = registration.BackupState,
            UserVerified = registration.UserVerified,
            AttestationFormat = registration.AttestationFormat,
            Aaguid = registration.Aaguid,
            Transports = registration.Transports.Count == 0 ? null : string.Join(',', registration.Transports),
            KeyType = challenge!.KeyType,
            State = CredentialStates.Active,
            BindingJobId = job.Id,
            CreateTime = now,
            UpdateTime = now,
        };

        var deviceKind = DeviceKind(challenge.KeyType, registration.AuthenticatorAttachment);
        if (await ConsumeAndStoreAsync(opened, credential, deviceKind, now, cancellationToken) is { } consumeError)
        {
            return (null, consumeError);
        }

        Log.PasskeyBound(logger, credential.Id, identity.Id, job.Id);
        return (Describe(opened, credential), null);
    }

    /// <summary>
    /// One transaction: the conditional update that consumes the link (it matches only while the job is
    /// usable and unexpired, so one completion wins, and every challenge of the job is spent with it), the
    /// credential insert (the unique index refuses a credential id registered to anyone), and the "passkey
    /// added" notice (NIST SP 800-63B §4.6).
    /// </summary>
    private async Task<ApiError?> ConsumeAndStoreAsync(OpenedLink opened, Credential credential, string deviceKind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var job = opened.Job;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var consumed = await db.CredentialBindingJobs
            .Where(j => j.Id == job.Id && j.TokenHash == job.TokenHash)
            .WhereUsable(now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, JobStates.Complete)
                .SetProperty(j => j.CredentialId, credential.Id)
                .SetProperty(j => j.UpdateTime, now), cancellationToken);
        if (consumed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var current = await db.CredentialBindingJobs.AsNoTracking().FirstAsync(j => j.Id == job.Id, cancellationToken);
            return UnusableReason(current, now) ?? BindingErrors.LinkConsumed();
        }

        db.Credentials.Add(credential);
        notifications.EnqueuePasskeyAdded(db, opened.Identity, credential, deviceKind, opened.Realm);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (StorageErrors.IsUniqueViolation(exception))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return BindingErrors.CredentialExists();
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// A refused completion counts against its link (catalogue #12): after <see cref="RateLimitOptions.FailedCompletionsPerLink"/>
    /// the link is revoked. Only a caller holding the link's token gets this far, so a stranger cannot burn a user's
    /// link; guessing tokens is limited per address instead (RateLimitMiddleware).
    /// </summary>
    private async Task CountFailureAsync(CredentialBindingJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var allowed = limits.Value.FailedCompletionsPerLink;
        if (allowed <= 0)
        {
            return;
        }

        // One window for the link's whole life: no link outlives Passbind:Links:MaxLifetime.
        var lifetime = new RateLimit(allowed, linkOptions.Value.MaxLifetime + linkOptions.Value.MaxLifetime);
        if (await limiter.CountAsync(db, new Counted(FailedCompletionsCounter, job.Id, lifetime), cancellationToken) >= allowed)
        {
            await db.CredentialBindingJobs.Where(j => j.Id == job.Id).WhereUsable(now)
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, JobStates.Revoked).SetProperty(j => j.UpdateTime, now), cancellationToken);
            Log.LinkRevokedAfterFailures(logger, job.Id, allowed);
        }
    }

    private static CompleteRegistrationResponse Describe(OpenedLink opened, Credential credential)
    {
        var (job, _, identity, realm) = opened;
        var theme = realm.Theme;
        using var traits = JsonDocument.Parse(identity.TraitsJson);
        var externalId = traits.RootElement.TryGetProperty("external_id", out var value) ? value.GetString() : null;
        return new CompleteRegistrationResponse(
            CredentialResponse.From(credential),
            new NamedResource(job.TenantId, realm.TenantName),
            new NamedResource(job.RealmId, realm.RealmName),
            new BoundIdentity(identity.Id, identity.Username, identity.DisplayName, identity.PrimaryEmailAddress, externalId),
            new PasskeyTheme(theme?.LogoUrlLight, theme?.LogoUrlDark, theme?.SupportUrl),
            job.PostBindingRedirectUri);
    }

    /// <summary>How the notice names the new passkey's device, from what the ceremony reported.</summary>
    private static string DeviceKind(string keyType, string? attachment) => (keyType, attachment) switch
    {
        (KeyTypes.Subtle, _) => "a software passkey kept by an app",
        (_, "platform") => "a passkey on this device's built-in authenticator",
        (_, "cross-platform") => "a security key or another device",
        _ => "a passkey",
    };

    private static ApiError? UnusableReason(CredentialBindingJob job, DateTimeOffset now) => job.State switch
    {
        JobStates.Complete => BindingErrors.LinkConsumed(),
        _ when !JobStates.IsUsable(job.State) => BindingErrors.LinkRevoked(),
        _ when job.ExpireTime <= now => BindingErrors.LinkExpired(),
        _ => null,
    };

    /// <summary>The challenge bytes the client echoed in clientDataJSON, or null when they cannot be read (the verifier then says why).</summary>
    internal static byte[]? ClientDataChallenge(JsonElement response)
    {
        try
        {
            if (!response.TryGetProperty("response", out var inner) || inner.ValueKind != JsonValueKind.Object
                || !inner.TryGetProperty("clientDataJSON", out var encoded) || encoded.ValueKind != JsonValueKind.String
                || encoded.GetString() is not { Length: > 0 and < 16 * 1024 } text || !Base64Url.IsValid(text))
            {
                return null;
            }

            using var clientData = JsonDocument.Parse(Base64Url.DecodeFromChars(text));
            return clientData.RootElement.ValueKind == JsonValueKind.Object
                && clientData.RootElement.TryGetProperty("challenge", out var challenge)
                && challenge.ValueKind == JsonValueKind.String
                && challenge.GetString() is { Length: > 0 and < 1024 } challengeText
                && Base64Url.IsValid(challengeText)
                    ? Base64Url.DecodeFromChars(challengeText)
                    : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a challenge that is not Unicode text ("\ud800").
            return null;
        }
    }
}
