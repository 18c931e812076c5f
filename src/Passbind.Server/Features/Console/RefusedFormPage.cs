using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Passbind.Server.Html;

namespace Passbind.Server.Features.Console;

/// <summary>
/// A console form posted without the antiforgery token of the page it came from (a post forged by another site, or a
/// page kept open across a new sign-in) is refused with 400, as before, and now with a page that says nothing changed
/// and what to do, instead of an empty response.
/// </summary>
internal sealed class RefusedFormPage : IAlwaysRunResultFilter
{
    private const string Body =
        "<article><h1>This form was refused</h1><p>It did not carry the security token of the console page it was sent " +
        "from, so nothing was changed. Reload the page and send the form again. If you did not send it, another site " +
        "tried to act in your name.</p><p class=\"actions\"><a class=\"button\" href=\"/console\">Back to the console</a></p></article>";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new Refusal();
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private sealed class Refusal : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            new HtmlPage(StatusCodes.Status400BadRequest, "Form refused · Passbind Console", Body).ExecuteAsync(context.HttpContext);
    }
}
