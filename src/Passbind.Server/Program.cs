using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Email;
using Passbind.Server.Features.Identities;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Hosting;
using Passbind.Server.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddPassbindServer();

var app = builder.Build();
app.UseApiErrors();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/healthz", () => TypedResults.Ok("ok")).WithTags("Health").AllowAnonymous();
app.MapTokenEndpoints();
if (!app.Environment.IsProduction())
{
    app.MapDevMailboxEndpoints();
}

var realm = app.MapGroup("/v1/tenants/{tenant_id}/realms/{realm_id}").WithManagementAccess();
realm.MapIdentityEndpoints();
realm.MapBindingJobEndpoints();

await app.InitializePassbindAsync();
await app.RunAsync();

/// <summary>The server's entry point, visible to the in-process test host.</summary>
public partial class Program;
