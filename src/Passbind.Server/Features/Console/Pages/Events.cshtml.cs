using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Passbind.Server.Features.Audit;
using Passbind.Server.Http;
using Passbind.Storage;

namespace Passbind.Server.Features.Console.Pages;

/// <summary>
/// The realm's audit events, newest first, a page at a time, through the Audit feature's own list (the API's
/// <c>GET …/events</c>): its filter (one attribute equal to a value) and its page tokens.
/// </summary>
internal sealed class EventsModel(PassbindDbContext db, PageTokens pageTokens, TimeProvider time) : ConsolePageModel(db)
{
    public const int PageSize = 50;

    /// <summary>The attribute filtered on: one of the API's filter attributes, or none.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Attribute { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Value { get; set; }

    [BindProperty(SupportsGet = true, Name = "page_token")]
    public string? PageToken { get; set; }

    public IReadOnlyList<AuditEventResponse> Events { get; private set; } = [];

    public int Total { get; private set; }

    public string? NextPageToken { get; private set; }

    public static IReadOnlyList<string> Attributes => AuditEndpoints.FilterAttributes;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, StringValues> { ["page_size"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrEmpty(Attribute) && !string.IsNullOrEmpty(Value))
        {
            // The API's filter syntax, the value as a JSON string so that quotes and backslashes in it stay part of it.
            query["filter"] = $"{Attribute} eq {JsonSerializer.Serialize(Value)}";
        }

        if (!string.IsNullOrEmpty(PageToken))
        {
            query["page_token"] = PageToken;
        }

        var list = Accept<AuditEventListResponse>((await AuditEndpoints.QueryAsync(TenantId, Realm, new QueryCollection(query), Db, pageTokens, time, cancellationToken)).Result);
        if (list is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Events = list.Events;
        Total = list.TotalSize;
        NextPageToken = list.NextPageToken;
        return Page();
    }

    /// <summary>This page filtered on <paramref name="attribute"/> equal to <paramref name="value"/>, from its first page.</summary>
    public string Filtered(string attribute, string value) =>
        $"/console/realms/{Realm}/events?attribute={Uri.EscapeDataString(attribute)}&value={Uri.EscapeDataString(value)}";

    /// <summary>The next page of the same list.</summary>
    public string Next(string pageToken) =>
        $"/console/realms/{Realm}/events?{(string.IsNullOrEmpty(Attribute) || string.IsNullOrEmpty(Value) ? "" : $"attribute={Uri.EscapeDataString(Attribute)}&value={Uri.EscapeDataString(Value)}&")}page_token={Uri.EscapeDataString(pageToken)}";
}
