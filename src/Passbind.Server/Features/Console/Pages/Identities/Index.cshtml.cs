using Microsoft.AspNetCore.Mvc;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages.Identities;

/// <summary>The realm's identities: the first by username, or those whose username or email starts with the query.</summary>
internal sealed class IdentitiesModel(PassbindDbContext db) : ConsolePageModel(db)
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Identity> Identities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Identities = await ConsoleIdentitySearch.SearchAsync(Db, TenantId, Realm, Query, cancellationToken);
}
