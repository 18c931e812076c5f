using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Http;
using Passbind.Storage;

namespace Passbind.Server.Features.Console;

/// <summary>
/// What every signed-in console page has: the operator (checked by <see cref="ConsoleAdministratorHandler"/>), the
/// realm it works in (one of the operator's tenant, or 404), and the outcome of the last action, shown once.
/// </summary>
internal abstract class ConsolePageModel(PassbindDbContext db) : PageModel
{
    protected PassbindDbContext Db { get; } = db;

    public ConsoleOperator Operator { get; private set; } = null!;

    [FromRoute(Name = "realmId")]
    public string? RealmId { get; set; }

    public string RealmName { get; private set; } = "";

    /// <summary>The realms of the tenant, for the switcher in the page header.</summary>
    public IReadOnlyList<(string Id, string Name)> Realms { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>What went wrong with the action just posted: the API's message and its field violations.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string TenantId => Operator.TenantId;

    /// <summary>The realm of the page, for pages below <c>/console/realms/{realmId}</c>.</summary>
    public string Realm => RealmId ?? Operator.RealmId;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Operator = ConsoleAdministratorHandler.Operator(HttpContext);
        Realms = (await Db.Realms.AsNoTracking().Where(r => r.TenantId == Operator.TenantId).OrderBy(r => r.CreateTime)
            .Select(r => new { r.Id, r.DisplayName }).Take(200).ToListAsync(HttpContext.RequestAborted))
            .Select(r => (r.Id, r.DisplayName)).ToList();
        var realm = Realms.FirstOrDefault(r => r.Id == Realm);
        if (realm.Id is null)
        {
            context.Result = NotFound();
            return;
        }

        RealmName = realm.Name;
        await next();
    }

    /// <summary>Takes an API handler's answer: its value when it succeeded, else null with its problems shown on the page.</summary>
    protected T? Accept<T>(IResult result)
    {
        switch (result)
        {
            case Ok<T> ok:
                return ok.Value;
            case ApiError error:
                Problems = Describe(error);
                return default;
            default:
                throw new InvalidOperationException($"Unexpected API result {result.GetType().Name}.");
        }
    }

    /// <summary>True when an API handler without a body succeeded; else its problems are shown on the page.</summary>
    protected bool Accept(IResult result)
    {
        if (result is ApiError error)
        {
            Problems = Describe(error);
            return false;
        }

        return true;
    }

    protected void Problem(string message) => Problems = [message];

    internal static List<string> Describe(ApiError error)
    {
        var problems = new List<string>();
        foreach (var detail in error.Body.Details ?? [])
        {
            foreach (var violation in detail.FieldViolations ?? [])
            {
                problems.Add($"{violation.Field}: {violation.Description}");
            }
        }

        return problems.Count > 0 ? problems : [error.Body.Message];
    }
}
