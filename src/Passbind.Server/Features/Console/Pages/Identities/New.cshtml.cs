using Microsoft.AspNetCore.Mvc;
using Passbind.Server.Features.Identities;
using Passbind.Server.Http;
using Passbind.Storage;

namespace Passbind.Server.Features.Console.Pages.Identities;

/// <summary>Creates an identity with the management API's own handler, so its rules and errors are the API's.</summary>
internal sealed class NewIdentityModel(PassbindDbContext db, TimeProvider time, ILogger<IdentityRequest> logger) : ConsolePageModel(db)
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = ConsoleForms.IdentityRequest(DisplayName, Username, Email, status: null);
        var created = Accept<IdentityResponse>((await IdentityEndpoints.CreateAsync(TenantId, Realm, JsonBody<IdentityRequest>.Of(request), Db, time, logger, cancellationToken)).Result);
        if (created is null)
        {
            return Page();
        }

        Notice = $"Created {Username}.";
        return Redirect($"/console/realms/{Realm}/identities/{created.Id}");
    }
}
