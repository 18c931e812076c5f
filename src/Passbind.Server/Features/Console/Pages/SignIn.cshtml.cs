using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Passbind.Server.Features.Console.Pages;

/// <summary>The page the console sends a browser without a session to; its button starts the OIDC sign-in.</summary>
internal sealed class SignInModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnPost()
    {
        // Only a console page may be returned to: no open redirect.
        var target = ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/console", StringComparison.Ordinal) ? ReturnUrl : "/console";
        return Challenge(new AuthenticationProperties { RedirectUri = target }, ConsoleSchemes.OpenIdConnect);
    }
}
