using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Applications;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages.Applications;

/// <summary>The realm's applications, and a new one made by the management API's own create handler.</summary>
internal sealed class ApplicationsModel(PassbindDbContext db, TimeProvider time, ILogger<ApplicationRequest> logger) : ConsolePageModel(db)
{
    public IReadOnlyList<Application> Applications { get; private set; } = [];

    public IReadOnlyList<AuthenticatorConfig> AuthenticatorConfigs { get; private set; } = [];

    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    /// <summary>The application just made, with its client secret: shown in this answer only.</summary>
    public ApplicationResponse? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = ApplicationForm.New();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new ApplicationRequest(Form.ToFields(creating: true));
        var result = await ApplicationEndpoints.CreateAsync(TenantId, Realm, JsonBody<ApplicationRequest>.Of(request), new DefaultHttpContext(), Db, time, logger, cancellationToken);
        Created = Accept<ApplicationResponse>(result.Result);
        if (Created is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Form = ApplicationForm.New();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Applications = await Db.Applications.AsNoTracking().Where(a => a.TenantId == TenantId && a.RealmId == Realm)
            .OrderBy(a => a.CreateTime).Take(200).ToListAsync(cancellationToken);
        AuthenticatorConfigs = await Db.AuthenticatorConfigs.AsNoTracking().Where(c => c.TenantId == TenantId && c.RealmId == Realm)
            .OrderBy(c => c.CreateTime).Take(50).ToListAsync(cancellationToken);
    }
}
