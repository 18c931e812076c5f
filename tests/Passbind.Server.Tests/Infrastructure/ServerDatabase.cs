using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Core.Identifiers;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Tests.Infrastructure;

/// <summary>
/// Direct access to a test server's database through its own DbContext, for what the API cannot do (make a job
/// COMPLETE, store a credential as the binding ceremony would) and for checks of what is stored.
/// </summary>
public static class ServerDatabase
{
    public static async Task UseDbAsync(this PassbindServer server, Func<PassbindDbContext, Task> action)
    {
        using var scope = server.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<PassbindDbContext>());
    }

    public static async Task<T> QueryDbAsync<T>(this PassbindServer server, Func<PassbindDbContext, Task<T>> query)
    {
        using var scope = server.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PassbindDbContext>());
    }

    /// <summary>Sets a job's stored state (and the credential it bound, for COMPLETE), as the ceremony would.</summary>
    public static Task SetJobStateAsync(this PassbindServer server, string jobId, string state, string? credentialId = null) =>
        server.UseDbAsync(async db =>
        {
            var job = await db.CredentialBindingJobs.SingleAsync(j => j.Id == jobId);
            job.State = state;
            job.CredentialId = credentialId ?? job.CredentialId;
            job.UpdateTime = server.Time.GetUtcNow();
            await db.SaveChangesAsync();
        });

    /// <summary>
    /// Stores a credential for an identity exactly as a successful binding does (BindingCeremony): a fresh P-256
    /// key as its COSE key and its RFC 7638 JWK and thumbprint, state ACTIVE; with <paramref name="jobId"/>, that
    /// job becomes COMPLETE with this credential, as the consuming transaction makes it.
    /// </summary>
    public static async Task<Credential> InsertCredentialAsync(this PassbindServer server, string tenantId, string realmId, string identityId, string? jobId = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var jwkJson = $$"""{"crv":"P-256","kty":"EC","x":"{{Base64Url.EncodeToString(point.X)}}","y":"{{Base64Url.EncodeToString(point.Y)}}"}""";
        var now = server.Time.GetUtcNow();

        // COSE_Key (RFC 9053): {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}.
        byte[] cose = [0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. point.X!, 0x22, 0x58, 0x20, .. point.Y!];
        var credential = new Credential
        {
            Id = ResourceId.NewHexId(),
            TenantId = tenantId,
            RealmId = realmId,
            IdentityId = identityId,
            CredentialId = RandomNumberGenerator.GetBytes(32),
            PublicKey = cose,
            JwkJson = jwkJson,
            JwkThumbprint = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(jwkJson))),
            SignCount = 0,
            BackupEligible = true,
            BackupState = true,
            UserVerified = true,
            AttestationFormat = "none",
            Aaguid = Guid.Empty,
            Transports = "internal,hybrid",
            KeyType = "webauthn",
            State = "ACTIVE",
            BindingJobId = jobId,
            CreateTime = now,
            UpdateTime = now,
        };

        await server.UseDbAsync(async db =>
        {
            db.Credentials.Add(credential);
            if (jobId is not null)
            {
                var job = await db.CredentialBindingJobs.SingleAsync(j => j.Id == jobId);
                job.State = "COMPLETE";
                job.CredentialId = credential.Id;
                job.UpdateTime = now;
            }

            await db.SaveChangesAsync();
        });
        return credential;
    }
}
