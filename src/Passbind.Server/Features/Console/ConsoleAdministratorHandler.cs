using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Identities;
using Passbind.Storage;

namespace Passbind.Server.Features.Console;

/// <summary>
/// Checks the role on every request against the identity's row, so that taking the role, suspending or deleting
/// the identity ends its console access at once, whatever its cookie says. The operator found is kept on the
/// request for the pages.
/// </summary>
internal sealed class ConsoleAdministratorHandler(PassbindDbContext db, IHttpContextAccessor http) : AuthorizationHandler<ConsoleAdministratorRequirement>
{
    private static readonly object OperatorKey = new();

    public static ConsoleOperator Operator(HttpContext context) =>
        context.Items[OperatorKey] as ConsoleOperator ?? throw new InvalidOperationException("The request was not authorized for the console.");

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ConsoleAdministratorRequirement requirement)
    {
        var user = context.User;
        var identityId = user.FindFirst(ConsoleSchemes.IdentityClaim)?.Value;
        var tenantId = user.FindFirst(ConsoleSchemes.TenantClaim)?.Value;
        var realmId = user.FindFirst(ConsoleSchemes.RealmClaim)?.Value;
        var request = http.HttpContext;
        if (identityId is null || tenantId is null || realmId is null || request is null)
        {
            return;
        }

        var found = await db.Identities.AsNoTracking()
            .Where(i => i.Id == identityId && i.TenantId == tenantId && i.RealmId == realmId
                && i.Status == IdentityStatuses.Active && i.ConsoleRole == ConsoleRoles.Administrator)
            .Select(i => new ConsoleOperator(i.Id, i.TenantId, i.RealmId, i.DisplayName, i.Username))
            .FirstOrDefaultAsync(request.RequestAborted);
        if (found is not null)
        {
            request.Items[OperatorKey] = found;
            context.Succeed(requirement);
        }
    }
}
