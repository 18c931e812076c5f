using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Realms;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages;

/// <summary>The tenant's realms, to switch between; a new realm, made by the management API's own handler.</summary>
internal sealed class RealmsModel(PassbindDbContext db, TimeProvider time, ILogger<RealmRequest> logger) : ConsolePageModel(db)
{
    public static readonly IReadOnlyList<string> Classifications = ["SECURE_CUSTOMER", "SECURE_WORKFORCE"];

    public IReadOnlyList<Realm> TenantRealms { get; private set; } = [];

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Classification { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        TenantRealms = await Db.Realms.AsNoTracking().Where(r => r.TenantId == TenantId).OrderBy(r => r.CreateTime).Take(200).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new RealmRequest(new RealmFields(DisplayName?.Trim(), string.IsNullOrEmpty(Classification) ? null : Classification));
        var created = Accept<RealmResponse>((await RealmEndpoints.CreateAsync(TenantId, JsonBody<RealmRequest>.Of(request), Db, time, logger, cancellationToken)).Result);
        if (created is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        Notice = $"Created the realm {created.DisplayName}.";
        return Redirect($"/console/realms/{created.Id}/settings");
    }
}
