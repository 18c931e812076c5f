using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Passbind.Storage;

namespace Passbind.Server.Features.Console.Pages;

/// <summary>Ends the console session (POST only, with the antiforgery token).</summary>
internal sealed class SignOutModel(PassbindDbContext db) : ConsolePageModel(db)
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleSchemes.Cookie);
        return Redirect("/console/signin");
    }
}
