using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Authorization;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Audit;

/// <summary><c>GET …/realms/{r}/events</c>: the realm's audit trail, newest first, with scope <c>events:read</c>.</summary>
internal static class AuditEndpoints
{
    /// <summary>The attributes <c>filter</c> takes, one at a time (<c>attribute eq "value"</c>).</summary>
    internal static IReadOnlyList<string> FilterAttributes { get; } = ["type", "outcome", "resource_id", "identity_id", "application_id"];

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder realm)
    {
        realm.MapGet("/events", ListAsync).RequiresScope(Scopes.EventsRead).WithTags("Events").WithSummary("List the realm's audit events");
        return realm;
    }

    /// <summary>
    /// Pages newest first by id (keyset: stable while events are written). <c>filter</c> takes one
    /// <c>attribute eq "value"</c> on type, outcome, resource_id, identity_id or application_id.
    /// </summary>
    internal static Task<Results<Ok<AuditEventListResponse>, ApiError>> ListAsync(
        string tenant_id, string realm_id, HttpRequest request, PassbindDbContext db, PageTokens pageTokens, TimeProvider time, CancellationToken cancellationToken) =>
        QueryAsync(tenant_id, realm_id, request.Query, db, pageTokens, time, cancellationToken);

    /// <summary>The list for query parameters in hand (<c>filter</c>, <c>page_size</c>, <c>page_token</c>): the admin console's events page calls it.</summary>
    internal static async Task<Results<Ok<AuditEventListResponse>, ApiError>> QueryAsync(
        string tenant_id, string realm_id, IQueryCollection query, PassbindDbContext db, PageTokens pageTokens, TimeProvider time, CancellationToken cancellationToken)
    {
        if (PageRequest.TryRead(query, $"events/{tenant_id}/{realm_id}", PageLimits.Large, pageTokens, out var page) is { } error)
        {
            return error;
        }

        var matches = db.AuditEvents.AsNoTracking().Where(e => e.TenantId == tenant_id && e.RealmId == realm_id);
        if (page.Filter is not null)
        {
            switch (ScimFilter.ParseEquality(page.Filter, FilterAttributes))
            {
                case ("type", var value):
                    matches = matches.Where(e => e.Type == value);
                    break;
                case ("outcome", var value):
                    matches = matches.Where(e => e.Outcome == value);
                    break;
                case ("resource_id", var value):
                    matches = matches.Where(e => e.ResourceId == value);
                    break;
                case ("identity_id", var value):
                    matches = matches.Where(e => e.IdentityId == value);
                    break;
                case ("application_id", var value):
                    matches = matches.Where(e => e.ApplicationId == value);
                    break;
                default:
                    return ApiError.InvalidField("filter", $"unsupported filter: the supported filters are {string.Join(", ", FilterAttributes)} eq \"value\"");
            }
        }

        var total = await matches.CountAsync(cancellationToken);
        var remaining = matches;
        if (page.AfterId is not null && long.TryParse(page.AfterId, NumberStyles.None, CultureInfo.InvariantCulture, out var afterId))
        {
            remaining = matches.Where(e => e.Id < afterId);
        }

        var rows = await remaining.OrderByDescending(e => e.Id).Skip(page.Skip).Take(page.PageSize + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (rows.Count > page.PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = page.NextToken(pageTokens, rows[^1].Id.ToString(CultureInfo.InvariantCulture), time.GetUtcNow());
        }

        return TypedResults.Ok(new AuditEventListResponse(rows.Select(ToResponse).ToList(), total, next));
    }

    private static AuditEventResponse ToResponse(AuditEvent e) => new(
        e.Id.ToString(CultureInfo.InvariantCulture), e.TenantId, e.RealmId, e.Time, e.Type, e.Outcome, e.Reason, e.ApplicationId, e.IdentityId,
        e.ResourceType, e.ResourceId, e.ClientAddress, e.UserAgent);
}
