using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passbind.Core.Validation;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages.AuthenticatorConfigs;

/// <summary>One authenticator config, edited with the management API's patch.</summary>
internal sealed class AuthenticatorConfigDetailsModel(PassbindDbContext db, AppSchemes appSchemes, RelyingParties relyingParties, TimeProvider time) : ConsolePageModel(db)
{
    [FromRoute(Name = "configId")]
    public string ConfigId { get; set; } = "";

    public AuthenticatorConfig Config { get; private set; } = null!;

    [BindProperty]
    public AuthenticatorConfigForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = AuthenticatorConfigForm.Of(Config);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await AuthenticatorConfigEndpoints.UpdateAsync(TenantId, Realm, ConfigId, JsonBody<AuthenticatorConfigRequest>.Of(Form.ToRequest(creating: false)),
            Db, appSchemes, relyingParties, time, cancellationToken);
        if (Accept<AuthenticatorConfigResponse>(result.Result) is not null)
        {
            Notice = "Saved.";
            return Redirect($"/console/realms/{Realm}/authenticator-configs/{ConfigId}");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var config = await Db.AuthenticatorConfigs.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == ConfigId && c.TenantId == TenantId && c.RealmId == Realm, cancellationToken);
        Config = config!;
        return config is not null;
    }
}
