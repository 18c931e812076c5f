using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Core.Identifiers;
using Passbind.Server.Features.Applications;
using Passbind.Server.Features.Console;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Hosting;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Bootstrap;

/// <summary>
/// Makes a fresh server usable at once: on an empty database it creates a tenant, a realm, a management
/// application and an embedded authenticator config, and writes bootstrap.json. Later starts reuse them and
/// only renew the file's token when it has less than a day left.
/// </summary>
internal sealed class Bootstrapper(
    IServiceScopeFactory scopes,
    IOptions<PassbindOptions> options,
    PublicAddresses addresses,
    AccessTokens tokens,
    ConsoleProvisioning console,
    TimeProvider time,
    ILogger<Bootstrapper> logger)
{
    /// <summary>The origin the .NET SDK presents by default (docs/binding-protocol.md §5).</summary>
    public const string DotNetSdkOrigin = "passbind-sdk://dotnet";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(1);
    private static readonly string[] AllAuthenticationMethods = ["webauthn_passkey", "software_passkey", "email_one_time_password"];

    public string FilePath => Path.Combine(options.Value.DataDirectory, BootstrapFile.FileName);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var existing = await BootstrapFile.ReadAsync(FilePath, cancellationToken);

        BootstrapFile? file;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Several PostgreSQL nodes may start at once on an empty database; one bootstraps, the rest wait.
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7283917)", cancellationToken);
            }

            file = await db.Tenants.AnyAsync(cancellationToken)
                ? await RefreshAsync(db, existing, cancellationToken)
                : await CreateAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (file is null)
        {
            Log.BootstrapFileMissing(logger, FilePath);
            return;
        }

        if (file != existing)
        {
            await file.WriteAsync(FilePath, cancellationToken);
        }

        Log.Ready(logger, file.ApiBaseUrl, $"{file.ApiBaseUrl}/v1/tenants/{file.TenantId}/realms/{file.RealmId}", Path.GetFullPath(FilePath));
        if (file.AdminBindingLink is not null && existing?.AdminBindingLink is null)
        {
            // Once, on the start that made the link; the link itself is a secret and stays in the file.
            Log.ConsoleReady(logger, console.ConsoleUrl, Path.GetFullPath(FilePath));
        }
    }

    private async Task<BootstrapFile> CreateAsync(PassbindDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tenant = new Tenant { Id = ResourceId.NewTenantId(), DisplayName = "Passbind", CreateTime = now, UpdateTime = now };
        var realm = new Realm { Id = ResourceId.NewHexId(), TenantId = tenant.Id, DisplayName = "Default Realm", Classification = "SECURE_CUSTOMER", CreateTime = now, UpdateTime = now };
        var clientSecret = Base64Secret(32);
        var application = ManagementApplication.Create(
            tenant.Id, realm.Id, "Passbind Management API", Base64Secret(18), clientSecret, ManagementPrincipal.AllRealms, AccessTokens.MaxLifetime, now);
        var authenticatorConfig = new AuthenticatorConfig
        {
            Id = ResourceId.NewUuid(),
            TenantId = tenant.Id,
            RealmId = realm.Id,
            DisplayName = "Passbind Embedded",
            Type = "embedded",
            InvokeUrl = addresses.BaseUrl,
            InvocationType = "automatic",
            TrustedOriginsJson = JsonSerializer.Serialize(new[] { addresses.Origin, DotNetSdkOrigin }),
            AuthenticationMethodsJson = JsonSerializer.Serialize(AllAuthenticationMethods),
            CreateTime = now,
            UpdateTime = now,
        };
        var theme = new Theme { Id = ResourceId.NewUuid(), TenantId = tenant.Id, RealmId = realm.Id, CreateTime = now, UpdateTime = now };

        db.AddRange(tenant, realm, application, authenticatorConfig, theme);
        await db.SaveChangesAsync(cancellationToken);
        Log.Bootstrapped(logger, tenant.Id, realm.Id);

        var consoleApplication = await console.EnsureApplicationAsync(db, tenant.Id, realm.Id, cancellationToken);
        var adminLink = await console.CreateAdministratorAsync(db, consoleApplication, cancellationToken);

        var token = IssueToken(tenant.Id, realm.Id, application.Id, application.ClientId);
        return new BootstrapFile(addresses.ApiBaseUrl, addresses.AuthBaseUrl, tenant.Id, realm.Id, authenticatorConfig.Id,
            application.Id, application.ClientId, clientSecret, token.AccessToken, token.ExpireTime)
        {
            ConsoleUrl = console.ConsoleUrl,
            AdminBindingLink = adminLink,
        };
    }

    /// <summary>A server bootstrapped before the console gains its console application on its next start.</summary>
    private async Task<BootstrapFile?> RefreshAsync(PassbindDbContext db, BootstrapFile? existing, CancellationToken cancellationToken)
    {
        var home = existing is not null
            ? (existing.TenantId, existing.RealmId)
            : await db.Realms.AsNoTracking().OrderBy(r => r.CreateTime).Select(r => ValueTuple.Create(r.TenantId, r.Id)).FirstAsync(cancellationToken);
        await console.EnsureApplicationAsync(db, home.Item1, home.Item2, cancellationToken);
        return Refresh(existing) is { } refreshed ? refreshed with { ConsoleUrl = console.ConsoleUrl } : null;
    }

    /// <summary>Keeps the file's ids and secret; renews the token and the addresses when they went stale.</summary>
    private BootstrapFile? Refresh(BootstrapFile? existing)
    {
        if (existing is null)
        {
            return null;
        }

        var refreshed = existing with { ApiBaseUrl = addresses.ApiBaseUrl, AuthBaseUrl = addresses.AuthBaseUrl };
        if (existing.ApiTokenExpireTime - time.GetUtcNow() < RenewBefore)
        {
            var token = IssueToken(existing.TenantId, existing.RealmId, existing.ManagementApplicationId, existing.ClientId);
            refreshed = refreshed with { ApiToken = token.AccessToken, ApiTokenExpireTime = token.ExpireTime };
        }

        return refreshed;
    }

    private IssuedAccessToken IssueToken(string tenantId, string realmId, string applicationId, string clientId) =>
        tokens.Issue(tenantId, realmId, applicationId, clientId, ManagementPrincipal.AllRealms, Scopes.All, AccessTokens.MaxLifetime);

    private static string Base64Secret(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
