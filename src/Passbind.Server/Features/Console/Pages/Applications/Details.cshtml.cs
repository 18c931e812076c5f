using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Server.Features.Applications;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages.Applications;

/// <summary>One application: edit it with the management API's patch, and rotate its client secret (shown once).</summary>
internal sealed class ApplicationDetailsModel(
    PassbindDbContext db, ActiveTokens activeTokens, IOptions<TokenOptions> tokenOptions, TimeProvider time, ILogger<ApplicationRequest> logger) : ConsolePageModel(db)
{
    [FromRoute(Name = "applicationId")]
    public string ApplicationId { get; set; } = "";

    public Application Application { get; private set; } = null!;

    public IReadOnlyList<AuthenticatorConfig> AuthenticatorConfigs { get; private set; } = [];

    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    /// <summary>A secret just made by rotation: shown in this answer only.</summary>
    public string? NewSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = ApplicationForm.Of(Application);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new ApplicationRequest(Form.ToFields(creating: false));
        var result = await ApplicationEndpoints.UpdateAsync(TenantId, Realm, ApplicationId, JsonBody<ApplicationRequest>.Of(request), new DefaultHttpContext(), Db, time, cancellationToken);
        if (Accept<ApplicationResponse>(result.Result) is not null)
        {
            Notice = "Saved.";
            return Redirect($"/console/realms/{Realm}/applications/{ApplicationId}");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken cancellationToken)
    {
        // No body: the rotation keeps the previous secret for the server's default grace period.
        var result = await ApplicationEndpoints.RotateSecretAsync(TenantId, Realm, ApplicationId, new DefaultHttpContext().Request, Db, activeTokens, tokenOptions, time, logger, cancellationToken);
        NewSecret = Accept<ApplicationResponse>(result.Result)?.ProtocolConfig.ClientSecret;
        if (NewSecret is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = ApplicationForm.Of(Application);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var application = await Db.Applications.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == ApplicationId && a.TenantId == TenantId && a.RealmId == Realm, cancellationToken);
        if (application is null)
        {
            return false;
        }

        Application = application;
        AuthenticatorConfigs = await Db.AuthenticatorConfigs.AsNoTracking().Where(c => c.TenantId == TenantId && c.RealmId == Realm)
            .OrderBy(c => c.CreateTime).Take(50).ToListAsync(cancellationToken);
        return true;
    }
}
