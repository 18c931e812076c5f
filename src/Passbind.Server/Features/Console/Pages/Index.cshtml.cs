using Microsoft.AspNetCore.Mvc;
using Passbind.Storage;

namespace Passbind.Server.Features.Console.Pages;

/// <summary><c>/console</c> opens the operator's own realm's identities.</summary>
internal sealed class IndexModel(PassbindDbContext db) : ConsolePageModel(db)
{
    public IActionResult OnGet() => Redirect($"/console/realms/{Realm}/identities");
}
