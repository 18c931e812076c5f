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
    IOptions<WebAuthnOptions> options,
    INotificationQueue notifications,
    TimeProvider time,
    ILogger<BindingCeremony> logger)
{
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
        if (!JsonSerializer.Deserialize<string[]>(config.AuthenticationMethodsJson)!.Contains(requiredMethod))
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

        var webAuthn = options.Value;
        var created = RegistrationOptionsFactory.Create(new RegistrationOptionsParameters(
            relyingParties.RpId(config), webAuthn.RpName, identity.UserHandle, identity.Username, identity.DisplayName,
            existing, webAuthn.ChallengeTimeout, UserVerificationRequirement.Preferred));

        var now = time.GetUtcNow();

        // The three writes commit together: one durable commit (one fsync with SQLite's synchronous=FULL)
        // instead of three, which on SQLite is what bounds binds per second (bench/README.md).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.BindingChallenges.Add(new BindingChallenge
        {
            JobId = job.Id,
            ChallengeHash = SHA256.HashData(created.Challenge.Span),
            KeyType = keyType,
            ExpireTime = now + webAuthn.ChallengeTimeout,
        });
        await db.SaveChangesAsync(cancellationToken);

        // Expired challenges of this job are of no further use; dropping them here keeps the table small.
        await db.BindingChallenges.Where(c => c.JobId == job.Id && c.ExpireTime <= now).ExecuteDeleteAsync(cancellationToken);
        await db.CredentialBindingJobs
            .Where(j => j.Id == job.Id && (j.State == JobStates.LinkSent || j.State == JobStates.LinkOpened))
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, JobStates.RequestDelivered).SetProperty(j => j.UpdateTime, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

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

        // Only server-stored state is trusted (WebAuthn L3 §13.4.3): the challenge the client echoes is
        // used to find the stored one, and the verifier then compares them.
        var now = time.GetUtcNow();
        var presented = ClientDataChallenge(response);
        var challenge = presented is null
            ? null
            : await queries.FindChallenge(db, job.Id, SHA256.HashData(presented), cancellationToken);
        if (challenge is not null && challenge.ExpireTime <= now)
        {
            return (null, BindingErrors.ChallengeExpired());
        }

        var expected = new ExpectedRegistration(
            challenge is null ? RandomNumberGenerator.GetBytes(RegistrationOptionsFactory.ChallengeSize) : presented!,
            relyingParties.RpId(config),
            JsonSerializer.Deserialize<string[]>(config.TrustedOriginsJson)!,
            UserVerificationRequired: false,
            CoseAlgorithms.Offered.ToArray(),
            identity.UserHandle);
        var result = await verifier.VerifyAsync(expected, response, cancellationToken);
        if (!result.Succeeded)
        {
            // A completion that lost a race finds the winner's challenges already gone: what it must hear is
            // that the link was consumed, not that its challenge is unknown.
            var current = await db.CredentialBindingJobs.AsNoTracking().FirstAsync(j => j.Id == job.Id, cancellationToken);
            if (UnusableReason(current, now) is { } unusable)
            {
                return (null, unusable);
            }

            Log.RegistrationRefused(logger, job.Id, result.Failure.Code);
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
    /// usable and unexpired, so one completion wins), the credential insert (the unique index refuses a
    /// credential id registered to anyone), the "passkey added" notice (NIST SP 800-63B §4.6), and the end
    /// of the job's challenges.
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

        await db.BindingChallenges.Where(c => c.JobId == job.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
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
