using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Core.Identifiers;
using Passbind.Server.Authorization;
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
/// only renew the file's token when it has less than a day left or no longer works.
/// </summary>
internal sealed class Bootstrapper(
    IServiceScopeFactory scopes,
    IOptions<ServerOptions> options,
    PublicAddresses addresses,
    AccessTokens tokens,
    ActiveTokens activeTokens,
    ConsoleProvisioning console,
    TimeProvider time,
    ILogger<Bootstrapper> logger)
{
    /// <summary>The origin the .NET SDK presents by default (docs/binding-protocol.md §5).</summary>
    public const string DotNetSdkOrigin = "passbind-sdk://dotnet";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(1);

    /// <summary>bootstrap.json's token lives two days and is renewed at a start when less than one is left, so it always has a day (product.md point 3).</summary>
    private static readonly TimeSpan BootstrapTokenLifetime = TimeSpan.FromDays(2);
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
                ? await EnsureConsoleAsync(db, existing, cancellationToken)
                : await CreateAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (file is null)
        {
            Log.BootstrapFileMissing(logger, FilePath);
            return;
        }

        // After the commit: the realm's first signing key is made on its own connection.
        var refreshed = await RefreshAsync(db, file, cancellationToken);
        if (refreshed != existing)
        {
            await refreshed.WriteAsync(FilePath, cancellationToken);
        }

        Log.Ready(logger, refreshed.ApiBaseUrl, $"{refreshed.ApiBaseUrl}/v1/tenants/{refreshed.TenantId}/realms/{refreshed.RealmId}", Path.GetFullPath(FilePath));
        if (refreshed.AdminBindingLink is not null && existing?.AdminBindingLink is null)
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
            tenant.Id, realm.Id, "Passbind Management API", Base64Secret(18), clientSecret, ManagementPrincipal.AllRealms, AccessTokens.ManagementLifetime, now);
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

        return new BootstrapFile(addresses.ApiBaseUrl, addresses.AuthBaseUrl, tenant.Id, realm.Id, authenticatorConfig.Id,
            application.Id, application.ClientId, clientSecret, string.Empty, DateTimeOffset.MinValue)
        {
            ConsoleUrl = console.ConsoleUrl,
            AdminBindingLink = adminLink,
        };
    }

    /// <summary>A server bootstrapped before the console gains its console application on its next start.</summary>
    private async Task<BootstrapFile?> EnsureConsoleAsync(PassbindDbContext db, BootstrapFile? existing, CancellationToken cancellationToken)
    {
        // A node without bootstrap.json (another node bootstrapped) finds the bootstrap realm, the oldest one.
        var home = existing is not null
            ? new { existing.TenantId, RealmId = existing.RealmId }
            : await db.Realms.AsNoTracking().OrderBy(r => r.CreateTime).Select(r => new { r.TenantId, RealmId = r.Id }).FirstAsync(cancellationToken);
        await console.EnsureApplicationAsync(db, home.TenantId, home.RealmId, cancellationToken);
        return existing is null ? null : existing with { ConsoleUrl = console.ConsoleUrl };
    }

    /// <summary>
    /// Keeps the file's ids and secret; renews the token when it has less than a day left or no longer
    /// works (revoked, its key retired, or issued before tokens were recorded), and the addresses when they
    /// went stale. The management application is granted every scope this version knows.
    /// </summary>
    private async Task<BootstrapFile> RefreshAsync(PassbindDbContext db, BootstrapFile file, CancellationToken cancellationToken)
    {
        var refreshed = file with { ApiBaseUrl = addresses.ApiBaseUrl, AuthBaseUrl = addresses.AuthBaseUrl };
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == file.ManagementApplicationId, cancellationToken);
        if (application is null)
        {
            return refreshed;
        }

        var allScopes = string.Join(' ', Scopes.All);
        if (application.IsManaged && application.AllowedScopes != allScopes)
        {
            application.AllowedScopes = allScopes;
            await db.SaveChangesAsync(cancellationToken);
        }

        var stale = file.ApiTokenExpireTime - time.GetUtcNow() < RenewBefore;
        if (!stale && await IsActiveAsync(file.ApiToken, cancellationToken))
        {
            return refreshed;
        }

        var token = await tokens.IssueAsync(db,
            new AccessTokenRequest(application, application.ClientId, null, AccessTokens.NewTokenId(), Scopes.All, BootstrapTokenLifetime), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return refreshed with { ApiToken = token.AccessToken, ApiTokenExpireTime = token.ExpireTime };
    }

    private async Task<bool> IsActiveAsync(string token, CancellationToken cancellationToken) =>
        await tokens.ValidateAsync(token, cancellationToken) is { } validated
        && await activeTokens.FindActiveAsync(validated.Id, cancellationToken) is not null;

    private static string Base64Secret(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
