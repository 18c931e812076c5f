using Passbind.Server.Features.Audit;
using Passbind.Server.Authorization;
using Passbind.Server.Features.Applications;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Features.Binding;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Console;
using Passbind.Server.Features.Credentials;
using Passbind.Server.Features.Email;
using Passbind.Server.Features.Identities;
using Passbind.Server.Features.Oidc;
using Passbind.Server.Features.Pages;
using Passbind.Server.Features.RateLimits;
using Passbind.Server.Features.Realms;
using Passbind.Server.Features.Sdk;
using Passbind.Server.Features.SignIn;
using Passbind.Server.Features.Tenants;
using Passbind.Server.Features.Themes;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Server.Operations;

// The server's own files (appsettings.json) sit beside the assembly; the working directory is the user's
// and holds ./data.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPassbindOperations();
builder.AddPassbindServer();
builder.AddPassbindConsole();
builder.Services.AddPassbindOpenApi();

var app = builder.Build();
app.UseSecurityEventLog();
app.UseApiErrors();
app.UseTokenAudit();
app.UseRateLimits();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOperationsEndpoints();
app.MapTokenEndpoints();
app.MapOidcEndpoints();
app.MapBindingCeremonyEndpoints();
app.MapSignInEndpoints();
app.MapSdkEndpoints();
app.MapPageEndpoints();
app.MapApiDocumentation();
app.MapConsole();

var tenant = app.MapGroup("/v1/tenants/{tenant_id}").WithManagementAccess().WithAuditTrail();
tenant.MapTenantEndpoints();
tenant.MapRealmEndpoints();

if (DevMailboxEndpoints.IsServed(app.Environment))
{
    app.MapDevMailboxEndpoints();
}

var realm = app.MapGroup("/v1/tenants/{tenant_id}/realms/{realm_id}").WithManagementAccess().WithAuditTrail();
realm.MapIdentityEndpoints();
realm.MapBindingJobEndpoints();
realm.MapCredentialEndpoints();
realm.MapAuthenticatorConfigEndpoints();
realm.MapThemeEndpoints();
realm.MapApplicationEndpoints();
realm.MapSigningKeyEndpoints();
realm.MapAuditEndpoints();

await app.InitializePassbindAsync();
await app.RunAsync();

/// <summary>The server's entry point, visible to the in-process test host.</summary>
public partial class Program;
