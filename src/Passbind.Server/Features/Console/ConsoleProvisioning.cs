using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passbind.Core.Validation;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Identities;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;
using Microsoft.Extensions.Options;

namespace Passbind.Server.Features.Console;

/// <summary>
/// Makes sure the console can be signed in to: the built-in console application exists (made at bootstrap, and
/// on the first start of a server that predates the console), and on a first start a bootstrap administrator
/// with a one-time RETURN binding link, made by the same handlers the management API runs.
/// </summary>
internal sealed class ConsoleProvisioning(
    PublicAddresses addresses,
    ConsoleClient client,
    BindingLinks links,
    IBindingEmailQueue emailQueue,
    AppSchemes appSchemes,
    IOptions<BindingLinkOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    public const string AdministratorUsername = "admin";

    public string ConsoleUrl => addresses.AuthBaseUrl + "/console";

    /// <summary>Finds the tenant's console application, or makes it in <paramref name="realmId"/>; remembers it for sign-in.</summary>
    public async Task<ConsoleApplicationInfo> EnsureApplicationAsync(PassbindDbContext db, string tenantId, string realmId, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.TenantId == tenantId && a.Classification == ConsoleApplication.Classification)
            .OrderBy(a => a.CreateTime)
            .FirstOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            var now = time.GetUtcNow();
            var config = ConsoleApplication.NewAuthenticatorConfig(tenantId, realmId, addresses.BaseUrl, addresses.Origin, now);
            application = ConsoleApplication.NewApplication(tenantId, realmId, config.Id, addresses.BaseUrl, now);
            db.AddRange(config, application);
            await db.SaveChangesAsync(cancellationToken);
            Log.ConsoleApplicationCreated(loggers.CreateLogger<ConsoleProvisioning>(), application.Id, realmId);
        }

        var info = new ConsoleApplicationInfo(application.TenantId, application.RealmId, application.Id, application.ClientId,
            ConsoleApplication.Issuer(addresses.AuthBaseUrl, application));
        client.Set(info);
        return info;
    }

    /// <summary>
    /// Creates the bootstrap administrator (username <c>admin</c>, console role administrator) and answers a
    /// one-time RETURN binding link for it, bound through the console's authenticator config.
    /// </summary>
    public async Task<string> CreateAdministratorAsync(PassbindDbContext db, ConsoleApplicationInfo console, CancellationToken cancellationToken)
    {
        var traits = new TraitsFields { Type = Traits.TypeV0, Values = new() { [Traits.Username] = System.Text.Json.JsonSerializer.SerializeToElement(AdministratorUsername) } };
        var created = await IdentityEndpoints.CreateAsync(console.TenantId, console.RealmId,
            JsonBody<IdentityRequest>.Of(new IdentityRequest(new IdentityFields("Administrator", null, traits))),
            db, time, loggers.CreateLogger<IdentityRequest>(), cancellationToken);
        var identity = created.Result is Ok<IdentityResponse> ok ? ok.Value! : throw new InvalidOperationException("The bootstrap administrator could not be created.");
        await db.Identities.Where(i => i.Id == identity.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ConsoleRole, ConsoleRoles.Administrator), cancellationToken);

        var configId = await db.Applications.AsNoTracking().Where(a => a.Id == console.ApplicationId).Select(a => a.AuthenticatorConfigId).SingleAsync(cancellationToken);
        var job = await BindingJobEndpoints.CreateAsync(console.TenantId, console.RealmId, identity.Id,
            JsonBody<BindingJobRequest>.Of(new BindingJobRequest(new BindingJobFields(DeliveryMethods.Return, configId, null, ConsoleUrl))),
            db, links, emailQueue, appSchemes, options, time, loggers.CreateLogger<BindingJobRequest>(), cancellationToken);
        return job.Result is Ok<CreateBindingJobResponse> { Value.CredentialBindingLink: { } link }
            ? link
            : throw new InvalidOperationException("The bootstrap administrator's binding link could not be created.");
    }
}
