using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passbind.Core.Validation;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages.AuthenticatorConfigs;

/// <summary>The realm's authenticator configs, and a new one made by the management API's own create handler.</summary>
internal sealed class AuthenticatorConfigsModel(
    PassbindDbContext db, AppSchemes appSchemes, RelyingParties relyingParties, TimeProvider time, ILogger<AuthenticatorConfigRequest> logger) : ConsolePageModel(db)
{
    public IReadOnlyList<AuthenticatorConfig> Configs { get; private set; } = [];

    [BindProperty]
    public AuthenticatorConfigForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = AuthenticatorConfigForm.New();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await AuthenticatorConfigEndpoints.CreateAsync(TenantId, Realm, JsonBody<AuthenticatorConfigRequest>.Of(Form.ToRequest(creating: true)),
            Db, appSchemes, relyingParties, time, logger, cancellationToken);
        if (Accept<AuthenticatorConfigResponse>(result.Result) is { } created)
        {
            Notice = $"Created {created.DisplayName}.";
            return Redirect($"/console/realms/{Realm}/authenticator-configs/{created.Id}");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Configs = await Db.AuthenticatorConfigs.AsNoTracking().Where(c => c.TenantId == TenantId && c.RealmId == Realm)
            .OrderBy(c => c.CreateTime).Take(200).ToListAsync(cancellationToken);
}
